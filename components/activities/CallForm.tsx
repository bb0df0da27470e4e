import { useId, useState, type FormEvent } from 'react';
import { logCall } from '../../storage/activities/log';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { useCanSettings } from '../workspace/useWorkspaceRole';
import { DurationField, localInputValue, minutesFrom, SubmitRow, submitOnModEnter, WhenField, whenToStore, type ActivityTarget } from './formParts';
import { OutcomesEditor } from './OutcomesEditor';
import { outcomeLabel, useCallOutcomes } from './outcomes';
import { useSubmit } from './useSubmit';

/** People worth asking about: not when the only one is the record itself (a contact's own page). */
export function choosablePeople(target: ActivityTarget) {
  const [only] = target.people;
  return target.people.length === 1 && target.recordIds.length === 1 && target.recordIds[0] === only?.id ? [] : target.people;
}

export function CallForm({ target }: { target: ActivityTarget }) {
  const db = useDb();
  const id = useId();
  const outcomes = useCallOutcomes();
  const canSettings = useCanSettings();
  const people = choosablePeople(target);
  const [outcome, setOutcome] = useState('');
  const [when, setWhen] = useState(() => localInputValue(Date.now()));
  const [duration, setDuration] = useState('');
  const [withId, setWithId] = useState(people.length === 1 ? people[0]!.id : '');
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState(false);
  const { busy, error, status, run, setError } = useSubmit();
  // The first outcome until the rep picks one; a stale pick (an admin removed it) falls back too.
  const chosen = outcomes?.some((o) => o.id === outcome) ? outcome : (outcomes?.[0]?.id ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !chosen) return;
    const at = whenToStore(when);
    const durationMin = minutesFrom(duration);
    if (at === undefined) return setError(t('activity.badWhen'));
    if (Number.isNaN(durationMin)) return setError(t('activity.badDuration'));
    void run(
      () => logCall(db, { recordIds: target.recordIds, ...(withId ? { withIds: [withId] } : {}), outcome: chosen, durationMin, body, at, threadId: target.threadId }),
      () => {
        setBody('');
        setDuration('');
        setWhen(localInputValue(Date.now()));
      },
    );
  };

  return (
    <form className="tl-act-form" noValidate onSubmit={submit} onKeyDown={submitOnModEnter} aria-label={t('activity.call')}>
      <div className="tl-act-grid">
        <div className="tl-act-field">
          <label htmlFor={`${id}-outcome`}>{t('activity.outcome')}</label>
          <select id={`${id}-outcome`} value={chosen} onChange={(e) => setOutcome(e.target.value)}>
            {outcomes?.map((o) => (
              <option key={o.id} value={o.id}>{outcomeLabel(o.id, outcomes)}</option>
            ))}
          </select>
        </div>
        {people.length > 0 && (
          <div className="tl-act-field">
            <label htmlFor={`${id}-with`}>{t('activity.callWith')}</label>
            <select id={`${id}-with`} value={withId} onChange={(e) => setWithId(e.target.value)}>
              <option value="">{t('activity.nobody')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>{p.title || t('common.untitled')}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="tl-act-when">
        <WhenField id={`${id}-when`} value={when} onChange={setWhen} />
        <DurationField id={`${id}-duration`} value={duration} onChange={setDuration} />
      </div>
      {canSettings && (
        <button type="button" className="tl-link-button tl-act-edit" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
          {t('activity.outcomes.edit')}
        </button>
      )}
      {editing && outcomes && <OutcomesEditor outcomes={outcomes} onClose={() => setEditing(false)} />}
      <label htmlFor={`${id}-body`}>{t('activity.callNote')}</label>
      <textarea id={`${id}-body`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('activity.callPlaceholder')} />
      {error && <div role="alert" className="tl-error">{error}</div>}
      <SubmitRow label={t('activity.logCall')} disabled={busy || !chosen} status={status} />
    </form>
  );
}
