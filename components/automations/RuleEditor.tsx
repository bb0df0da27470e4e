import type { AutomationAction, AutomationRule } from '../../storage/model/automationRules';
import { writableByAutomation } from '../../storage/automations/effects';
import type { Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import { ActivityRuleEditor } from './ActivityRuleEditor';
import { TaskActionFields } from './TaskActionFields';

type Props = {
  rule: AutomationRule;
  onChange: (rule: AutomationRule) => void;
  onRemove: () => void;
  pipelines: readonly Pipeline[];
  /** Fields of the deals folder: what "set a field" may set. */
  dealFields: readonly Field[];
};

const stageKey = (pipelineId: string, stageId: string) => `${pipelineId}/${stageId}`;

function ActionEditor({ rule, onChange, dealFields, pipelines }: Omit<Props, 'onRemove' | 'rule'> & { rule: Extract<AutomationRule, { kind: 'stageEntered' }> }) {
  const action = rule.action;
  const setAction = (a: AutomationAction) => onChange({ ...rule, action: a });
  const writable = dealFields.filter(writableByAutomation);
  const field = action.kind === 'setField' ? writable.find((f) => f.id === action.fieldId) : undefined;
  return (
    <>
      <label>
        {t('automation.then')}
        <select
          value={action.kind}
          onChange={(e) => setAction(e.target.value === 'createTask' ? { kind: 'createTask', title: '' } : { kind: 'setField', fieldId: writable[0]?.id ?? '', value: undefined })}
        >
          <option value="createTask">{t('automation.action.createTask')}</option>
          <option value="setField">{t('automation.action.setField')}</option>
        </select>
      </label>
      {action.kind === 'createTask' ? (
        <TaskActionFields action={action} titleLabel={t('automation.taskTitle')} onChange={setAction} />
      ) : (
        <>
          <label>
            {t('automation.field')}
            <select value={action.fieldId} onChange={(e) => setAction({ kind: 'setField', fieldId: e.target.value, value: undefined })}>
              {writable.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {field && (
            <label htmlFor={`${rule.id}-value`}>
              {t('automation.value')}
              <FieldEditor field={field} value={action.value} onChange={(v) => setAction({ ...action, value: v })} pipelines={pipelines} inputId={`${rule.id}-value`} />
            </label>
          )}
        </>
      )}
    </>
  );
}

/** One "when … then …" rule, written as a sentence with its blanks as controls. */
export function RuleEditor(props: Props) {
  const { rule, onChange, onRemove, pipelines } = props;
  return (
    <fieldset className="tl-rp-rule" aria-label={rule.name || t('automation.untitled')}>
      <label>
        {t('automation.name')}
        <input value={rule.name} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
      </label>
      <label className="tl-rp-check">
        <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} />
        {t('automation.enabled')}
      </label>
      {rule.kind === 'stageEntered' ? (
        <>
          <label>
            {t('automation.whenStage')}
            <select
              value={stageKey(rule.pipelineId, rule.stageId)}
              onChange={(e) => {
                const [pipelineId = '', stageId = ''] = e.target.value.split('/');
                onChange({ ...rule, pipelineId, stageId });
              }}
            >
              {pipelines.flatMap((p) =>
                p.stages.map((s) => (
                  <option key={stageKey(p.id, s.id)} value={stageKey(p.id, s.id)}>
                    {pipelines.length > 1 ? `${p.name} · ${s.name}` : s.name}
                  </option>
                )),
              )}
            </select>
          </label>
          <ActionEditor {...props} rule={rule} />
        </>
      ) : rule.kind === 'activityLogged' ? (
        <ActivityRuleEditor rule={rule} onChange={onChange} />
      ) : (
        <p className="tl-rp-sentence">{t(rule.kind === 'dealWon' ? 'automation.sentence.dealWon' : 'automation.sentence.emailFromNewLead')}</p>
      )}
      <button type="button" onClick={onRemove}>
        {t('automation.remove')}
      </button>
    </fieldset>
  );
}
