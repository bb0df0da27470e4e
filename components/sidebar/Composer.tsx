import { useId, useState, type FormEvent } from 'react';
import { createTask } from '../../storage/activities/tasks';
import { dueFromInputs } from '../../storage/activities/taskTime';
import type { CrmRecord } from '../../storage/model/entities';
import { ActivityComposer } from '../activities/ActivityComposer';
import { submitOnModEnter } from '../activities/formParts';
import { useSubmit } from '../activities/useSubmit';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';

type Props = {
  threadId: string;
  /** The known people on the thread. */
  contacts: readonly CrmRecord[];
  /** The deals linked to the thread. */
  deals: readonly CrmRecord[];
};

function TaskForm({ recordIds }: { recordIds: string[] }) {
  const db = useDb();
  const id = useId();
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [time, setTime] = useState('');
  const { busy, error, status, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    const at = dueFromInputs(due, time);
    void run(() => createTask(db, { title: text, recordIds, ...(at ? { due: at } : {}) }), () => {
      setText('');
      setDue('');
      setTime('');
    });
  };
  return (
    <form className="tl-act-form" onSubmit={submit} onKeyDown={submitOnModEnter} aria-label={t('sidebar.task')}>
      <label htmlFor={`${id}-text`} className="tl-visually-hidden">{t('sidebar.task')}</label>
      <textarea id={`${id}-text`} rows={1} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('sidebar.taskPlaceholder')} />
      <label>
        {t('sidebar.due')} <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label>
        {t('data.tasks.dueTime')} <input type="time" value={time} disabled={!due} onChange={(e) => setTime(e.target.value)} />
      </label>
      {error && <div role="alert" className="tl-error">{error}</div>}
      <div className="tl-act-submit">
        <button type="submit" className="tl-primary" disabled={busy || !text.trim()}>{t('sidebar.addTask')}</button>
        <span aria-live="polite" className="tl-act-status">{status}</span>
      </div>
    </form>
  );
}

/**
 * Notes, calls, meetings and tasks from beside the thread: about everyone on it (its people and
 * linked deals) or one person or deal. They remember the thread, so linking it to a deal later
 * brings them along.
 */
export function Composer({ threadId, contacts, deals }: Props) {
  const id = useId();
  const [about, setAbout] = useState('');
  const everyone = [...contacts, ...deals].map((r) => r.id);
  const chosen = everyone.includes(about) ? about : '';
  const recordIds = chosen ? [chosen] : everyone;
  const chosenContact = contacts.find((c) => c.id === chosen);
  // Calling or meeting one person: that person; a deal or everyone: any of the thread's people.
  const people = (chosenContact ? [chosenContact] : contacts).map((c) => ({ id: c.id, title: c.title }));
  const aboutPicker = everyone.length > 1 && (
    <div className="tl-act-about">
      <label htmlFor={`${id}-about`}>{t('activity.about')}</label>
      <select id={`${id}-about`} value={chosen} onChange={(e) => setAbout(e.target.value)}>
        <option value="">{t('activity.aboutAll')}</option>
        {contacts.map((c) => (
          <option key={c.id} value={c.id}>{c.title || t('common.untitled')}</option>
        ))}
        {deals.map((d) => (
          <option key={d.id} value={d.id}>{t('activity.aboutDeal', { name: d.title || t('common.untitled') })}</option>
        ))}
      </select>
    </div>
  );
  return <ActivityComposer target={{ recordIds, people, threadId }} about={aboutPicker || undefined} taskForm={<TaskForm key={recordIds.join(',')} recordIds={recordIds} />} />;
}
