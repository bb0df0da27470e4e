import { useId } from 'react';
import type { RuleTrigger, RuleTriggerKind } from '../../../storage/model/customRules';
import { RULE_ACTIVITY_KINDS } from '../../../storage/model/customRules';
import type { Field } from '../../../storage/model/field';
import { t } from '../../../i18n';
import { FieldEditor } from '../../fields/FieldEditor';
import { useCallOutcomes, outcomeLabel } from '../../activities/outcomes';
import type { Workspace } from './examples';
import { StageSelect, stageKeyOf } from './StageSelect';

const KINDS: readonly RuleTriggerKind[] = ['recordCreated', 'fieldChanged', 'stageEntered', 'stageLeft', 'activityLogged', 'dateReached', 'taskOverdue', 'matchedView'];

/** Fields whose change a rule can watch: anything a person edits (not formulas or statistics). */
const watchable = (fields: readonly Field[]) => fields.filter((f) => f.type !== 'formula' && f.type !== 'statistic' && f.type !== 'autoNumber');

/** A trigger of another kind in the same folder, with the first sensible choice filled in. */
function retarget(kind: RuleTriggerKind, folderId: string, ws: Workspace): RuleTrigger {
  const fields = watchable(ws.fields.filter((f) => f.folderId === folderId));
  const first = ws.pipelines[0];
  const stage = { pipelineId: first?.id ?? '', stageId: first?.stages[0]?.id ?? '' };
  switch (kind) {
    case 'recordCreated':
      return { on: kind, folderId };
    case 'fieldChanged':
      return { on: kind, folderId, fieldId: fields[0]?.id ?? '' };
    case 'stageEntered':
    case 'stageLeft':
      return { on: kind, folderId, ...stage };
    case 'activityLogged':
      return { on: kind, folderId, activity: 'emailReceived' };
    case 'dateReached':
      return { on: kind, folderId, fieldId: fields.find((f) => f.type === 'date')?.id ?? '', offsetDays: 0 };
    case 'taskOverdue':
      return { on: kind, folderId };
    case 'matchedView':
      return { on: kind, folderId, viewId: ws.views.find((v) => v.folderId === folderId)?.id ?? '' };
  }
}

function ChangeValue({ field, label, value, onChange, ws }: { field: Field; label: string; value: unknown; onChange: (v: unknown) => void; ws: Workspace }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <FieldEditor field={field} value={value} onChange={onChange} pipelines={ws.pipelines} inputId={id} />
    </label>
  );
}

type DateTriggerValue = Extract<RuleTrigger, { on: 'dateReached' }>;

