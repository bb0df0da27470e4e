import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { addTask, setTaskDone } from '../../storage/activities/activities';
import { recordTasks } from '../../storage/queries/crm';
import { useDb } from '../shell/DbProvider';
import { describeError } from '../errors';
import { uiLocale } from '../hooks';
import { t } from '../../i18n';
import { ErrorAlert } from './ErrorAlert';
import { dateTimeFormat } from '../../storage/model/intl';

/** The record's tasks, open ones first by due date, and a quick way to add one (not for viewers). */
export function RecordTasks({ recordId, canWrite = true }: { recordId: string; canWrite?: boolean }) {
  const db = useDb();
  const tasks = useLiveQuery(() => recordTasks(db, recordId), [db, recordId]);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const fmt = dateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  // The box follows the stored task (live query): a refused write leaves it unchanged and says why.
  const toggle = (id: string, done: boolean) => setTaskDone(db, id, done).then(() => setErrors([]), (err: unknown) => setErrors(describeError(err)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      // A due date is the end of that local day: a task due "today" is not overdue at 9am.
      await addTask(db, [recordId], title.trim(), due ? new Date(`${due}T23:59:00`).getTime() : undefined);
      setTitle('');
      setDue('');
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
              {task.due && <small> · {t('timeline.due', { date: fmt.format(new Date(task.due)) })}</small>}
            </label>
          </li>
        ))}
      </ul>
      <ErrorAlert errors={errors} />
      {canWrite && (
        <form className="tl-inline tl-task-form" onSubmit={(e) => void submit(e)} aria-label={t('views.record.addTask')}>
          <input aria-label={t('views.record.taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={1000} />
          <input aria-label={t('views.record.taskDue')} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          <button type="submit">{t('views.record.addTask')}</button>
        </form>
      )}
    </section>
  );
}
