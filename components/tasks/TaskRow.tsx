import type { DueInput } from '../../storage/activities/tasks';
import { t } from '../../i18n';
import { formatDue } from './dueFormat';
import { SnoozeControl } from './SnoozeControl';
import type { Task } from './taskList';

type Props = {
  task: Task;
  now: number;
  overdue: boolean;
  titles: ReadonlyMap<string, string>;
  canWrite: boolean;
  onToggle: (task: Task, done: boolean) => void;
  onSnoozed: (task: Task, due: DueInput) => void;
  onError: (message: string) => void;
};

export function TaskRow({ task, now, overdue, titles, canWrite, onToggle, onSnoozed, onError }: Props) {
  return (
    <li className={overdue ? 'tl-data-overdue' : undefined}>
      <label>
        <input type="checkbox" checked={task.done} disabled={!canWrite} onChange={(e) => onToggle(task, e.target.checked)} />{' '}
        <span dir="auto" className={task.done ? 'tl-done' : undefined}>{task.title}</span>
      </label>
      {task.due !== undefined && <span className="tl-data-due"> {t('data.tasks.due', { when: formatDue({ due: task.due, timed: task.timed }) })}</span>}
      <span className="tl-data-records">
        {task.recordIds.map((rid) => (
          <a key={rid} href={`#/record/${rid}`} dir="auto">
            {titles.get(rid) || t('common.untitled')}
          </a>
        ))}
      </span>
      {canWrite && !task.done && <SnoozeControl task={task} now={now} onSnoozed={(due) => onSnoozed(task, due)} onError={onError} />}
    </li>
  );
}
