import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import { db } from '../db/db';
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

/** The page's shared index and what must be re-read before the next query. */
const shared = { index: new SearchIndex(), builtFor: undefined as unknown, dirty: new Set<string>(), stale: true, building: undefined as Promise<void> | undefined };

function onMutated(parts: ObservabilitySet) {
  for (const [part, tree] of Object.entries(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(part);
    if (!m || m[1] !== db.name) continue;
    if (m[2] === 'fields' || m[2] === 'folders') shared.stale = true;
    if (m[2] !== 'records' || (m[3] !== '' && m[3] !== ':dels')) continue;
    for (const node of new RangeSet().add(tree)) {
      // A range (a clear or bulk delete) names no single keys: read everything again.
      if (typeof node.from === 'string' && node.from === node.to) shared.dirty.add(node.from);
      else shared.stale = true;
    }
  }
}
Dexie.on('storagemutated', onMutated);

async function fieldsByFolder(): Promise<Map<string, Field[]>> {
  const map = new Map<string, Field[]>();
  for (const f of await db.fields.toArray()) map.set(f.folderId, [...(map.get(f.folderId) ?? []), f]);
  return map;
}

async function refresh(): Promise<void> {
  if (!db.isOpen()) await db.open();
  const backend = db.backendDB();
  if (shared.stale || shared.builtFor !== backend) {
    shared.stale = false;
    shared.dirty.clear();
    shared.builtFor = backend;
    const fields = await fieldsByFolder();
    shared.index.clear();
    await db.records.each((r) => shared.index.upsert(r, fields.get(r.folderId) ?? []));
    return;
  }
  if (shared.dirty.size === 0) return;
  const ids = [...shared.dirty];
  shared.dirty.clear();
  const [records, fields] = await Promise.all([db.records.bulkGet(ids), fieldsByFolder()]);
  records.forEach((r, i) => (r ? shared.index.upsert(r, fields.get(r.folderId) ?? []) : shared.index.remove(ids[i]!)));
}

/** Searches every folder; the first call builds the index, later calls only re-read what changed. */
export async function searchRecords(query: string, limit = 20): Promise<SearchHit[]> {
  // One refresh at a time: keystrokes arriving during a build wait for it instead of starting another.
  while (shared.building) await shared.building;
  if (shared.stale || shared.dirty.size || shared.builtFor !== (db.isOpen() ? db.backendDB() : undefined)) {
    shared.building = refresh()
      .catch((e: unknown) => {
        // A half-built index (the database closed mid-read) is rebuilt by the next query.
        shared.stale = true;
        throw e;
      })
      .finally(() => (shared.building = undefined));
    await shared.building;
  }
  return shared.index.search(query, limit);
}
