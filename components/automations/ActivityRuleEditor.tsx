import type { AutomationRule } from '../../storage/model/automationRules';
import { t } from '../../i18n';
import { outcomeLabel, useCallOutcomes } from '../activities/outcomes';
import { TaskActionFields } from './TaskActionFields';

type Rule = Extract<AutomationRule, { kind: 'activityLogged' }>;

/** "When someone logs a call with outcome X, then create the task T due in N days." */
export function ActivityRuleEditor({ rule, onChange }: { rule: Rule; onChange: (rule: AutomationRule) => void }) {
  const outcomes = useCallOutcomes() ?? [];
  const { action } = rule;
  return (
    <>
      <label>
        {t('automation.whenLogged')}
        <select
          value={rule.activityKind}
          onChange={(e) => {
            const { outcome: _dropped, ...rest } = rule;
            onChange(e.target.value === 'meeting' ? { ...rest, activityKind: 'meeting' } : { ...rule, activityKind: 'call' });
          }}
        >
          <option value="call">{t('automation.loggedCall')}</option>
          <option value="meeting">{t('automation.loggedMeeting')}</option>
        </select>
      </label>
      {rule.activityKind === 'call' && (
        <label>
          {t('automation.withOutcome')}
          <select
            value={rule.outcome ?? ''}
            onChange={(e) => {
              const { outcome: _dropped, ...rest } = rule;
              onChange(e.target.value ? { ...rest, outcome: e.target.value } : rest);
            }}
          >
            <option value="">{t('automation.anyOutcome')}</option>
            {/* An outcome removed from the list since stays choosable, so the rule reads as saved. */}
            {[...outcomes.map((o) => o.id), ...(rule.outcome && !outcomes.some((o) => o.id === rule.outcome) ? [rule.outcome] : [])].map((id) => (
              <option key={id} value={id}>{outcomeLabel(id, outcomes)}</option>
            ))}
          </select>
        </label>
      )}
      <TaskActionFields action={action} titleLabel={t('automation.thenTask')} onChange={(a) => onChange({ ...rule, action: a })} />
    </>
  );
}
