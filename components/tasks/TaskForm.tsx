import { useId, useState, type FormEvent } from 'react';
import { createTask } from '../../storage/activities/tasks';
import { dueFromInputs } from '../../storage/activities/taskTime';
import type { Task, TaskRecordOption } from '../../storage/queries/tasks';
import { describeError } from '../errors';
import { submitOnModEnter } from '../activities/formParts';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { TaskRecordPicker } from './TaskRecordPicker';

/**
 * A new task from the Tasks page: a title, a due date with an optional time, and optionally the
 * records it is about. A refused write keeps everything typed and says why.
 */
export function TaskForm({ onAdded }: { onAdded: (task: Task) => void }) {
  const db = useDb();
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [records, setRecords] = useState<TaskRecordOption[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    try {
      const due = dueFromInputs(date, time);
      onAdded(await createTask(db, { title, recordIds: records.map((r) => r.id), ...(due ? { due } : {}) }));
      setTitle('');
      setDate('');
      setTime('');
      setRecords([]);
      setError(undefined);
    } catch (err) {
      setError(describeError(err).join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="tl-task-new" aria-label={t('data.tasks.new')} onSubmit={(e) => void submit(e)} onKeyDown={submitOnModEnter}>
      <div className="tl-task-new-title">
        <label htmlFor={`${id}-title`}>{t('data.tasks.taskTitle')}</label>
        <input id={`${id}-title`} value={title} maxLength={1000} placeholder={t('data.tasks.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-date`}>{t('data.tasks.dueDate')}</label>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-time`}>{t('data.tasks.dueTime')}</label>
        {/* A time alone has no day to fall on: it waits for a date. */}
        <input id={`${id}-time`} type="time" value={time} disabled={!date} onChange={(e) => setTime(e.target.value)} />
      </div>
      <div className="tl-task-new-about">
        <label htmlFor={`${id}-about`}>{t('data.tasks.about')}</label>
        <TaskRecordPicker inputId={`${id}-about`} label={t('data.tasks.about')} value={records} onChange={setRecords} />
      </div>
      <button type="submit" className="tl-primary" disabled={busy || !title.trim()}>{t('data.tasks.add')}</button>
      {error && <p role="alert" className="tl-error">{t('common.notSaved')} {error}</p>}
    </form>
  );
}
