import type { ThreadlineDB } from '../db/db';
import type { Activity, CrmRecord, Folder, Pipeline, Setting, SyncedTable, Template, ThreadLink, View } from '../model/entities';
import type { Field } from '../model/field';
import { newId } from '../model/ids';
import { clockKey, TxClock, type ClockRow } from '../replica/clocks';
import { changedUnits, docId, toUnits } from '../replica/units';
import { isSharedWorkspace } from '../replica/workspaceMode';

export type DocOf = {
  folders: Folder;
  fields: Field;
  views: View;
  pipelines: Pipeline;
  records: CrmRecord;
  activities: Activity;
  threadLinks: ThreadLink;
  settings: Setting;
  templates: Template;
};

/**
 * One document for `putMany`. `fresh`: its id was minted by this very write (`newId`), so nothing
 * is stored under it, neither a document nor a clock row (tombstone), and `putMany` skips reading
 * them. Never set it for an id that came from outside (a file, another replica, a user).
 */
export type PutEntry<D> = { doc: D; changed: readonly string[]; fresh?: boolean };

/**
 * What a mutation may do, and the database it acts on (reads inside `work` use `w.db`: they run in
 * the same transaction). In a shared workspace every write also stamps its clocks and appends its
 * outbox entry; in the local workspace, which nothing ever drains, it does neither.
 */
export type Writer = {
  readonly db: ThreadlineDB;
  /** A shared workspace is active: writes are stamped and queued for the sync host. */
  readonly shared: boolean;
  put<T extends SyncedTable>(table: T, doc: DocOf[T], changed: readonly string[]): Promise<void>;
  /**
   * `put` for many documents of one table in a few bulk requests (bulk import): the same stamps and
   * outbox entries as one `put` each. Ids must be distinct: fold repeated writes of a document first.
   */
  putMany<T extends SyncedTable>(table: T, entries: readonly PutEntry<DocOf[T]>[]): Promise<void>;
  remove(table: SyncedTable, id: string): Promise<void>;
};

const TABLES = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'templates', 'outbox', 'meta', 'clocks', 'syncState'] as const;

/**
 * The single write path. `work` reads and writes inside one Dexie transaction together with the
 * outbox and the clock stamps, so a crash or a thrown error at any point leaves the data, the
 * outbox and the clocks as they were. UIs and sync never write tables any other way. Nested calls
 * (an automation's write inside the user's) join the caller's transaction.
 */
export function mutate<R>(db: ThreadlineDB, work: (w: Writer) => Promise<R>): Promise<R> {
  return db.transaction('rw', TABLES.map((t) => db.table(t)), async (tx) => {
    // A nested call (a merge through updateRecord) joins its caller's writer: one clock whose
    // state is saved once, one mutation id. Dexie's sub-transactions share the IndexedDB one.
    const joined = writers.get(tx.idbtrans);
    if (joined) return work(joined);
    const writer = (await isSharedWorkspace(db)) ? sharedWriter(db) : localWriter(db);
    writers.set(tx.idbtrans, writer);
    const result = await work(writer);
    await writer.commit();
    return result;
  });
}

type OwnedWriter = Writer & { commit(): Promise<void> };
const writers = new WeakMap<IDBTransaction, OwnedWriter>();

/** The local workspace: the documents only. Joining a shared workspace stamps and queues everything. */
function localWriter(db: ThreadlineDB): OwnedWriter {
  return {
    db,
    shared: false,
    async put(table, doc) {
      await db.table(table).put(doc);
    },
    async putMany(table, entries) {
      if (entries.length === 0) return;
      assertDistinct(table, entries.map((e) => docId(table, e.doc)));
      await db.table(table).bulkPut(entries.map((e) => e.doc));
    },
    async remove(table, id) {
      await db.table(table).delete(id);
    },
    commit: async () => undefined,
  };
}

function assertDistinct(table: SyncedTable, ids: readonly string[]) {
  if (new Set(ids).size !== ids.length) throw new Error(`putMany: the same ${table} document twice in one call`);
}

