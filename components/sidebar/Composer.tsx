import { useId, useState, type FormEvent } from 'react';
import { addNote, addTask } from '../../storage/activities/activities';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';

/** Adds a note or a task about the conversation to the records on the thread. */
export function Composer({ recordIds }: { recordIds: string[] }) {
  const db = useDb();
  const id = useId();
  const [kind, setKind] = useState<'note' | 'task'>('note');
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string>();
  const canWrite = useCanWrite();

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      if (kind === 'note') await addNote(db, recordIds, text);
      else await addTask(db, recordIds, text, due ? new Date(`${due}T09:00:00`).getTime() : undefined);
      setText('');
      setDue('');
      setError(undefined);
    } catch (err) {
      setError(describeError(err).join(' '));
    }
  }

  if (recordIds.length === 0 || !canWrite) return null;
  return (
    <form className="tl-composer" onSubmit={submit} aria-label={t('sidebar.composer')}>
      <div className="tl-tabs" role="radiogroup" aria-label={t('sidebar.kind')}>
        {(['note', 'task'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} /> {k === 'note' ? t('sidebar.note') : t('sidebar.task')}
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-text`} className="tl-visually-hidden">
        {kind === 'note' ? t('sidebar.note') : t('sidebar.task')}
      </label>
      <textarea id={`${id}-text`} rows={kind === 'note' ? 3 : 1} value={text} onChange={(e) => setText(e.target.value)} placeholder={kind === 'note' ? t('sidebar.notePlaceholder') : t('sidebar.taskPlaceholder')} />
      {kind === 'task' && (
        <label>
          {t('sidebar.due')} <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      )}
      {error && <div role="alert" className="tl-error">{error}</div>}
      <button type="submit" className="tl-primary" disabled={!text.trim()}>
        {kind === 'note' ? t('sidebar.addNote') : t('sidebar.addTask')}
      </button>
    </form>
  );
}
