import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { setTaskDone } from '../../storage/activities/activities';
import { createTask } from '../../storage/activities/tasks';
import { dueFromInputs } from '../../storage/activities/taskTime';
import { recordTasks } from '../../storage/queries/crm';
import { useDb } from '../shell/DbProvider';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { ErrorAlert } from './ErrorAlert';
import { formatDue } from '../tasks/dueFormat';

/** The record's tasks, open ones first by due date, and a quick way to add one (not for viewers). */
export function RecordTasks({ recordId, canWrite = true }: { recordId: string; canWrite?: boolean }) {
  const db = useDb();
  const tasks = useLiveQuery(() => recordTasks(db, recordId), [db, recordId]);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  // The box follows the stored task (live query): a refused write leaves it unchanged and says why.
  const toggle = (id: string, done: boolean) => setTaskDone(db, id, done).then(() => setErrors([]), (err: unknown) => setErrors(describeError(err)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      // A date alone is the end of that local day (a task due "today" is not overdue at 9am); a time makes it exact.
      const at = dueFromInputs(due, time);
      await createTask(db, { title, recordIds: [recordId], ...(at ? { due: at } : {}) });
      setTitle('');
      setDue('');
      setTime('');
      setErrors([]);
    } catch (err) {
      setErrors(describeError(err));
    }
  }

  return (
    <section aria-label={t('views.record.tasks')}>
      <h3 className="tl-section">{t('views.record.tasks')}</h3>
      {tasks?.length === 0 && <p className="tl-muted">{t('views.record.noTasks')}</p>}
      <ul className="tl-plain-list">
        {tasks?.map((task) => (
          <li key={task.id}>
            <label className="tl-task">
              <input type="checkbox" checked={task.done} disabled={!canWrite} onChange={(e) => void toggle(task.id, e.target.checked)} />
              <span dir="auto" className={task.done ? 'tl-done' : undefined}>{task.title}</span>
              {task.due && <small> · {t('timeline.due', { date: formatDue({ due: task.due, timed: task.timed }) })}</small>}
            </label>
          </li>
        ))}
      </ul>
      <ErrorAlert errors={errors} />
      {canWrite && (
        <form className="tl-inline tl-task-form" onSubmit={(e) => void submit(e)} aria-label={t('views.record.addTask')}>
          <input aria-label={t('views.record.taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={1000} />
          <input aria-label={t('views.record.taskDue')} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          <input aria-label={t('data.tasks.dueTime')} type="time" value={time} disabled={!due} onChange={(e) => setTime(e.target.value)} />
          <button type="submit">{t('views.record.addTask')}</button>
        </form>
      )}
    </section>
  );
}
