import { RECORD_AT, recordAtKey, recordStart } from '../db/activityIndex';
import type { ThreadlineDB } from '../db/db';
import type { Activity, FolderKind } from '../model/entities';
import { newestFirst } from './queries';

/**
 * A record's history as people expect to read it, one newest-first list (ARCHITECTURE §2, issue 14):
 * - a company: its own entries, its people's and its deals' (every record linking to it);
 * - a deal: its own entries and those of the Gmail threads linked to it;
 * - anything else: its own entries.
 * Read from the activity index at query time, never copied onto the company or deal.
 */

/** Where the page stops: the oldest entry shown. The next page starts strictly after it. */
export type HistoryCursor = { at: number; id: string };
export type RollupQuery = { limit?: number; after?: HistoryCursor };

/** An entry and the other records (or threads) it was found through: "on Ana Ruiz", "on deal X". */
export type RollupEntry = { activity: Activity; via: string[] };
export type ViaRecord = { id: string; title: string; kind: FolderKind | 'thread' };
export type RollupPage = {
  entries: RollupEntry[];
  /** Present when there may be more: pass it as `after` for the next page. */
  next?: HistoryCursor;
  /** Titles of the `via` records of this page's entries. */
  via: Map<string, ViaRecord>;
};

type Source = { kind: 'record'; id: string } | { kind: 'thread'; id: string };

const olderThan = (cursor: HistoryCursor | undefined) => (a: Activity) => !cursor || a.at < cursor.at || (a.at === cursor.at && a.id < cursor.id);

/**
 * Up to `depth` of a record's entries older than `after`, newest first, through the recordAt index.
 * Ties at the cursor's instant are read and dropped; if a whole read was ties, it reads further.
 */
async function recordPage(db: ThreadlineDB, recordId: string, depth: number, after: HistoryCursor | undefined): Promise<Activity[]> {
  const upper = recordAtKey(recordId, after ? after.at : Infinity);
  const keep = olderThan(after);
  for (let n = depth; ; n *= 2) {
    const raw = await db.activities.where(RECORD_AT).between(recordStart(recordId), upper, true, after !== undefined).reverse().limit(n).toArray();
    // The filter on recordIds guards against an id with U+0001 reaching into another record's keys.
    const kept = raw.filter((a) => keep(a) && a.recordIds.includes(recordId));
    if (kept.length >= depth || raw.length < n) return kept.slice(0, depth);
  }
}

/** A thread's entries (a thread holds tens, not thousands): read whole, sorted here. */
async function threadPage(db: ThreadlineDB, threadId: string, depth: number, after: HistoryCursor | undefined): Promise<Activity[]> {
  const all = await db.activities.where('threadId').equals(threadId).toArray();
  return all.filter(olderThan(after)).sort(newestFirst).slice(0, depth);
}

const read = (db: ThreadlineDB, s: Source, depth: number, after: HistoryCursor | undefined) =>
  s.kind === 'record' ? recordPage(db, s.id, depth, after) : threadPage(db, s.id, depth, after);

/** The records and threads whose entries make up `recordId`'s history, itself first. */
export async function historySources(db: ThreadlineDB, recordId: string): Promise<Source[]> {
  const record = await db.records.get(recordId);
  const own: Source = { kind: 'record', id: recordId };
  if (!record) return [own];
  const folder = await db.folders.get(record.folderId);
  if (folder?.kind === 'companies') {
    // Keys only: a company of 200 people reads 200 ids here, not 200 records.
    const linking = (await db.records.where('linkedIds').equals(recordId).primaryKeys()) as string[];
    return [own, ...linking.filter((id) => id !== recordId).map((id): Source => ({ kind: 'record', id }))];
  }
  if (folder?.kind === 'deals') {
    const links = await db.threadLinks.where('recordId').equals(recordId).toArray();
    return [own, ...[...new Set(links.map((l) => l.threadId))].map((id): Source => ({ kind: 'thread', id }))];
  }
  return [own];
}

type Read = { source: Source; entries: Activity[]; depth: number };

