import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { threadPeople, type ThreadContext } from '../../messaging/threadContext';
import { loadThreadView } from '../../storage/threads/threadView';
import { HISTORY_PAGE, Timeline } from '../timeline/Timeline';
import { DealsSection } from './DealsSection';
import { LogEmailButton } from './LogEmailButton';
import { ContactCard } from './PersonCard';
import { UnknownPeople } from './UnknownPeople';
import { openRecord, recordUrl } from './host';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { useDb } from '../shell/DbProvider';
import { cachedThreadView, rememberThreadView, threadViewKey } from './threadViewCache';
import { composerLoaded, LazyComposer, Later } from './lazy';

/** People shown before "Show more": a typical thread's all, a mailing list's first few. */
const PEOPLE_SHOWN = 10;

/**
 * Everything Threadline knows about one thread, and the actions on it. One live query reads it all
 * (storage/threads/threadView.ts), so people, deals and the first page of history appear in one commit
 * instead of a waterfall of queries each rendering on its own.
 */
type Props = { context: ThreadContext; logRequests: number; openRequests?: number; noteRequests?: number };

/**
 * Runs `act` once each time `count` goes up (a shortcut's request), as soon as the panel is `ready`
 * (a request made while it reads is kept, not lost); never for the count it mounted with.
 */
function useRequested(count: number, ready: boolean, act: () => void) {
  const handled = useRef(count);
  useEffect(() => {
    if (!ready || count <= handled.current) return;
    handled.current = count;
    act();
  });
}

export function ThreadPanel({ context, logRequests, openRequests = 0, noteRequests = 0 }: Props) {
  const db = useDb();
  // "Show all" raises the limit and the view reads the rest; until it has, the first people stay.
  const [peopleLimit, setPeopleLimit] = useState(PEOPLE_SHOWN);
  const cacheKey = threadViewKey(db.name, context, peopleLimit);
  // A thread seen before shows at once from memory while the live query reads it again.
  const view = useLiveQuery(() => loadThreadView(db, context, { people: peopleLimit, history: HISTORY_PAGE + 1 }), [db, context, peopleLimit], cachedThreadView(cacheKey));
  useEffect(() => {
    if (view) rememberThreadView(cacheKey, view);
  }, [cacheKey, view]);
  // Once for the panel, not once per unknown person on a fifty-person thread.
  const canWrite = useCanWrite();

  // The benchmark's end mark (bench/sidebar.ts): the commit that puts people, deals and history in
  // the DOM. A layout effect runs in that commit; a passive one would add React's wait for paint.
  const marked = useRef<string>(undefined);
  useLayoutEffect(() => {
    if (view && marked.current !== context.threadId) {
      marked.current = context.threadId;
      performance.mark('sidebar-ready');
    }
  });
  const panel = useRef<HTMLDivElement>(null);
  // "Open the CRM" (and its shortcut) opens what the thread is about: its deal, else its first person, else their company.
  const current = view && (view.linkedDeals[0] ?? view.contacts[0] ?? view.companies[0]);
  useRequested(openRequests, view !== undefined, () => current && void openRecord(current.id));
  // The composer's first field (a note, its default kind), written in right away; a composer still
  // loading (lazy.tsx) is waited for, up to a second after its module arrives.
  useRequested(noteRequests, view !== undefined, () => {
    const note = () => panel.current?.querySelector<HTMLTextAreaElement>('.tl-act-form textarea');
    if (note()) return note()!.focus();
    void composerLoaded().then(() => {
      const until = Date.now() + 1_000;
      const tryFocus = () => (note() ? note()!.focus() : Date.now() < until && requestAnimationFrame(tryFocus));
      tryFocus();
    });
  });
  if (!view) return <p aria-busy="true">{t('common.loading')}</p>;

  const { rules, participants, shown, contactByEmail, contacts, companies, linkedDeals, otherDeals, pipelines, fields } = view;
  const unknown = shown.filter((p) => !contactByEmail.has(p.email));
  const hiddenPeople = participants.length - shown.length;
  // Of the messages Gmail shows: the thread may hold logged messages it no longer lists (deleted, or
  // logged from another device), which read as "3 of 2 logged".
  const loggedShown = context.messages.filter((m) => view.loggedMessageIds.has(m.messageId)).length;
  const actionIds = [...contacts.map((c) => c.id), ...linkedDeals.map((d) => d.id)];
  return (
    <div className="tl-thread" data-thread-id={context.threadId} ref={panel}>
      <div className="tl-thread-head">
        <h1 className="tl-subject">{context.subject || t('common.noSubject')}</h1>
        {current && (
          <a className="tl-open-crm" href={recordUrl(current.id)} onClick={(e) => {
            e.preventDefault();
            void openRecord(current.id);
          }}>{t('sidebar.openCrm')}</a>
        )}
      </div>
      <LogEmailButton context={context} rules={rules} loggedCount={loggedShown} canLog={actionIds.length > 0} logRequests={logRequests} />
      {/* Always: a thread of strangers can still be linked to a deal found by search. */}
      <DealsSection
        threadId={context.threadId}
        subject={context.subject}
        linkedDeals={linkedDeals}
        otherDeals={otherDeals}
        contactIds={contacts.map((c) => c.id)}
        companyIds={companies.map((c) => c.id)}
        pipelines={pipelines}
        fields={fields}
      />
      <section aria-label={t('sidebar.people')}>
        <h2 className="tl-section">{t('sidebar.people')}</h2>
        {/* A thread past THREAD_LIMITS arrives with only some of its people (messaging/threadContext.ts). */}
        {context.peopleTotal !== undefined && (
          <p className="tl-empty" role="note">
            {t('sidebar.somePeople', { shown: threadPeople(context).length, total: context.peopleTotal })}
          </p>
        )}
        {participants.length === 0 && <p className="tl-empty">{t('sidebar.onlyTeam')}</p>}
        {contacts.map((c) => <ContactCard key={c.id} contact={c} companies={companies} fields={fields} pipelines={pipelines} canWrite={canWrite} />)}
        <UnknownPeople people={unknown} unread={participants.slice(shown.length)} canWrite={canWrite} />
        {hiddenPeople > 0 && (
          <button type="button" className="tl-link" disabled={peopleLimit > shown.length} onClick={() => setPeopleLimit(participants.length)}>
            {t('sidebar.morePeople', { count: hiddenPeople })}
          </button>
        )}
      </section>
      <Later>
        <LazyComposer threadId={context.threadId} contacts={contacts} deals={linkedDeals} />
      </Later>
      <section aria-label={t('sidebar.history')}>
        <h2 className="tl-section">{t('sidebar.history')}</h2>
        <Timeline recordIds={view.historyIds} pipelines={pipelines} firstPage={view.history} />
      </section>
    </div>
  );
}
