import type { AutomationAction } from '../../storage/model/automationRules';
import { t } from '../../i18n';

type TaskAction = Extract<AutomationAction, { kind: 'createTask' }>;

/** A "create a task" action's title and due-in-days inputs; clearing the days drops the due date. */
export function TaskActionFields({ action, titleLabel, onChange }: { action: TaskAction; titleLabel: string; onChange: (action: TaskAction) => void }) {
  return (
    <>
      <label>
        {titleLabel}
        <input value={action.title} onChange={(e) => onChange({ ...action, title: e.target.value })} />
      </label>
      <label>
        {t('automation.dueInDays')}
        <input
          type="number"
          min={0}
          max={365}
          value={action.dueInDays ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? { kind: 'createTask', title: action.title } : { ...action, dueInDays: Number(e.target.value) })}
        />
      </label>
    </>
  );
}
