import { useId, useState, type ReactNode } from 'react';
import { t, type PlainKey } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { CallForm } from './CallForm';
import type { ActivityTarget } from './formParts';
import { MeetingForm } from './MeetingForm';
import { NoteForm } from './NoteForm';
import './activities.css';

type Kind = 'note' | 'call' | 'meeting' | 'task';
const LABEL: Record<Kind, PlainKey> = { note: 'activity.note', call: 'activity.call', meeting: 'activity.meeting', task: 'activity.task' };

type Props = {
  target: ActivityTarget;
  /** A task form beside the others (the sidebar's), when the page has none of its own. */
  taskForm?: ReactNode;
  /** Above the forms: what the activity is about, when the page lets the rep choose (the sidebar). */
  about?: ReactNode;
};

/** Note, call or meeting (and task where asked) on the records of `target`: one kind at a time. */
export function ActivityComposer({ target, taskForm, about }: Props) {
  const id = useId();
  const canWrite = useCanWrite();
  const [kind, setKind] = useState<Kind>('note');
  if (!canWrite || target.recordIds.length === 0) return null;
  const kinds: Kind[] = taskForm ? ['note', 'call', 'meeting', 'task'] : ['note', 'call', 'meeting'];
  // A change of records starts the forms afresh (their "called" and attendee choices depend on them).
  const key = `${target.recordIds.join(',')}|${target.people.map((p) => p.id).join(',')}`;
  return (
    <section className="tl-composer tl-act" aria-label={t('activity.composer')}>
      <div className="tl-tabs" role="radiogroup" aria-label={t('activity.kind')}>
        {kinds.map((k) => (
          <label key={k} className={kind === k ? 'tl-tab-on' : undefined}>
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} /> {t(LABEL[k])}
          </label>
        ))}
      </div>
      {about}
      {kind === 'note' && <NoteForm key={key} target={target} />}
      {kind === 'call' && <CallForm key={key} target={target} />}
      {kind === 'meeting' && <MeetingForm key={key} target={target} />}
      {kind === 'task' && taskForm}
    </section>
  );
}
