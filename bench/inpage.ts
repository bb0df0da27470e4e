// First: zod must be jitless before any storage module builds its schemas.
import './jitless';
import { withRecordAt } from '../storage/db/activityIndex';
import { openThreadlineDb } from '../storage/open';
import { runImport } from '../storage/csv/runImport';
import { deriveIndexes } from '../storage/model/derive';
import { findRecordsByEmails, timeline } from '../storage/queries/queries';
import { PRESET_FOLDER_IDS, presetFields, presetFolders } from '../storage/folders/presets';
import { searchRecords } from '../storage/search';
import { suggestRecords } from '../storage/search/suggest';
import type { Activity, CrmRecord } from '../storage/model/entities';
import { chunk, contact, COUNTS, type Kind, type Scale } from './generate';
import { benchThread } from './threads';
import { csvContacts } from './csvRows';
import { recordSortKeys } from '../storage/views/sortKeys';
import { firstPageIds, FolderKeys } from '../storage/queries/tableRows';
import { loadFolderSchema } from '../storage/folders/schema';
import { updateRecord } from '../storage/write/records';


/** The extension's own database (the page this runs in is an extension page: same origin, same IndexedDB). */
const db = openThreadlineDb();

const TABLE: Record<Kind, 'records' | 'activities' | 'threadLinks'> = {
  companies: 'records', contacts: 'records', deals: 'records', activities: 'activities', threadLinks: 'threadLinks',
};
const SEED_CHUNK = 5_000;

