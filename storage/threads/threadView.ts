import type { Participant, ThreadContext } from '../../messaging/threadContext';
import type { ThreadlineDB } from '../db/db';
import type { Activity, CrmRecord, Pipeline } from '../model/entities';
import type { Field } from '../model/field';
import { normalizeEmail } from '../model/normalize';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import { loadPrivacyRules, type PrivacyRules } from '../privacy/privacy';
import { findRecordsByEmails, mergeHistory, recordHistory, threadLinksFor, type HistoryPage } from '../queries/queries';
import { companyIdsOf, contactsOnThread, emailMessageIds, relatedRecords, threadParticipants } from './threads';

/** Everything the sidebar shows for a thread, read together. */
export type ThreadView = {
  rules: PrivacyRules;
  /** Everyone on the thread but the user and the team, first appearance first. */
  participants: Participant[];
  /** The first `limits.people` of them: the people on screen, whom everything below is about. */
  shown: Participant[];
  /** Contact per shown participant's address (absent: unknown person). */
  contactByEmail: Map<string, CrmRecord>;
  contacts: CrmRecord[];
  companies: CrmRecord[];
  /** Deals linked to this thread first, then the shown people's and their companies' other deals. */
  linkedDeals: CrmRecord[];
  otherDeals: CrmRecord[];
  loggedMessageIds: Set<string>;
  pipelines: Pipeline[];
  /** The fields of contacts, companies and deals: what the cards show and edit in place. */
  fields: Field[];
  /** Whose history the panel shows: contacts, companies, then deals. */
  historyIds: string[];
  /** The first `limits.history` entries of that history, newest first. */
  history: Activity[];
};

/** People the panel shows (and reads records for) and history entries in its first page. */
export type ThreadViewLimits = { people: number; history: number };

/**
 * Addresses to look up before the privacy rules are read: the first `people` that are not the
 * user's own. A teammate among them (known only from the rules) costs a second lookup round.
 */
function likelyShown(context: ThreadContext, people: number): string[] {
  const own = new Set(context.userEmails.map(normalizeEmail));
  const all = new Set(context.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((p) => normalizeEmail(p.email)));
  return [...all].filter((e) => !own.has(e)).slice(0, people);
}

const byOrder = (ps: Pipeline[]) => ps.sort((a, b) => a.order - b.order);

/**
 * The sidebar's whole view of a thread in one read transaction and three rounds of parallel
 * reads: (1) privacy rules, the records of the likely shown addresses, thread links, logged emails
 * and pipelines; (2) companies and deals, while the history pages of the contacts, their companies
 * and the linked deals are already being read; (3) the history pages of the other deals. Run
 * inside one `liveQuery`, so the panel renders people, deals and history in one commit and
 * re-renders when any of them changes.
 *
 * Only the shown people are read: their contacts, companies, deals and history. A mailing-list
 * thread of fifty people costs what a thread of `limits.people` costs (every record adds index
 * probes and a history page), and "show all" reads the rest when asked for.
 */
export function loadThreadView(db: ThreadlineDB, context: ThreadContext, limits: ThreadViewLimits): Promise<ThreadView> {
  return db.transaction('r', [db.settings, db.records, db.threadLinks, db.activities, db.pipelines, db.fields], async () => {
    const early = likelyShown(context, limits.people);
    const [rules, foundEarly, links, threadActivities, pipelines, fields] = await Promise.all([
      loadPrivacyRules(db, context.userEmails),
      findRecordsByEmails(db, early),
      threadLinksFor(db, context.threadId),
      db.activities.where('threadId').equals(context.threadId).toArray(),
      db.pipelines.toArray().then(byOrder),
      db.fields.where('folderId').anyOf(Object.values(PRESET_FOLDER_IDS)).sortBy('order'),
    ]);
    const participants = threadParticipants(context, rules);
    const shown = participants.slice(0, limits.people);
    const looked = new Set(early);
    const late = shown.map((p) => p.email).filter((e) => !looked.has(e));
    const found = late.length ? [...foundEarly, ...(await findRecordsByEmails(db, late))] : foundEarly;
    const contactByEmail = contactsOnThread(found, shown);
    const contacts = [...new Set(contactByEmail.values())];

    const page: HistoryPage = { limit: limits.history };
    const pages = new Map<string, Promise<Activity[]>>();
    const pageOf = (id: string) => {
      let p = pages.get(id);
      if (!p) pages.set(id, (p = recordHistory(db, id, page)));
      return p;
    };
    // Started before we know which of these records exist: a page of a missing record is empty.
    for (const id of [...contacts.map((c) => c.id), ...companyIdsOf(contacts), ...links.map((l) => l.recordId)]) pageOf(id);
    const { companies, linkedDeals, otherDeals } = await relatedRecords(db, contacts, links);

    const historyIds = [...contacts, ...companies, ...linkedDeals, ...otherDeals].map((r) => r.id);
    const history = await Promise.all(historyIds.map(pageOf));
    await Promise.all(pages.values()); // settle the pages of records that turned out not to be shown
    // Splits the benchmark's open→ready time into reading and rendering (bench/sidebar.ts).
    performance.mark('thread-view-read');
    return {
      rules,
      participants,
      shown,
      contactByEmail,
      contacts,
      companies,
      linkedDeals,
      otherDeals,
      loggedMessageIds: emailMessageIds(threadActivities),
      pipelines,
      fields,
      historyIds,
      history: mergeHistory(history, page),
    };
  });
}

/** A small thread's worth: enough calls through every read for the engine to compile them. */
const WARM_UP_PEOPLE = 5;
/** The panel's first page (ThreadPanel asks for HISTORY_PAGE + 1 to know whether there is more). */
const WARM_UP_HISTORY = 21;

/**
 * Opens the database and runs the thread view's reads while the sidebar page loads, so the first
 * thread does not pay for opening IndexedDB and for cold indexes and code. The warm-up thread has
 * up to five known contacts, so every round of reads runs (a thread of strangers stops after the
 * first), and it is read twice, so the code is compiled before a real thread needs it.
 */
export async function warmThreadView(db: ThreadlineDB): Promise<void> {
  await db.open();
  const some = await db.records.where('folderId').equals(PRESET_FOLDER_IDS.contacts).limit(WARM_UP_PEOPLE).toArray();
  const people = some.flatMap((c) => c.emails.slice(0, 1)).map((email) => ({ name: '', email }));
  const [from = { name: '', email: 'warm-up@threadline.invalid' }, ...cc] = people;
  const message = { messageId: 'warm-up', from, to: [], cc, date: 0, snippet: '' };
  for (let pass = 0; pass < 2; pass++) {
    await loadThreadView(db, { threadId: '\u0000warm-up', subject: '', userEmails: [], messages: [message] }, { people: WARM_UP_PEOPLE, history: WARM_UP_HISTORY });
  }
}
