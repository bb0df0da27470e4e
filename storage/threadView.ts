import type { Participant, ThreadContext } from '../messaging/threadContext';
import { db } from './db';
import type { Activity, CrmRecord, Pipeline } from './model/entities';
import { normalizeEmail } from './model/normalize';
import { loadPrivacyRules, type PrivacyRules } from './privacy';
import { findRecordsByEmails, mergeHistory, recordHistory, threadLinksFor, type HistoryPage } from './queries';
import { companyIdsOf, contactsOnThread, emailMessageIds, relatedRecords, threadParticipants } from './threads';

/** Everything the sidebar shows for a thread, read together. */
export type ThreadView = {
  rules: PrivacyRules;
  participants: Participant[];
  /** Contact per participant address (absent: unknown person). */
  contactByEmail: Map<string, CrmRecord>;
  contacts: CrmRecord[];
  companies: CrmRecord[];
  /** Deals linked to this thread first, then the participants' and their companies' other deals. */
  linkedDeals: CrmRecord[];
  otherDeals: CrmRecord[];
  loggedMessageIds: Set<string>;
  pipelines: Pipeline[];
  /** Whose history the panel shows: contacts, companies, then deals. */
  historyIds: string[];
  /** The first `historyLimit` entries of that history, newest first. */
  history: Activity[];
};

/** Every address on the thread, the user's and the team's included (privacy rules filter them later). */
function threadAddresses(context: ThreadContext): string[] {
  return [...new Set(context.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((p) => normalizeEmail(p.email)))];
}

const byOrder = (ps: Pipeline[]) => ps.sort((a, b) => a.order - b.order);

/**
 * The sidebar's whole view of a thread in one read transaction and three rounds of parallel
 * reads: (1) privacy rules, the records of every address, thread links, logged emails and
 * pipelines; (2) companies and deals, while the history pages of the contacts, their companies and
 * the linked deals are already being read; (3) the history pages of the other deals. Run inside
 * one `liveQuery`, so the panel renders people, deals and history in one commit and re-renders
 * when any of them changes. Looking up every address before the privacy rules are known costs a
 * few index probes and saves a round trip.
 */
export function loadThreadView(context: ThreadContext, historyLimit: number): Promise<ThreadView> {
  return db.transaction('r', [db.settings, db.records, db.threadLinks, db.activities, db.pipelines], async () => {
    const [rules, found, links, threadActivities, pipelines] = await Promise.all([
      loadPrivacyRules(context.userEmails),
      findRecordsByEmails(threadAddresses(context)),
      threadLinksFor(context.threadId),
      db.activities.where('threadId').equals(context.threadId).toArray(),
      db.pipelines.toArray().then(byOrder),
    ]);
    const participants = threadParticipants(context, rules);
    const contactByEmail = contactsOnThread(found, participants);
    const contacts = [...new Set(contactByEmail.values())];

    const page: HistoryPage = { limit: historyLimit };
    const pages = new Map<string, Promise<Activity[]>>();
    const pageOf = (id: string) => {
      let p = pages.get(id);
      if (!p) pages.set(id, (p = recordHistory(id, page)));
      return p;
    };
    // Started before we know which of these records exist: a page of a missing record is empty.
    for (const id of [...contacts.map((c) => c.id), ...companyIdsOf(contacts), ...links.map((l) => l.recordId)]) pageOf(id);
    const { companies, linkedDeals, otherDeals } = await relatedRecords(contacts, links);

    const historyIds = [...contacts, ...companies, ...linkedDeals, ...otherDeals].map((r) => r.id);
    const shown = await Promise.all(historyIds.map(pageOf));
    await Promise.all(pages.values()); // settle the pages of records that turned out not to be shown
    return {
      rules,
      participants,
      contactByEmail,
      contacts,
      companies,
      linkedDeals,
      otherDeals,
      loggedMessageIds: emailMessageIds(threadActivities),
      pipelines,
      historyIds,
      history: mergeHistory(shown, page),
    };
  });
}

/**
 * Opens the database and runs the thread view's reads once while the sidebar page loads, so the
 * first thread does not pay for opening IndexedDB and for cold indexes and code.
 */
export async function warmThreadView(): Promise<void> {
  await db.open();
  const nobody = { name: '', email: 'warm-up@threadline.invalid' };
  await Promise.all([
    loadThreadView({ threadId: '\u0000warm-up', subject: '', userEmails: [], messages: [{ messageId: 'warm-up', from: nobody, to: [], cc: [], date: 0, snippet: '' }] }, 1),
    recordHistory('\u0000warm-up', { limit: 1 }),
  ]);
}