function merge(reads: readonly Read[], limit: number): Map<string, RollupEntry> {
  const byId = new Map<string, RollupEntry>();
  for (const { source, entries } of reads) {
    for (const a of entries) {
      const seen = byId.get(a.id) ?? { activity: a, via: [] };
      if (!seen.via.includes(source.id)) seen.via.push(source.id);
      byId.set(a.id, seen);
    }
  }
  return new Map([...byId.entries()].sort(([, x], [, y]) => newestFirst(x.activity, y.activity)).slice(0, limit));
}

/**
 * The first `limit` entries of several sources merged, exactly, reading as little as it can: each
 * source first gives a couple of entries; a source whose read was full and whose oldest entry is
 * not older than the merged page's last could hide entries of the page, so it is read again `limit`
 * deep (after which it holds every entry it could contribute). Two rounds at most. A company of
 * 200 people whose history spreads over all of them reads a few hundred entries a page, not 200 × limit.
 */
export async function mergedSources(db: ThreadlineDB, sources: readonly Source[], limit: number, after?: HistoryCursor): Promise<RollupEntry[]> {
  const first = Math.min(limit, Math.max(2, Math.ceil((2 * limit) / Math.max(1, sources.length))));
  let reads: Read[] = await Promise.all(sources.map(async (source) => ({ source, entries: await read(db, source, first, after), depth: first })));
  for (let round = 0; round < 2; round++) {
    const page = [...merge(reads, limit).values()];
    const last = page.length >= limit ? page[limit - 1]!.activity : undefined;
    const short = (r: Read) => r.depth < limit && r.entries.length === r.depth && (!last || newestFirst(r.entries[r.entries.length - 1]!, last) <= 0);
    if (!reads.some(short)) break;
    reads = await Promise.all(reads.map(async (r) => (short(r) ? { source: r.source, entries: await read(db, r.source, limit, after), depth: limit } : r)));
  }
  return [...merge(reads, limit).values()];
}

/** Titles for the records (and threads, by their emails' subject) named in a page's `via`. */
async function viaRecords(db: ThreadlineDB, rootId: string, entries: readonly RollupEntry[], sources: readonly Source[]): Promise<Map<string, ViaRecord>> {
  const threadIds = new Set(sources.filter((s) => s.kind === 'thread').map((s) => s.id));
  const ids = [...new Set(entries.flatMap((e) => e.via))].filter((id) => id !== rootId);
  const recordIds = ids.filter((id) => !threadIds.has(id));
  const records = await db.records.bulkGet(recordIds);
  const folderIds = [...new Set(records.flatMap((r) => (r ? [r.folderId] : [])))];
  const folders = new Map((await db.folders.bulkGet(folderIds)).flatMap((f) => (f ? [[f.id, f.kind] as const] : [])));
  const via = new Map<string, ViaRecord>();
  for (const r of records) if (r) via.set(r.id, { id: r.id, title: r.title, kind: folders.get(r.folderId) ?? 'custom' });
  for (const e of entries) {
    for (const id of e.via) {
      if (threadIds.has(id) && !via.has(id)) via.set(id, { id, title: e.activity.kind === 'email' ? e.activity.subject : '', kind: 'thread' });
    }
  }
  return via;
}

/** One page of `recordId`'s whole history (see the top of this file), newest first. */
export async function recordRollup(db: ThreadlineDB, recordId: string, { limit = 20, after }: RollupQuery = {}): Promise<RollupPage> {
  return db.transaction('r', [db.records, db.folders, db.threadLinks, db.activities], async () => {
    const sources = await historySources(db, recordId);
    // One more than asked: says whether there is a next page without another read.
    const merged = await mergedSources(db, sources, limit + 1, after);
    const threads = new Set(sources.flatMap((s) => (s.kind === 'thread' ? [s.id] : [])));
    // The record's own entry found again through a linked thread needs no "from the thread".
    const whose = (e: RollupEntry) => e.via.filter((id) => id !== recordId && !(threads.has(id) && e.activity.recordIds.includes(recordId)));
    const entries = merged.slice(0, limit).map((e) => ({ activity: e.activity, via: whose(e) }));
    const tail = entries[entries.length - 1]?.activity;
    return {
      entries,
      ...(merged.length > limit && tail ? { next: { at: tail.at, id: tail.id } } : {}),
      via: await viaRecords(db, recordId, entries, sources),
    };
  });
}
