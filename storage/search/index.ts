import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { ThreadlineDB } from '../db/db';
import type { Field } from '../model/field';
import { SearchIndex } from './searchIndex';
import type { SearchHit } from './score';

/**
 * One search box over every folder: titles (names, company and deal names), emails and phones,
 * accents ignored ("Garcia" finds "García"), ranked. The index lives in memory (./searchIndex.ts)
 * and is kept current from Dexie's change feed (`storagemutated`, which also carries other tabs'
 * writes), so a query never reads the whole table again; only the changed records are re-read.
 */
export { SearchIndex };
export type { SearchHit };

/** One database's index and what must be re-read before its next query. */
type Shared = { name: string; index: SearchIndex; builtFor: unknown; dirty: Set<string>; stale: boolean; building: Promise<void> | undefined };

/**
 * An index per database (a page binds one; tests and the sync simulation open several). The change
 * feed names databases, not objects, so it reaches each index through a weak reference: a closed
 * database that nothing holds any more takes its index with it.
 */
const byDb = new WeakMap<ThreadlineDB, Shared>();
const live = new Set<WeakRef<Shared>>();

function sharedFor(db: ThreadlineDB): Shared {
  let shared = byDb.get(db);
  if (!shared) {
    shared = { name: db.name, index: new SearchIndex(), builtFor: undefined, dirty: new Set(), stale: true, building: undefined };
    byDb.set(db, shared);
    live.add(new WeakRef(shared));
  }
  return shared;
}

function onMutated(parts: ObservabilitySet) {
  for (const [part, tree] of Object.entries(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(part);
    if (!m) continue;
    for (const ref of live) {
      const shared = ref.deref();
      if (!shared) live.delete(ref);
      else if (shared.name === m[1]) mark(shared, m[2]!, m[3]!, tree);
    }
  }
}

function mark(shared: Shared, table: string, key: string, tree: ObservabilitySet[string]) {
  if (table === 'fields' || table === 'folders') shared.stale = true;
  if (table !== 'records' || (key !== '' && key !== ':dels')) return;
  for (const node of new RangeSet().add(tree)) {
    // A range (a clear or bulk delete) names no single keys: read everything again.
    if (typeof node.from === 'string' && node.from === node.to) shared.dirty.add(node.from);
    else shared.stale = true;
  }
}
Dexie.on('storagemutated', onMutated);

async function fieldsByFolder(db: ThreadlineDB): Promise<Map<string, Field[]>> {
  const map = new Map<string, Field[]>();
  for (const f of await db.fields.toArray()) map.set(f.folderId, [...(map.get(f.folderId) ?? []), f]);
  return map;
}

async function refresh(db: ThreadlineDB, shared: Shared): Promise<void> {
  if (!db.isOpen()) await db.open();
  const backend = db.backendDB();
  if (shared.stale || shared.builtFor !== backend) {
    shared.stale = false;
    shared.dirty.clear();
    shared.builtFor = backend;
    const fields = await fieldsByFolder(db);
    shared.index.clear();
    await db.records.each((r) => shared.index.upsert(r, fields.get(r.folderId) ?? []));
    return;
  }
  if (shared.dirty.size === 0) return;
  const ids = [...shared.dirty];
  shared.dirty.clear();
  const [records, fields] = await Promise.all([db.records.bulkGet(ids), fieldsByFolder(db)]);
  records.forEach((r, i) => (r ? shared.index.upsert(r, fields.get(r.folderId) ?? []) : shared.index.remove(ids[i]!)));
}

/**
 * Searches every folder (or only `folderId`'s records); the first call builds the index, later
 * calls only re-read what changed.
 */
export async function searchRecords(db: ThreadlineDB, query: string, limit = 20, folderId?: string): Promise<SearchHit[]> {
  const shared = sharedFor(db);
  // One refresh at a time: keystrokes arriving during a build wait for it instead of starting another.
  while (shared.building) await shared.building;
  if (shared.stale || shared.dirty.size || shared.builtFor !== (db.isOpen() ? db.backendDB() : undefined)) {
    shared.building = refresh(db, shared)
      .catch((e: unknown) => {
        // A half-built index (the database closed mid-read) is rebuilt by the next query.
        shared.stale = true;
        throw e;
      })
      .finally(() => (shared.building = undefined));
    await shared.building;
  }
  return shared.index.search(query, limit, folderId);
}
