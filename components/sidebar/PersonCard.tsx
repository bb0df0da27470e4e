import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { Participant } from '../../messaging/threadContext';
import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { findCompanyForEmail } from '../../storage/queries/queries';
import { createContactFromSender, type CompanyChoice } from '../../storage/threads/quickCreate';
import { describeError } from '../errors';
import { companyFromEmail, splitName } from './guess';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { CardFields } from './CardFields';
import { RecordLink } from './RecordLink';

/** Texts from outside, each isolated, joined by `separator`. */
export function joined(parts: readonly (string | undefined)[], separator: string) {
  return parts.filter(Boolean).map((p, i) => (
    <span key={i}>
      {i > 0 && separator}
      <bdi>{p}</bdi>
    </span>
  ));
}

type ContactCardProps = { contact: CrmRecord; companies: readonly CrmRecord[]; fields: readonly Field[]; pipelines: readonly Pipeline[]; canWrite: boolean };

/** A known contact: who they are, their company, and the fields a rep keeps up to date, editable in place. */
export function ContactCard({ contact, companies, fields, pipelines, canWrite }: ContactCardProps) {
  const companyIds = (contact.values.fc_company as string[] | undefined) ?? [];
  const company = companies.find((c) => companyIds.includes(c.id));
  return (
    <article className="tl-card" aria-label={t('sidebar.contact', { name: contact.title })}>
      <h3 className="tl-card-title" dir="auto"><RecordLink record={contact} /></h3>
      {company && <div className="tl-card-sub"><RecordLink record={company} /></div>}
      {/* Each outside text in its own isolate (<bdi>): an override in one cannot reverse the next. */}
      <div className="tl-card-meta">{joined(contact.emails, ', ')}</div>
      <CardFields record={contact} fields={fields} kind="contacts" pipelines={pipelines} canWrite={canWrite} />
    </article>
  );
}

/** An unknown participant: a form prefilled from their display name and address. */
export function AddContactForm({ participant, canWrite = true }: { participant: Participant; canWrite?: boolean }) {
  const db = useDb();
  const id = useId();
  const guess = splitName(participant.name, participant.email);
  const [first, setFirst] = useState(guess.first);
  const [last, setLast] = useState(guess.last);
  const [withCompany, setWithCompany] = useState(true);
  const [errors, setErrors] = useState<string[]>([]);
  const existing = useLiveQuery(() => findCompanyForEmail(db, participant.email, PRESET_FOLDER_IDS.companies), [db, participant.email]);
  const guessed = companyFromEmail(participant.email);
  const company: CompanyChoice = !withCompany
    ? { kind: 'none' }
    : existing
      ? { kind: 'existing', id: existing.id }
      : guessed
        ? { kind: 'new', ...guessed }
        : { kind: 'none' };
  const companyLabel = existing ? existing.title : guessed ? t('sidebar.newCompany', guessed) : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await createContactFromSender(db, { firstName: first, lastName: last, email: participant.email, company });
      setErrors([]);
    } catch (err) {
      setErrors(describeError(err));
    }
  }

  const who = <div className="tl-card-meta">{joined([participant.name, participant.email], ' · ')}</div>;
  // A viewer sees who is on the thread, without the form they could not save.
  if (!canWrite) return <div className="tl-card tl-add">{who}</div>;
  return (
    <form className="tl-card tl-add" onSubmit={submit} aria-label={t('sidebar.addContactForm', { email: participant.email })}>
      {who}
      {errors.length > 0 && (
        <div role="alert" className="tl-error">
          {errors.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
      <div className="tl-row">
        <label htmlFor={`${id}-first`}>{t('sidebar.firstName')}</label>
        <input id={`${id}-first`} value={first} onChange={(e) => setFirst(e.target.value)} />
      </div>
      <div className="tl-row">
        <label htmlFor={`${id}-last`}>{t('sidebar.lastName')}</label>
        <input id={`${id}-last`} value={last} onChange={(e) => setLast(e.target.value)} />
      </div>
      {companyLabel && (
        <label className="tl-check">
          <input type="checkbox" checked={withCompany} onChange={(e) => setWithCompany(e.target.checked)} /> {t('sidebar.company', { company: companyLabel })}
        </label>
      )}
      <button type="submit" className="tl-primary">
        {t('sidebar.addContact')}
      </button>
    </form>
  );
}
