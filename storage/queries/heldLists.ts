import { cmp, type IndexableType } from 'dexie';
import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import { countRead } from './readStats';

/**
 * Keeping a held id list in index order when records change, without reading the list again: the
 * changed ids are taken out, and each changed record still in the folder (and in the list's
 * domain) goes back in at its key, found by a search that reads a few records of the list (a
 * 32-way search: about four bulk reads of 32 records for 50,000 ids, one when it goes first).
 */
export type StoredRecord = CrmRecord & { sortKeys?: [folderId: string, fieldId: string, key: IndexableType][] };

/** How a held list orders its ids: the key of a record in it (undefined: not in the list), and the direction. */
export type ListOrder = { keyOf: (r: StoredRecord) => IndexableType | undefined; desc: boolean };

const FAN = 32;

/** Reads records by id for one change, each at most once (the changed records, and the probes of every list). */
export class RecordReads {
  private readonly held = new Map<string, StoredRecord | undefined>();
  constructor(private readonly db: ThreadlineDB) {}

  async read(ids: readonly string[]): Promise<(StoredRecord | undefined)[]> {
    const missing = [...new Set(ids.filter((id) => !this.held.has(id)))];
    if (missing.length) {
      const found = (await this.db.records.bulkGet(missing)) as (StoredRecord | undefined)[];
      countRead('changed', found.length);
      missing.forEach((id, i) => this.held.set(id, found[i]));
    }
    return ids.map((id) => this.held.get(id));
  }
}

/** The key a list orders a record by, with the id after it as the index does (equal keys by id). */
const entry = (order: ListOrder, r: StoredRecord | undefined, id: string): [IndexableType, string] | undefined => {
  const key = r && order.keyOf(r);
  return key === undefined ? undefined : [key, id];
};

/** The first position of `list` whose id sorts after `target` (a record read that vanished counts as before: its own change follows). */
async function positionOf(list: readonly string[], target: [IndexableType, string], order: ListOrder, reads: RecordReads): Promise<number> {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const step = Math.max(1, Math.ceil((hi - lo) / FAN));
    const probes: number[] = [];
    for (let i = lo; i < hi; i += step) probes.push(i);
    const found = await reads.read(probes.map((i) => list[i]!));
    const after = probes.findIndex((p, j) => {
      const e = entry(order, found[j], list[p]!);
      if (!e) return false;
      const c = cmp(e, target);
      return order.desc ? c < 0 : c > 0;
    });
    if (after === -1) lo = probes[probes.length - 1]! + 1;
    else {
      hi = probes[after]!;
      if (after > 0) lo = probes[after - 1]! + 1;
    }
  }
  return lo;
}

/** `list` (never mutated) with the changed ids moved to their keys now, dropped when out of the list's domain. */
export async function reposition(list: readonly string[], changed: readonly string[], order: ListOrder, reads: RecordReads): Promise<string[]> {
  const gone = new Set(changed);
  const next = list.filter((id) => !gone.has(id));
  const records = await reads.read(changed);
  const entries = changed.map((id, i) => entry(order, records[i], id));
  for (const e of entries) if (e) next.splice(await positionOf(next, e, order, reads), 0, e[1]);
  return next;
}

/** Whether a key lies in an index range (minKey and maxKey compare as IndexedDB does). */
export function inRange(key: IndexableType, r: { lower: IndexableType; upper: IndexableType; lowerOpen?: boolean; upperOpen?: boolean }): boolean {
  const lo = cmp(key, r.lower);
  const hi = cmp(key, r.upper);
  return (r.lowerOpen ? lo > 0 : lo >= 0) && (r.upperOpen ? hi < 0 : hi <= 0);
}
