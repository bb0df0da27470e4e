import { useState } from 'react';
import type { Participant } from '../../messaging/threadContext';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { findCompanyForEmail } from '../../storage/queries/queries';
import { createContactsFromSenders, type SenderContact } from '../../storage/threads/quickCreate';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { companyFromEmail, splitName } from './guess';
import { AddContactForm, joined } from './PersonCard';

/** Up to this many unknown people get the full add form each; more are a compact list. */
export const FULL_FORMS_UP_TO = 2;

/** A participant as the contact the form would have prefilled: guessed name, company found or guessed. */
async function guessContact(db: Parameters<typeof findCompanyForEmail>[0], p: Participant): Promise<SenderContact> {
  const { first, last } = splitName(p.name, p.email);
  const existing = await findCompanyForEmail(db, p.email, PRESET_FOLDER_IDS.companies);
  const guessed = companyFromEmail(p.email);
  const company: SenderContact['company'] = existing ? { kind: 'existing', id: existing.id } : guessed ? { kind: 'new', ...guessed } : { kind: 'none' };
  return { firstName: first, lastName: last, email: p.email, company };
}

/**
 * The thread's people who are not contacts yet (`unread`: the thread's people the panel has not
 * read, past "show more"). A few get the prefilled form; a mailing-list
 * thread gets one line each with "Add", and "Add all" (one transaction, one company per domain).
 */
export function UnknownPeople({ people, unread = [], canWrite }: { people: readonly Participant[]; unread?: readonly Participant[]; canWrite: boolean }) {
  const db = useDb();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  if (people.length <= FULL_FORMS_UP_TO || !canWrite) return <>{people.map((p) => <AddContactForm key={p.email} participant={p} canWrite={canWrite} />)}</>;

  async function add(list: readonly Participant[]) {
    setBusy(true);
    try {
      const created = await createContactsFromSenders(db, await Promise.all(list.map((p) => guessContact(db, p))));
      setErrors([]);
      if (created.length !== 1) setStatus(t('sidebar.addedAll', { count: created.length }));
    } catch (e) {
      setErrors(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="tl-unknown" aria-label={t('sidebar.unknownPeople', { count: people.length })}>
      <div className="tl-unknown-head">
        <span>{t('sidebar.unknownPeople', { count: people.length })}</span>
        {/* The people past "show more" are not read yet: "add everyone new" adds those who turn out not to be contacts. */}
        <button type="button" className="tl-primary" disabled={busy} onClick={() => void add([...people, ...unread])}>
          {unread.length ? t('sidebar.addEveryone') : t('sidebar.addAll', { count: people.length })}
        </button>
      </div>
      {errors.length > 0 && <div role="alert" className="tl-error">{errors.join(' ')}</div>}
      <ul className="tl-unknown-list">
        {people.map((p) => (
          <li key={p.email} className="tl-unknown-row">
            <span className="tl-unknown-who">{joined([p.name && p.name !== p.email ? p.name : undefined, p.email], ' · ')}</span>
            <button type="button" disabled={busy} aria-label={t('sidebar.addPerson', { email: p.email })} onClick={() => void add([p])}>{t('sidebar.add')}</button>
          </li>
        ))}
      </ul>
      <span role="status" className="tl-visually-hidden">{status}</span>
    </section>
  );
}
