import { db } from './db';
import type { Activity, CrmRecord } from './model/entities';
import { emailDomain, normalizeDomain, normalizeEmail } from './model/normalize';

/** Records holding any of these addresses: one index probe per address, never a table scan. */
export async function findRecordsByEmails(emails: readonly string[]): Promise<CrmRecord[]> {
  const keys = [...new Set(emails.map(normalizeEmail))];
  if (keys.length === 0) return [];
  return db.records.where('emails').anyOf(keys).distinct().toArray();
}

export async function findRecordsByDomains(domains: readonly string[]): Promise<CrmRecord[]> {
  const keys = [...new Set(domains.map(normalizeDomain))].filter(Boolean);
  if (keys.length === 0) return [];
  return db.records.where('domains').anyOf(keys).distinct().toArray();
}

export async function findCompanyForEmail(email: string, companiesFolderId: string): Promise<CrmRecord | undefined> {
  const domain = emailDomain(email);
  if (!domain) return undefined;
  const hits = await db.records.where('domains').equals(domain).toArray();
  return hits.find((r) => r.folderId === companiesFolderId);
}

/** A page of a folder's records, most recently changed first. */
export function listRecords(folderId: string, { limit = 100, offset = 0 } = {}): Promise<CrmRecord[]> {
  return db.records
    .where('[folderId+updatedAt]')
    .between([folderId, -Infinity], [folderId, Infinity])
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

export function countRecords(folderId: string): Promise<number> {
  return db.records.where('folderId').equals(folderId).count();
}

export function recordsLinking(recordId: string): Promise<CrmRecord[]> {
  return db.records.where('linkedIds').equals(recordId).toArray();
}

/**
 * The merged history of several records (a contact, its company, its deals), newest first,
 * without duplicates when one activity belongs to several of them.
 */
export async function timeline(recordIds: readonly string[], { limit = 20, before = Infinity } = {}): Promise<Activity[]> {
  if (recordIds.length === 0) return [];
  const all = await db.activities.where('recordIds').anyOf([...recordIds]).distinct().toArray();
  return all
    .filter((a) => a.at < before)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
}

export function threadLinksFor(threadId: string) {
  return db.threadLinks.where('threadId').equals(threadId).toArray();
}

export function emailActivitiesForThread(threadId: string) {
  return db.activities.where('threadId').equals(threadId).toArray();
}
