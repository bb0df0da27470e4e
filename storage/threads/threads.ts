import type { Participant, ThreadContext, ThreadMessage } from '../../messaging/threadContext';
import { linkThreadIn, logEmailIn, type EmailToLog } from '../activities/activities';
import type { ThreadlineDB } from '../db/db';
import type { Activity, CrmRecord, ThreadLink } from '../model/entities';
import { normalizeEmail } from '../model/normalize';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import { loadNeverLog, scrubThreadIn } from '../privacy/neverLog';
import { isExcluded, loadPrivacyRules, type PrivacyRules } from '../privacy/privacy';
import { redactEmail } from '../privacy/scrub';
import { mutate, type Writer } from '../write/mutate';
import { findRecordsByEmails, recordsWithAnyOf, threadLinksFor } from '../queries/queries';
import { searchRecords, type SearchHit } from '../search';

const { contacts: CONTACTS, companies: COMPANIES, deals: DEALS } = PRESET_FOLDER_IDS;

/** Everyone on the thread except the user, the team and the never-log list, first appearance first. */
export function threadParticipants(context: ThreadContext, rules: PrivacyRules): Participant[] {
  const seen = new Map<string, Participant>();
  for (const m of context.messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) {
      const email = normalizeEmail(p.email);
      if (seen.has(email) || isExcluded(email, rules)) continue;
      const known = seen.get(email);
      seen.set(email, { name: p.name || known?.name || '', email });
    }
  }
  return [...seen.values()];
}

export type ThreadRecords = {
  /** Contact per participant address (undefined: unknown person). */
  contactByEmail: Map<string, CrmRecord>;
  companies: CrmRecord[];
  /** Deals linked to this thread first, then the participants' and their companies' other deals. */
  linkedDeals: CrmRecord[];
  otherDeals: CrmRecord[];
};

/** The thread's contacts, by each of their addresses: records of `found` holding a participant's address. */
export function contactsOnThread(found: readonly CrmRecord[], participants: readonly Participant[]): Map<string, CrmRecord> {
  const wanted = new Set(participants.map((p) => p.email));
  const contactByEmail = new Map<string, CrmRecord>();
  for (const r of found) {
    if (r.folderId === CONTACTS && r.emails.some((e) => wanted.has(e))) for (const e of r.emails) contactByEmail.set(e, r);
  }
  return contactByEmail;
}

/** The companies the contacts work at, as their link fields say (the records may not exist). */
export function companyIdsOf(contacts: readonly CrmRecord[]): string[] {
  return [...new Set(contacts.flatMap((c) => (c.values.fc_company as string[] | undefined) ?? []))];
}

const inFolder = (folderId: string) => (r: CrmRecord | undefined): r is CrmRecord => r?.folderId === folderId;

/** The contacts' companies, the deals linked to the thread, and the contacts' and companies' other deals: three reads in parallel. */
export async function relatedRecords(db: ThreadlineDB, contacts: readonly CrmRecord[], links: readonly ThreadLink[]): Promise<Omit<ThreadRecords, 'contactByEmail'>> {
  const companyIds = companyIdsOf(contacts);
  const [companies, linked, related] = await Promise.all([
    db.records.bulkGet(companyIds),
    db.records.bulkGet(links.map((l) => l.recordId)),
    recordsWithAnyOf(db, 'linkedIds', [...contacts.map((c) => c.id), ...companyIds]),
  ]);
  const linkedDeals = linked.filter(inFolder(DEALS));
  const linkedIds = new Set(linkedDeals.map((d) => d.id));
  return { companies: companies.filter(inFolder(COMPANIES)), linkedDeals, otherDeals: related.filter((r) => r.folderId === DEALS && !linkedIds.has(r.id)) };
}

/** Every record the sidebar shows for a thread, found through indexes only. */
export async function loadThreadRecords(db: ThreadlineDB, context: ThreadContext, participants: readonly Participant[]): Promise<ThreadRecords> {
  const [found, links] = await Promise.all([findRecordsByEmails(db, participants.map((p) => p.email)), threadLinksFor(db, context.threadId)]);
  const contactByEmail = contactsOnThread(found, participants);
  return { contactByEmail, ...(await relatedRecords(db, [...new Set(contactByEmail.values())], links)) };
}

