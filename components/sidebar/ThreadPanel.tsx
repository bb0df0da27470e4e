import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import type { ThreadContext } from '../../messaging/threadContext';
import { loadPrivacyRules } from '../../storage/privacy';
import { loadThreadRecords, loggedMessageIds, threadParticipants } from '../../storage/threads';
import { usePipelines } from '../hooks';
import { Timeline } from '../timeline/Timeline';
import { Composer } from './Composer';
import { DealsSection } from './DealsSection';
import { LogEmailButton } from './LogEmailButton';
import { AddContactForm, ContactCard, useCompanies } from './PersonCard';
import { t } from '../i18n';

/** Everything Threadline knows about one thread, and the actions on it. */
export function ThreadPanel({ context, logRequests }: { context: ThreadContext; logRequests: number }) {
  const rules = useLiveQuery(() => loadPrivacyRules(context.userEmails), [context]);
  const participants = useMemo(() => (rules ? threadParticipants(context, rules) : undefined), [context, rules]);
  const records = useLiveQuery(async () => (participants ? loadThreadRecords(context, participants) : undefined), [context, participants]);
  const logged = useLiveQuery(() => loggedMessageIds(context), [context]);
  const pipelines = usePipelines();

  const contacts = useMemo(() => [...new Set(records?.contactByEmail.values() ?? [])], [records]);
  const companies = useCompanies(records?.companies.map((c) => c.id) ?? []);
  const deals = [...(records?.linkedDeals ?? []), ...(records?.otherDeals ?? [])];
  const historyIds = [...contacts, ...companies, ...deals].map((r) => r.id);
  const actionIds = [...contacts.map((c) => c.id), ...(records?.linkedDeals ?? []).map((d) => d.id)];

  const ready = rules && participants && records && logged && pipelines;
  const marked = useRef<string>(undefined);
  useEffect(() => {
    if (ready && marked.current !== context.threadId) {
      marked.current = context.threadId;
      performance.mark('sidebar-ready');
    }
  });
  if (!ready) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="tl-thread" data-thread-id={context.threadId}>
      <h1 className="tl-subject">{context.subject || t('common.noSubject')}</h1>
      <LogEmailButton context={context} rules={rules} loggedCount={logged.size} canLog={actionIds.length > 0} logRequests={logRequests} />
      {(contacts.length > 0 || deals.length > 0) && (
        <DealsSection
          threadId={context.threadId}
          subject={context.subject}
          linkedDeals={records.linkedDeals}
          otherDeals={records.otherDeals}
          contactIds={contacts.map((c) => c.id)}
          companyIds={companies.map((c) => c.id)}
          pipelines={pipelines}
        />
      )}
      <section aria-label={t('sidebar.people')}>
        <h2 className="tl-section">{t('sidebar.people')}</h2>
        {participants.length === 0 && <p className="tl-empty">{t('sidebar.onlyTeam')}</p>}
        {participants.map((p) => {
          const contact = records.contactByEmail.get(p.email);
          return contact ? <ContactCard key={p.email} contact={contact} companies={companies} /> : <AddContactForm key={p.email} participant={p} />;
        })}
      </section>
      <Composer recordIds={actionIds} />
      <section aria-label={t('sidebar.history')}>
        <h2 className="tl-section">{t('sidebar.history')}</h2>
        <Timeline recordIds={historyIds} pipelines={pipelines} />
      </section>
    </div>
  );
}
