import { useId, useState, type FormEvent } from 'react';
import { addNote } from '../../storage/activities/activities';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { SubmitRow, submitOnModEnter, type ActivityTarget } from './formParts';
import { useSubmit } from './useSubmit';

export function NoteForm({ target }: { target: ActivityTarget }) {
  const db = useDb();
  const id = useId();
  const [text, setText] = useState('');
  const { busy, error, status, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    void run(() => addNote(db, target.recordIds, text.trim(), target.threadId), () => setText(''));
  };
  return (
    <form className="tl-act-form" onSubmit={submit} onKeyDown={submitOnModEnter} aria-label={t('activity.note')}>
      <label htmlFor={`${id}-text`} className="tl-visually-hidden">{t('activity.note')}</label>
      <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('activity.notePlaceholder')} />
      {error && <div role="alert" className="tl-error">{error}</div>}
      <SubmitRow label={t('activity.addNote')} disabled={busy || !text.trim()} status={status} />
    </form>
  );
}
