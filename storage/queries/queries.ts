import { RECORD_AT, recordAtKey, recordStart } from '../db/activityIndex';
import type { ThreadlineDB } from '../db/db';
import type { Activity, CrmRecord } from '../model/entities';
import { emailDomain, normalizeDomain, normalizeEmail } from '../model/normalize';

/**
 * `db.records.where(index).anyOf(keys).distinct()`, same records in the same order (by key, then
 * id), read as one request per key, all issued at once in one transaction. Dexie's anyOf walks a
 * single cursor with a round trip to JavaScript per step, which made a 50-person thread slow.
 */
export async function recordsWithAnyOf(db: ThreadlineDB, index: 'emails' | 'domains' | 'linkedIds', keys: readonly string[]): Promise<CrmRecord[]> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return [];
  const lists = await db.transaction('r', db.records, () => Promise.all(sorted.map((k) => db.records.where(index).equals(k).toArray())));
  const byId = new Map<string, CrmRecord>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()];
}

/** Records holding any of these addresses: one index probe per address, never a table scan. */
export function findRecordsByEmails(db: ThreadlineDB, emails: readonly string[]): Promise<CrmRecord[]> {
  return recordsWithAnyOf(db, 'emails', emails.map(normalizeEmail));
}

export function findRecordsByDomains(db: ThreadlineDB, domains: readonly string[]): Promise<CrmRecord[]> {
  return recordsWithAnyOf(db, 'domains', domains.map(normalizeDomain).filter(Boolean));
}

export async function findCompanyForEmail(db: ThreadlineDB, email: string, companiesFolderId: string): Promise<CrmRecord | undefined> {
  const domain = emailDomain(email);
  if (!domain) return undefined;
  const hits = await db.records.where('domains').equals(domain).toArray();
  return hits.find((r) => r.folderId === companiesFolderId);
}

/** A page of a folder's records, most recently changed first. */
export function listRecords(db: ThreadlineDB, folderId: string, { limit = 100, offset = 0 } = {}): Promise<CrmRecord[]> {
  return db.records
    .where('[folderId+updatedAt]')
    .between([folderId, -Infinity], [folderId, Infinity])
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

export function countRecords(db: ThreadlineDB, folderId: string): Promise<number> {
  return db.records.where('folderId').equals(folderId).count();
}

export function recordsLinking(db: ThreadlineDB, recordId: string): Promise<CrmRecord[]> {
  return db.records.where('linkedIds').equals(recordId).toArray();
}

export type HistoryPage = { limit?: number; before?: number };

/** The timeline's order: newest first, ties by id (descending), exactly as the recordAt index reads backwards. */
export const newestFirst = (a: Activity, b: Activity) => b.at - a.at || (a.id < b.id ? 1 : -1);

/**
 * One record's newest `limit` entries from before `before`, through the recordAt index: the
 * cost is the page, never the record's whole history.
 */
export async function recordHistory(db: ThreadlineDB, recordId: string, { limit = 20, before = Infinity }: HistoryPage = {}): Promise<Activity[]> {
  const page = await db.activities
    .where(RECORD_AT)
    .between(recordStart(recordId), recordAtKey(recordId, before), true, false)
    .reverse()
    .limit(limit)
    .toArray();
  // Guards against a (never generated) record id with U+0001 in it reaching into another's keys.
  return page.filter((a) => a.recordIds.includes(recordId));
}

/**
 * The merged first `limit` entries of several records' pages. Exact: an entry among the first
 * `limit` overall is among the first `limit` of each of its records, in the same order.
 */
export function mergeHistory(pages: readonly (readonly Activity[])[], { limit = 20, before = Infinity }: HistoryPage = {}): Activity[] {
  const byId = new Map<string, Activity>();
  for (const page of pages) for (const a of page) if (a.at < before) byId.set(a.id, a);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/**
 * The merged history of several records (a contact, its company, its deals), newest first,
 * without duplicates when one activity belongs to several of them: a page per record, all read
 * in parallel in one transaction, then merged.
 */
export async function timeline(db: ThreadlineDB, recordIds: readonly string[], page: HistoryPage = {}): Promise<Activity[]> {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) return [];
  const pages = await db.transaction('r', db.activities, () => Promise.all(ids.map((id) => recordHistory(db, id, page))));
  return mergeHistory(pages, page);
}

export function threadLinksFor(db: ThreadlineDB, threadId: string) {
  return db.threadLinks.where('threadId').equals(threadId).toArray();
}

export function emailActivitiesForThread(db: ThreadlineDB, threadId: string) {
  return db.activities.where('threadId').equals(threadId).toArray();
}
