import { useId, useState, type FormEvent } from 'react';
import { logMeeting } from '../../storage/activities/log';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { choosablePeople } from './CallForm';
import { DurationField, localInputValue, minutesFrom, SubmitRow, submitOnModEnter, WhenField, whenToStore, type ActivityTarget } from './formParts';
import { useSubmit } from './useSubmit';

/** Past this many people (a company's), the attendee list gets a filter box. */
const FILTER_FROM = 8;

/** A meeting: when, how long, who of the record's people took part, and what was decided. */
export function MeetingForm({ target }: { target: ActivityTarget }) {
  const db = useDb();
  const id = useId();
  const people = choosablePeople(target);
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(() => localInputValue(Date.now()));
  const [duration, setDuration] = useState('30');
  const [attendees, setAttendees] = useState<ReadonlySet<string>>(() => new Set(people.length === 1 ? [people[0]!.id] : []));
  const [body, setBody] = useState('');
  const { busy, error, status, run, setError } = useSubmit();
  const [find, setFind] = useState('');
  // Ticked people stay listed whatever the filter, so a choice never disappears from view.
  const needle = find.trim().toLocaleLowerCase();
  const shown = needle ? people.filter((p) => attendees.has(p.id) || p.title.toLocaleLowerCase().includes(needle)) : people;

  const toggle = (personId: string, on: boolean) => {
    const next = new Set(attendees);
    if (on) next.add(personId);
    else next.delete(personId);
    setAttendees(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const at = whenToStore(when);
    const durationMin = minutesFrom(duration);
    if (at === undefined) return setError(t('activity.badWhen'));
    if (Number.isNaN(durationMin)) return setError(t('activity.badDuration'));
    void run(
      () => logMeeting(db, { recordIds: target.recordIds, attendeeIds: [...attendees], title, durationMin, body, at, threadId: target.threadId }),
      () => {
        setTitle('');
        setBody('');
      },
    );
  };

  return (
    <form className="tl-act-form" noValidate onSubmit={submit} onKeyDown={submitOnModEnter} aria-label={t('activity.meeting')}>
      <div className="tl-act-field">
        <label htmlFor={`${id}-title`}>{t('activity.meetingTitle')}</label>
        <input id={`${id}-title`} value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} placeholder={t('activity.meetingTitlePlaceholder')} />
      </div>
      <div className="tl-act-when">
        <WhenField id={`${id}-when`} value={when} onChange={setWhen} />
        <DurationField id={`${id}-duration`} value={duration} onChange={setDuration} />
      </div>
      {people.length > FILTER_FROM && (
        <div className="tl-act-field">
          <label htmlFor={`${id}-find`}>{t('activity.findAttendee')}</label>
          <input id={`${id}-find`} type="search" value={find} onChange={(e) => setFind(e.target.value)} />
        </div>
      )}
      {people.length > 0 && (
        <fieldset className="tl-act-people">
          <legend>{t('activity.attendees')}</legend>
          {shown.map((p) => (
            <label key={p.id} className="tl-check">
              <input type="checkbox" checked={attendees.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              <span dir="auto">{p.title || t('common.untitled')}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-body`}>{t('activity.callNote')}</label>
      <textarea id={`${id}-body`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('activity.meetingPlaceholder')} />
      {error && <div role="alert" className="tl-error">{error}</div>}
      <SubmitRow label={t('activity.logMeeting')} disabled={busy} status={status} />
    </form>
  );
}