function sharedWriter(db: ThreadlineDB): OwnedWriter {
  const mutationId = newId('mut');
  const at = Date.now();
  const clock = new TxClock(db);
  return {
    db,
    shared: true,
    commit: () => clock.save(),
    async put(table, doc, changed) {
      const id = docId(table, doc);
      const key = clockKey(table, id);
      const [before, row] = await Promise.all([db.table(table).get(id) as Promise<Record<string, unknown> | undefined>, db.clocks.get(key)]);
      const hlc = await clock.tick();
      await db.clocks.put(nextClockRow(table, key, before, row, doc, hlc));
      await db.table(table).put(doc);
      await db.outbox.add({ mutationId, table, docId: id, op: 'put', changed: [...changed], at, hlc });
    },
    async putMany(table, entries) {
      if (entries.length === 0) return;
      const ids = entries.map((e) => docId(table, e.doc));
      assertDistinct(table, ids);
      const keys = ids.map((id) => clockKey(table, id));
      // Few requests, awaited once each: per-row awaits are what made row-by-row imports slow.
      const stored = entries.flatMap((e, i) => (e.fresh ? [] : [i]));
      const [storedDocs, storedRows, stamps] = await Promise.all([
        stored.length ? (db.table(table).bulkGet(stored.map((i) => ids[i]!)) as Promise<(Record<string, unknown> | undefined)[]>) : [],
        stored.length ? db.clocks.bulkGet(stored.map((i) => keys[i]!)) : [],
        clock.tickMany(entries.length),
      ]);
      const befores = new Array<Record<string, unknown> | undefined>(entries.length);
      const rows = new Array<ClockRow | undefined>(entries.length);
      stored.forEach((i, k) => {
        befores[i] = storedDocs[k];
        rows[i] = storedRows[k];
      });
      const clockRows = entries.map((e, i) => nextClockRow(table, keys[i]!, befores[i], rows[i], e.doc, stamps[i]!));
      await db.clocks.bulkPut(clockRows);
      await db.table(table).bulkPut(entries.map((e) => e.doc));
      await db.outbox.bulkAdd(
        entries.map((e, i) => ({ mutationId, table, docId: ids[i]!, op: 'put' as const, changed: [...e.changed], at, hlc: stamps[i]!, ...(e.fresh ? { minted: true as const } : {}) })),
      );
    },
    async remove(table, id) {
      const hlc = await clock.tick();
      const key = clockKey(table, id);
      const row = await db.clocks.get(key);
      // A delete keeps only the stamps: erased values are not kept anywhere, clocks included.
      await db.clocks.put({ key, fields: {}, ...(row?.born ? { born: row.born } : {}), deleted: hlc });
      await db.table(table).delete(id);
      await db.outbox.add({ mutationId, table, docId: id, op: 'delete', changed: [], at, hlc });
    },
  };
}

/**
 * The clock row after a write: the units this write really changes, compared with the stored
 * version, get the new stamp (callers' `changed` lists are a hint for people, not trusted for
 * merging). A document that does not exist yet is (re)created: every unit and its birth get it.
 */
function nextClockRow(table: SyncedTable, key: string, before: Record<string, unknown> | undefined, row: ClockRow | undefined, doc: object, hlc: string): ClockRow {
  const after = toUnits(table, doc as Record<string, unknown>);
  if (!before) {
    const next: ClockRow = { key, fields: Object.fromEntries(Object.keys(after).map((u) => [u, hlc])), born: hlc };
    if (row?.deleted) next.deleted = row.deleted;
    return next;
  }
  const next: ClockRow = { key, fields: { ...(row?.fields ?? {}) }, ...(row?.born ? { born: row.born } : {}), ...(row?.deleted ? { deleted: row.deleted } : {}) };
  for (const unit of changedUnits(toUnits(table, before), after)) next.fields[unit] = hlc;
  return next;
}
