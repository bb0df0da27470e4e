import { useId } from 'react';
import type { RuleAction, RuleActionKind } from '../../../storage/model/customRules';
import type { Field } from '../../../storage/model/field';
import { writableByAutomation } from '../../../storage/automations/effects';
import { t } from '../../../i18n';
import { FieldEditor } from '../../fields/FieldEditor';
import { RecordPicker } from '../../pickers/RecordPicker';
import { Icon } from '../../icons/icons';
import type { Workspace } from './examples';
import { StageSelect, stageKeyOf } from './StageSelect';

const KINDS: readonly RuleActionKind[] = ['setField', 'setDate', 'clearField', 'moveStage', 'createTask', 'addNote', 'notify', 'link'];
const MERGE_EXAMPLE = '{{record.title}}';
const LINES_EXAMPLE = '{{record.lines}}';

type Ctx = { ws: Workspace; fields: readonly Field[]; n: number };

/** The kinds of action this folder's fields allow (no date field: no "set a date"). */
function kindsFor(fields: readonly Field[], ws: Workspace): RuleActionKind[] {
  return KINDS.filter((k) => {
    if (k === 'setDate') return fields.some((f) => f.type === 'date');
    if (k === 'link') return fields.some((f) => f.type === 'link');
    if (k === 'moveStage') return fields.some((f) => f.type === 'stage') && ws.pipelines.length > 0;
    return true;
  });
}

function freshAction(kind: RuleActionKind, fields: readonly Field[], ws: Workspace): RuleAction {
  const firstOf = (pred: (f: Field) => boolean) => fields.find(pred)?.id ?? '';
  const stage = ws.pipelines[0];
  switch (kind) {
    case 'setField':
      return { do: kind, fieldId: firstOf((f) => f.type !== 'link'), value: undefined };
    case 'setDate':
      return { do: kind, fieldId: firstOf((f) => f.type === 'date'), days: 0 };
    case 'clearField':
      return { do: kind, fieldId: firstOf(() => true) };
    case 'moveStage':
      return { do: kind, pipelineId: stage?.id ?? '', stageId: stage?.stages[0]?.id ?? '' };
    case 'createTask':
      return { do: kind, title: '', owner: 'recordOwner' };
    case 'addNote':
      return { do: kind, body: '' };
    case 'notify':
      return { do: kind, text: '' };
    case 'link':
      return { do: kind, fieldId: firstOf((f) => f.type === 'link'), recordId: '' };
  }
}

