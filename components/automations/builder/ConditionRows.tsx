import type { ConditionTarget, RuleCondition, RuleConditions } from '../../../storage/model/customRules';
import { CONDITION_TARGETS } from '../../../storage/model/customRules';
import { conditionFolder } from '../../../storage/automations/customChecks';
import type { Field } from '../../../storage/model/field';
import { filterOps } from '../../../storage/model/filterRegistry';
import { t } from '../../../i18n';
import { FilterValue } from '../../crm/FilterEditor';
import { opLabel } from '../../crm/labels';
import { Icon } from '../../icons/icons';
import type { Workspace } from './examples';

const conditionFolderId = (ws: Workspace, ruleFolderId: string, target: ConditionTarget) => conditionFolder(ws.folders, ruleFolderId, target);

const fieldsOf = (ws: Workspace, folderId: string | undefined): Field[] => ws.fields.filter((f) => f.folderId === folderId);

function fresh(ws: Workspace, ruleFolderId: string, target: ConditionTarget): RuleCondition | undefined {
  const field = fieldsOf(ws, conditionFolderId(ws, ruleFolderId, target))[0];
  const op = field && filterOps(field)[0]?.op;
  return field && op ? { target, fieldId: field.id, op, value: '' } : undefined;
}

/** "If [all] of: [its company] [Industry] [is] [Software]": the saved views' operators, per field type. */
export function ConditionRows({ conditions, ruleFolderId, onChange, ws }: { conditions: RuleConditions; ruleFolderId: string; onChange: (c: RuleConditions) => void; ws: Workspace }) {
  const set = (i: number, next: RuleCondition) => onChange({ ...conditions, list: conditions.list.map((c, j) => (j === i ? next : c)) });
  // The company and deal targets exist only where the workspace has such a folder.
  const targets = CONDITION_TARGETS.filter((target) => target === 'record' || conditionFolderId(ws, ruleFolderId, target));
  const first = fresh(ws, ruleFolderId, 'record');
  return (
    <fieldset className="tl-rb-part">
      <legend>{t('rules.if')}</legend>
      <label>
        {t('rules.match')}
        <select value={conditions.match} onChange={(e) => onChange({ ...conditions, match: e.target.value as RuleConditions['match'] })}>
          <option value="all">{t('rules.match.all')}</option>
          <option value="any">{t('rules.match.any')}</option>
        </select>
      </label>
      {conditions.list.length === 0 && <p className="tl-muted">{t('rules.noConditions')}</p>}
      {conditions.list.map((c, i) => {
        const n = i + 1;
        const fields = fieldsOf(ws, conditionFolderId(ws, ruleFolderId, c.target));
        const field = fields.find((f) => f.id === c.fieldId);
        const ops = field ? filterOps(field) : [];
        const input = ops.find((o) => o.op === c.op)?.input ?? 'none';
        return (
          <div key={i} className="tl-filter-row" role="group" aria-label={t('rules.conditionN', { n })}>
            <select aria-label={t('rules.conditionTarget', { n })} value={c.target} onChange={(e) => {
              const next = fresh(ws, ruleFolderId, e.target.value as ConditionTarget);
              if (next) set(i, next);
            }}>
              {targets.map((target) => <option key={target} value={target}>{t(`rules.target.${target}`)}</option>)}
            </select>
            <select aria-label={t('rules.conditionField', { n })} value={c.fieldId} onChange={(e) => {
              const nf = fields.find((f) => f.id === e.target.value);
              if (nf) set(i, { ...c, fieldId: nf.id, op: filterOps(nf)[0]?.op ?? c.op, value: '' });
            }}>
              {!field && <option value={c.fieldId}>{t('views.deletedField')}</option>}
              {fields.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
            </select>
            <select aria-label={t('rules.conditionOp', { n })} value={c.op} onChange={(e) => set(i, { ...c, op: e.target.value, value: '' })}>
              {ops.map((o) => <option key={o.op} value={o.op}>{opLabel(o.op)}</option>)}
            </select>
            {field && <FilterValue input={input} field={field} pipelines={ws.pipelines} value={c.value} label={t('rules.conditionValue', { n })} onChange={(v) => set(i, { ...c, value: v })} />}
            <button type="button" aria-label={t('rules.removeCondition', { n })} onClick={() => onChange({ ...conditions, list: conditions.list.filter((_, j) => j !== i) })}>
              <Icon name="remove" size={14} />
            </button>
          </div>
        );
      })}
      {first && (
        <button type="button" onClick={() => onChange({ ...conditions, list: [...conditions.list, first] })}>
          <Icon name="add" size={14} /> {t('rules.addCondition')}
        </button>
      )}
    </fieldset>
  );
}