/** One raw IndexedDB transaction per chunk: Dexie's bulkPut adds per-item work the seed does not need. */
function rawPut(idb: IDBDatabase, table: string, items: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(table, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(table);
    for (const item of items) store.put(item);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
const ms = (start: number) => performance.now() - start;

/** Median of `n` timed runs: the machine is shared, one run alone says little. */
async function median(n: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    times.push(ms(t0));
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

const PRESET_FIELDS = presetFields(0);
/** A record's sort keys, as the derived-columns middleware (storage/db/recordIndex.ts) sets them. */
function withSortKeys(r: CrmRecord): CrmRecord & { sortKeys: unknown[] } {
  return { ...r, sortKeys: recordSortKeys(r.folderId, PRESET_FIELDS.filter((f) => f.folderId === r.folderId), r.values) };
}

/**
 * Stores the generated workspace straight into IndexedDB (bypassing mutate: no outbox, no
 * validation, no change events: pages opened afterwards read it fresh). Raw puts bypass Dexie's
 * middleware too, so activities get their recordAt index keys and records their sort keys here,
 * from the same functions (without sort keys a sorted or filtered table shows nothing).
 */
async function seed(seedValue: number, scale: Scale): Promise<Record<string, number>> {
  await db.open();
  const idb = db.backendDB();
  const timings: Record<string, number> = {};
  for (const [kind, count] of Object.entries(COUNTS(scale)) as [Kind, number][]) {
    const t0 = performance.now();
    for (let from = 0; from < count; from += SEED_CHUNK) {
      const items = chunk(seedValue, kind, from, Math.min(count, from + SEED_CHUNK), scale);
      const stored = kind === 'activities' ? (items as Activity[]).map(withRecordAt) : TABLE[kind] === 'records' ? (items as CrmRecord[]).map(withSortKeys) : items;
      await rawPut(idb, TABLE[kind], stored);
    }
    timings[kind] = ms(t0);
  }
  return timings;
}

async function counts() {
  return { records: await db.records.count(), activities: await db.activities.count(), threadLinks: await db.threadLinks.count() };
}

/** People on a thread: the emails index against a full scan of the records table (medians). */
async function emailLookup(emails: string[]) {
  const wanted = new Set(emails);
  const found = (await findRecordsByEmails(db, emails)).length;
  const indexedMs = await median(5, () => findRecordsByEmails(db, emails));
  const scanMs = await median(1, () => db.records.filter((r) => r.emails.some((e) => wanted.has(e))).toArray());
  return { indexedMs, scanMs, found };
}

/**
 * The sidebar's history query (a page per record through the recordAt index) against reading the
 * records' whole histories through the recordIds index (the timeline before it) and against an
 * unindexed scan of the activities table (medians).
 */
async function history(recordIds: string[]) {
  const wanted = new Set(recordIds);
  const entries = (await timeline(db, recordIds, { limit: 21 })).length;
  const timelineMs = await median(5, () => timeline(db, recordIds, { limit: 21 }));
  const wholeHistoriesMs = await median(3, async () => {
    const all = await db.activities.where('recordIds').anyOf(recordIds).distinct().toArray();
    all.sort((a: Activity, b: Activity) => b.at - a.at);
  });
  let total = 0;
  const scanMs = await median(1, async () => {
    const all = await db.activities.filter((a) => a.recordIds.some((id) => wanted.has(id))).toArray();
    all.sort((a: Activity, b: Activity) => b.at - a.at);
    total = all.length;
  });
  return { timelineMs, wholeHistoriesMs, scanMs, entries, total };
}

/** Per keystroke: every prefix of each query through storage/search.ts; the first call builds the index. */
async function search(queries: string[], naiveKeystrokes: number) {
  let t0 = performance.now();
  await searchRecords(db, 'warm-up');
  const buildMs = ms(t0);
  const perKey: number[] = [];
  let hits = 0;
  for (const q of queries) {
    for (let n = 1; n <= q.length; n++) {
      t0 = performance.now();
      hits += (await searchRecords(db, q.slice(0, n))).length;
      perKey.push(ms(t0));
    }
  }
  // Naive baseline: what a search without the in-memory index costs, a scan of the stored titles.
  const naive: number[] = [];
  const keys = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).slice(0, naiveKeystrokes);
  for (const k of keys) {
    t0 = performance.now();
    const needle = k.toLowerCase();
    await db.records.filter((r) => r.title.toLowerCase().includes(needle)).limit(20).toArray();
    naive.push(ms(t0));
  }
  return { buildMs, perKey, naive, hits };
}

/** Per keystroke in a link picker: every prefix of each query, over the folder it picks from (issue 17: ≤ 30 ms p95). */
async function picker(queries: [folderId: string, query: string][]) {
  await searchRecords(db, 'warm-up');
  const perKey: number[] = [];
  for (const [folderId, q] of queries) {
    for (let n = 0; n <= q.length; n++) {
      const t0 = performance.now();
      await suggestRecords(db, folderId, q.slice(0, n));
      perKey.push(ms(t0));
    }
  }
  return { perKey };
}

/** CSV import with dedup against a raw bulkPut of the same rows, each in batches of the import's size. */
async function csvImport(seedValue: number, rows: number, scale: Scale, batch: number) {
  const { csv, headers, records } = csvContacts(seedValue, rows, scale);
  const folders = presetFolders(0);
  const fields = presetFields(0);
  const folder = folders.find((f) => f.id === PRESET_FOLDER_IDS.contacts)!;
  const folderFields = fields.filter((f) => f.folderId === folder.id);
  const now = Date.now();
  const raw: CrmRecord[] = records.map((values, i) => ({
    id: `rec_raw${i}`, folderId: folder.id, values, ...deriveIndexes(folder, folderFields, values), stats: {}, createdAt: now, updatedAt: now,
  }));
  let t0 = performance.now();
  // Folders and fields in the transaction: the derived-columns middleware reads them (storage/db/recordIndex.ts).
  for (let i = 0; i < raw.length; i += batch) await db.transaction('rw', [db.records, db.folders, db.fields], () => db.records.bulkPut(raw.slice(i, i + batch)));
  const rawMs = ms(t0);
  await db.records.bulkDelete(raw.map((r) => r.id));
  const mapping = headers.map((h) => ({ 'First name': 'fc_firstName', 'Last name': 'fc_lastName', Email: 'fc_emails', Position: 'fc_position', Phone: 'fc_phones' })[h] ?? null);
  t0 = performance.now();
  const job = await runImport(db, {
    source: csv,
    start: { folderId: folder.id, file: { name: 'bench.csv', size: csv.length }, headers, mapping, dedup: 'update' },
  });
  const importMs = ms(t0);
  return { rawMs, importMs, rows, csvBytes: csv.length, counts: job.counts, status: job.status };
}

/** The whole contacts folder read at once: what a table without paging/virtualisation would load. */
async function wholeFolder() {
  const t0 = performance.now();
  const all = await db.records.where('folderId').equals(PRESET_FOLDER_IDS.contacts).toArray();
  return { ms: ms(t0), rows: all.length };
}

/** A rename through the write path (as an edit in another page makes it); returns when it started and when it committed, on the shared clock. */
async function rename(id: string, fieldId: string, value: string) {
  const at = performance.timeOrigin + performance.now();
  await updateRecord(db, id, { [fieldId]: value });
  return { at, committed: performance.timeOrigin + performance.now() };
}

/** Where a table's first rows go at this scale: each read the contacts table makes, timed alone (medians of 3). */
async function tableReads() {
  const folderId = PRESET_FOLDER_IDS.contacts;
  const keys = () => new FolderKeys(db, folderId);
  const plan = { folderId, ranges: [], ids: [] };
  const sorted = { ...plan, sort: { fieldId: 'fc_firstName', desc: false } };
  const page = await firstPageIds(db, plan, 50);
  return {
    schema: await median(3, () => loadFolderSchema(db, folderId)),
    count: await median(3, () => keys().count()),
    recentIds: await median(3, () => keys().recentIds()),
    sortedIds: await median(3, () => keys().sortedIds('fc_firstName')),
    firstPage: await median(3, () => firstPageIds(db, plan, 50)),
    firstPageSorted: await median(3, () => firstPageIds(db, sorted, 50)),
    pageRecords: await median(3, () => db.records.bulkGet(page ?? [])),
  };
}

const bench = { seed, counts, rename, tableReads, emailLookup, history, search, picker, csvImport, wholeFolder, benchThread, contact };
export type Bench = typeof bench;
(globalThis as { threadlineBench?: Bench }).threadlineBench = bench;