export function emailFromMessage(context: ThreadContext, message: ThreadMessage): EmailToLog {
  const own = new Set(context.userEmails.map(normalizeEmail));
  return {
    threadId: context.threadId,
    messageId: message.messageId,
    direction: own.has(normalizeEmail(message.from.email)) ? 'sent' : 'received',
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: context.subject,
    snippet: message.snippet,
    // Gmail gives dates only as localised tooltip text; 0 means it could not be read.
    date: message.date || Date.now(),
  };
}

/**
 * Logs every message of the thread against the known contacts on it and the deals the thread is
 * linked to, in one write. Idempotent per message, so the button can be pressed any number of
 * times. The never-log list is read inside the write: a message only between the rep and people
 * on it is not logged at all (a linked deal would otherwise take it), and on the others their
 * addresses and names are taken out, also from what the thread already held.
 */
export async function logThread(db: ThreadlineDB, context: ThreadContext, rules: PrivacyRules): Promise<{ logged: number; created: number }> {
  const participants = threadParticipants(context, rules);
  const isOwn = (email: string) => isExcluded(email, rules);
  return mutate(db, async (w) => {
    const [records, neverLog] = await Promise.all([loadThreadRecords(w.db, context, participants), loadNeverLog(w.db)]);
    await scrubThreadIn(w, context.threadId, neverLog, isOwn);
    const dealIds = records.linkedDeals.map((d) => d.id);
    let logged = 0;
    let created = 0;
    for (const message of context.messages) {
      const email = redactEmail(emailFromMessage(context, message), neverLog, isOwn)?.email;
      if (!email) continue;
      const onMessage = [email.from, ...email.to, ...email.cc].map((p) => normalizeEmail(p.email));
      const contactIds = [...new Set(onMessage.map((e) => records.contactByEmail.get(e)?.id).filter((id): id is string => !!id))];
      const recordIds = [...contactIds, ...dealIds];
      if (recordIds.length === 0) continue;
      const result = await logEmailIn(w, email, recordIds);
      logged++;
      if (result.created) created++;
    }
    return { logged, created };
  });
}

/**
 * Links the thread to a record (a deal) in one write with taking the never-log list's people out
 * of what the thread already holds, since linking attaches the thread's emails to the record.
 */
export async function linkThreadPrivately(db: ThreadlineDB, threadId: string, recordId: string): Promise<void> {
  await mutate(db, (w) => linkThreadPrivatelyIn(w, threadId, recordId));
}

export async function linkThreadPrivatelyIn(w: Writer, threadId: string, recordId: string): Promise<void> {
  const [neverLog, team] = await Promise.all([loadNeverLog(w.db), loadPrivacyRules(w.db, [])]);
  await scrubThreadIn(w, threadId, neverLog, (email) => isExcluded(email, team));
  await linkThreadIn(w, threadId, recordId);
}

/** Which messages of the thread are already in the CRM, by message id. */
export async function loggedMessageIds(db: ThreadlineDB, context: ThreadContext): Promise<Set<string>> {
  return emailMessageIds(await db.activities.where('threadId').equals(context.threadId).toArray());
}

export function emailMessageIds(threadActivities: readonly Activity[]): Set<string> {
  return new Set(threadActivities.flatMap((a) => (a.kind === 'email' ? [a.messageId] : [])));
}

/**
 * Deals a thread could be linked to, by what the rep types (name, or a linked contact or company,
 * through the search index): every deal of the workspace, not only the people's own, minus those
 * already linked. Results beyond the deals are over-fetched and dropped, so `limit` deals come back.
 */
export async function findDealsToLink(db: ThreadlineDB, threadId: string, query: string, limit = 8): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  const [hits, links] = await Promise.all([searchRecords(db, query, limit * 4), threadLinksFor(db, threadId)]);
  const linked = new Set(links.map((l) => l.recordId));
  return hits.filter((h) => h.folderId === DEALS && !linked.has(h.id)).slice(0, limit);
}