/** "[Expected close] · [7] days [before]": the day the rule fires, relative to the record's date. */
function DateTrigger({ trigger, fields, onChange }: { trigger: DateTriggerValue; fields: readonly Field[]; onChange: (t: RuleTrigger) => void }) {
  const side = trigger.offsetDays < 0 ? 'before' : trigger.offsetDays > 0 ? 'after' : 'on';
  const days = Math.abs(trigger.offsetDays);
  const set = (nextSide: string, nextDays: number) => onChange({ ...trigger, offsetDays: nextSide === 'on' ? 0 : nextSide === 'before' ? -Math.max(1, nextDays) : Math.max(1, nextDays) });
  return (
    <>
      <label>
        {t('rules.field')}
        <select value={trigger.fieldId} onChange={(e) => onChange({ ...trigger, fieldId: e.target.value })}>
          {fields.filter((f) => f.type === 'date').map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
      </label>
      <label>
        {t('rules.dateWhen')}
        <select value={side} onChange={(e) => set(e.target.value, days || 1)}>
          <option value="on">{t('rules.date.on')}</option>
          <option value="before">{t('rules.date.before')}</option>
          <option value="after">{t('rules.date.after')}</option>
        </select>
      </label>
      {side !== 'on' && (
        <label>
          {t('rules.date.days')}
          <input type="number" min={1} max={365} step={1} className="tl-narrow" value={days} onChange={(e) => set(side, Math.min(365, Math.trunc(Number(e.target.value) || 1)))} />
        </label>
      )}
    </>
  );
}

/** "When [a field changes] in [Contacts]…" and the blanks that kind of trigger has. */
export function TriggerFields({ trigger, onChange, ws }: { trigger: RuleTrigger; onChange: (t: RuleTrigger) => void; ws: Workspace }) {
  const outcomes = useCallOutcomes() ?? [];
  const fields = watchable(ws.fields.filter((f) => f.folderId === trigger.folderId));
  const watched = trigger.on === 'fieldChanged' ? fields.find((f) => f.id === trigger.fieldId) : undefined;
  return (
    <fieldset className="tl-rb-part">
      <legend>{t('rules.when')}</legend>
      <label>
        {t('rules.folder')}
        <select value={trigger.folderId} onChange={(e) => onChange(retarget(trigger.on, e.target.value, ws))}>
          {ws.folders.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
      </label>
      <label>
        {t('rules.event')}
        <select value={trigger.on} onChange={(e) => onChange(retarget(e.target.value as RuleTriggerKind, trigger.folderId, ws))}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`rules.trigger.${k}`)}</option>)}
        </select>
      </label>
      {trigger.on === 'fieldChanged' && (
        <>
          <label>
            {t('rules.field')}
            <select value={trigger.fieldId} onChange={(e) => onChange({ on: 'fieldChanged', folderId: trigger.folderId, fieldId: e.target.value })}>
              {fields.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
            </select>
          </label>
          {watched && (
            <>
              <label className="tl-rp-check">
                <input type="checkbox" checked={trigger.to !== undefined} onChange={(e) => onChange({ ...trigger, to: e.target.checked ? (watched.options?.[0]?.id ?? '') : undefined })} />
                {t('rules.onlyTo')}
              </label>
              {trigger.to !== undefined && <ChangeValue field={watched} label={t('rules.toValue')} value={trigger.to} onChange={(to) => onChange({ ...trigger, to: to ?? '' })} ws={ws} />}
              <label className="tl-rp-check">
                <input type="checkbox" checked={trigger.from !== undefined} onChange={(e) => onChange({ ...trigger, from: e.target.checked ? (watched.options?.[0]?.id ?? '') : undefined })} />
                {t('rules.onlyFrom')}
              </label>
              {trigger.from !== undefined && <ChangeValue field={watched} label={t('rules.fromValue')} value={trigger.from} onChange={(from) => onChange({ ...trigger, from: from ?? '' })} ws={ws} />}
            </>
          )}
        </>
      )}
      {(trigger.on === 'stageEntered' || trigger.on === 'stageLeft') && (
        <StageSelect label={t('rules.stage')} pipelines={ws.pipelines} value={stageKeyOf(trigger)} onChange={(stage) => onChange({ ...trigger, ...stage })} />
      )}
      {trigger.on === 'dateReached' && <DateTrigger trigger={trigger} fields={fields} onChange={onChange} />}
      {trigger.on === 'matchedView' && (
        <label>
          {t('rules.view')}
          <select value={trigger.viewId} onChange={(e) => onChange({ ...trigger, viewId: e.target.value })}>
            {ws.views.filter((v) => v.folderId === trigger.folderId).map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
        </label>
      )}
      {trigger.on === 'activityLogged' && (
        <>
          <label>
            {t('rules.activity')}
            <select value={trigger.activity} onChange={(e) => onChange({ on: 'activityLogged', folderId: trigger.folderId, activity: e.target.value as (typeof RULE_ACTIVITY_KINDS)[number] })}>
              {RULE_ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{t(`rules.activity.${k}`)}</option>)}
            </select>
          </label>
          {trigger.activity === 'call' && (
            <label>
              {t('rules.outcome')}
              <select
                value={trigger.outcome ?? ''}
                onChange={(e) => {
                  const { outcome: _dropped, ...rest } = trigger;
                  onChange(e.target.value ? { ...rest, outcome: e.target.value } : rest);
                }}
              >
                <option value="">{t('rules.anyOutcome')}</option>
                {outcomes.map((o) => <option key={o.id} value={o.id}>{outcomeLabel(o.id, outcomes)}</option>)}
              </select>
            </label>
          )}
        </>
      )}
    </fieldset>
  );
}
