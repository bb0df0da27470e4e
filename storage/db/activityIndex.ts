import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/**
 * The `recordAt` index of the activities table: one key per record an activity belongs to,
 * `${recordId}\u0001${encodeAt(at)}`, so one record's history can be read newest first and stopped
 * after a page (`where('recordAt').between(...).reverse().limit(n)`). IndexedDB cannot combine a
 * multi-entry index (`recordIds`) with a sort key, hence this derived one.
 *
 * It is storage, not document: it never syncs (sync/units.ts leaves it out), it is not part of
 * `activitySchema`, and no writer sets it. `activityIndexMiddleware` (registered in db.ts) computes
 * it for every put/add to `activities`, whoever writes; raw IndexedDB writers (bench seeding) call
 * `withRecordAt` themselves.
 */
export const RECORD_AT = 'recordAt';

/** Below every printable character: a record's keys sort together, before any longer id's. */
const SEP = '\u0001';

const view = new DataView(new ArrayBuffer(8));
const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * `at` as 16 hex digits whose string order is numeric order, for every finite number (negative,
 * fractional, beyond year 2286): the IEEE-754 bits with the sign bit flipped for positives and all
 * bits flipped for negatives. Exact, so the index orders history exactly as the timeline's sort
 * does. -0 is stored as 0 (the sort treats them as equal); NaN, which zod never admits, as
 * -Infinity: such an entry sorts oldest, and the timeline's `at < before` check drops it as before.
 */
export function encodeAt(at: number): string {
  view.setFloat64(0, Number.isNaN(at) ? -Infinity : at === 0 ? 0 : at);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  return hi & 0x8000_0000 ? hex8(~hi >>> 0) + hex8(~lo >>> 0) : hex8((hi | 0x8000_0000) >>> 0) + hex8(lo);
}

/** The index key of `recordId`'s entry at time `at`. Record ids never contain U+0001 (newId). */
export function recordAtKey(recordId: string, at: number): string {
  return recordId + SEP + encodeAt(at);
}

/** The lowest key of `recordId`'s history: read `[recordStart(id), recordAtKey(id, before))`. */
export function recordStart(recordId: string): string {
  return recordId + SEP;
}

type Indexable = { recordIds?: unknown; at?: unknown };

/** Every `recordAt` key of an activity (one per distinct record id). */
export function recordAtKeys(activity: Indexable): string[] {
  const ids = Array.isArray(activity.recordIds) ? activity.recordIds.filter((id): id is string => typeof id === 'string') : [];
  const at = typeof activity.at === 'number' ? activity.at : NaN;
  return [...new Set(ids)].map((id) => recordAtKey(id, at));
}

/** A copy of the stored activity with its index keys (the caller's object is left alone). */
export function withRecordAt<T extends object>(activity: T): T & { recordAt: string[] } {
  return { ...activity, recordAt: recordAtKeys(activity as Indexable) };
}

/** The stored activity without its index keys: what exports show. */
export function withoutRecordAt<T extends object>(stored: T): T {
  if (!(RECORD_AT in stored)) return stored;
  const { recordAt: _ignored, ...doc } = stored as T & { recordAt?: unknown };
  return doc as T;
}

function indexed(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'put' && req.type !== 'add') return req;
  return { ...req, values: req.values.map((v: unknown) => (v && typeof v === 'object' ? withRecordAt(v) : v)) };
}

/**
 * Sets `recordAt` on every activity written through Dexie: mutate's put and putMany, sync's
 * applyRemote, merges, migrations, tests. At the default level (10) it runs above Dexie's own
 * observability and cache middlewares, so live queries on `recordAt` ranges see the new keys.
 */
export const activityIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'activityIndex',
  create: (down) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      if (name !== 'activities') return table;
      return { ...table, mutate: (req) => table.mutate(indexed(req)) };
    },
  }),
};