function FieldSelect({ label, fields, value, onChange }: { label: string; fields: readonly Field[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {fields.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
      </select>
    </label>
  );
}

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return <label htmlFor={id}>{label}{children(id)}</label>;
}

/** The blanks of one action, by its kind. */
function ActionBlanks({ action, onChange, ctx }: { action: RuleAction; onChange: (a: RuleAction) => void; ctx: Ctx }) {
  const { ws, fields } = ctx;
  const settable = fields.filter(writableByAutomation);
  switch (action.do) {
    case 'setField': {
      const field = settable.find((f) => f.id === action.fieldId);
      return (
        <>
          <FieldSelect label={t('rules.field')} fields={settable.filter((f) => f.type !== 'link')} value={action.fieldId} onChange={(fieldId) => onChange({ do: 'setField', fieldId, value: undefined })} />
          {field && <Labelled label={t('rules.value')}>{(id) => <FieldEditor field={field} value={action.value} onChange={(value) => onChange({ ...action, value })} pipelines={ws.pipelines} inputId={id} />}</Labelled>}
        </>
      );
    }
    case 'setDate':
      return (
        <>
          <FieldSelect label={t('rules.field')} fields={settable.filter((f) => f.type === 'date')} value={action.fieldId} onChange={(fieldId) => onChange({ ...action, fieldId })} />
          <label>
            {t('rules.daysFromToday')}
            <input type="number" step={1} min={-3650} max={3650} value={action.days} onChange={(e) => onChange({ ...action, days: Math.trunc(Number(e.target.value) || 0) })} className="tl-narrow" />
          </label>
        </>
      );
    case 'clearField':
      return <FieldSelect label={t('rules.field')} fields={settable} value={action.fieldId} onChange={(fieldId) => onChange({ ...action, fieldId })} />;
    case 'moveStage':
      return <StageSelect label={t('rules.stage')} pipelines={ws.pipelines} value={stageKeyOf(action)} onChange={(stage) => onChange({ ...action, ...stage })} />;
    case 'createTask':
      return (
        <>
          <label>
            {t('rules.taskTitle')}
            <input value={action.title} onChange={(e) => onChange({ ...action, title: e.target.value })} />
          </label>
          <small className="tl-muted">{t('rules.mergeHint', { example: MERGE_EXAMPLE, lines: LINES_EXAMPLE })}</small>
          <label>
            {t('rules.dueInDays')}
            <input
              type="number" min={0} max={3650} step={1} className="tl-narrow" value={action.dueInDays ?? ''}
              onChange={(e) => {
                const { dueInDays: _dropped, ...rest } = action;
                onChange(e.target.value === '' ? rest : { ...action, dueInDays: Math.max(0, Math.trunc(Number(e.target.value))) });
              }}
            />
          </label>
          <label>
            {t('rules.owner')}
            <select value={action.owner} onChange={(e) => onChange({ ...action, owner: e.target.value as 'recordOwner' | 'none' })}>
              <option value="recordOwner">{t('rules.owner.recordOwner')}</option>
              <option value="none">{t('rules.owner.none')}</option>
            </select>
          </label>
        </>
      );
    case 'addNote':
      return (
        <label>
          {t('rules.noteBody')}
          <textarea rows={2} value={action.body} onChange={(e) => onChange({ ...action, body: e.target.value })} />
        </label>
      );
    case 'notify':
      return (
        <>
          <label>
            {t('rules.notifyText')}
            <input value={action.text} onChange={(e) => onChange({ ...action, text: e.target.value })} />
          </label>
          <small className="tl-muted">{t('rules.notifyHint')}</small>
        </>
      );
    case 'link': {
      const links = settable.filter((f) => f.type === 'link');
      const field = links.find((f) => f.id === action.fieldId);
      return (
        <>
          <FieldSelect label={t('rules.linkField')} fields={links} value={action.fieldId} onChange={(fieldId) => onChange({ ...action, fieldId, recordId: '' })} />
          {field && (
            <Labelled label={t('rules.linkRecord')}>
              {(id) => (
                <RecordPicker folderId={String(field.settings.targetFolderId ?? '')} value={action.recordId ? [action.recordId] : undefined} onChange={(ids) => onChange({ ...action, recordId: ids?.at(-1) ?? '' })} inputId={id} label={t('rules.linkRecord')} multiple={false} />
              )}
            </Labelled>
          )}
        </>
      );
    }
  }
}

/** "Then: [create a task] …, [set a field] …": up to ten actions, run in order. */
export function ActionRows({ actions, ruleFolderId, onChange, ws }: { actions: readonly RuleAction[]; ruleFolderId: string; onChange: (a: RuleAction[]) => void; ws: Workspace }) {
  const fields = ws.fields.filter((f) => f.folderId === ruleFolderId);
  const kinds = kindsFor(fields, ws);
  const set = (i: number, next: RuleAction) => onChange(actions.map((a, j) => (j === i ? next : a)));
  return (
    <fieldset className="tl-rb-part">
      <legend>{t('rules.then')}</legend>
      {actions.map((action, i) => {
        const n = i + 1;
        return (
          <div key={i} className="tl-rb-action" role="group" aria-label={t('rules.actionN', { n })}>
            <label>
              {t('rules.actionKind', { n })}
              <select value={action.do} onChange={(e) => set(i, freshAction(e.target.value as RuleActionKind, fields, ws))}>
                {kinds.map((k) => <option key={k} value={k}>{t(`rules.action.${k}`)}</option>)}
              </select>
            </label>
            <ActionBlanks action={action} onChange={(a) => set(i, a)} ctx={{ ws, fields, n }} />
            {actions.length > 1 && (
              <button type="button" aria-label={t('rules.removeAction', { n })} onClick={() => onChange(actions.filter((_, j) => j !== i))}>
                <Icon name="remove" size={14} />
              </button>
            )}
          </div>
        );
      })}
      {actions.length < 10 && (
        <button type="button" onClick={() => onChange([...actions, freshAction('createTask', fields, ws)])}>
          <Icon name="add" size={14} /> {t('rules.addAction')}
        </button>
      )}
    </fieldset>
  );
}
