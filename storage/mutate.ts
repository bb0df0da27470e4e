import { db as defaultDb, type ThreadlineDB } from './db';
import type { Activity, CrmRecord, Folder, Pipeline, Setting, SyncedTable, ThreadLink, View } from './model/entities';
import type { Field } from './model/field';
import { newId } from './model/ids';
import { clockKey, TxClock, type ClockRow } from '../sync/clocks';
import { changedUnits, docId, toUnits } from '../sync/units';

type DocOf = {
  folders: Folder;
  fields: Field;
  views: View;
  pipelines: Pipeline;
  records: CrmRecord;
  activities: Activity;
  threadLinks: ThreadLink;
  settings: Setting;
};

/** What a mutation may do: every write also appends its outbox entry. */
export type Writer = {
  put<T extends SyncedTable>(table: T, doc: DocOf[T], changed: readonly string[]): Promise<void>;
  remove(table: SyncedTable, id: string): Promise<void>;
};

const TABLES = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'outbox', 'meta', 'clocks', 'syncState'] as const;

/**
 * The single write path. `work` reads and writes inside one Dexie transaction together with the
 * outbox and the clock stamps, so a crash or a thrown error at any point leaves the data, the
 * outbox and the clocks as they were. UIs and sync never write tables any other way.
 */
export function mutate<R>(work: (w: Writer) => Promise<R>): Promise<R> {
  return mutateIn(defaultDb, work);
}

/** `mutate` on a given database: the sync simulation runs several replicas in one process. */
export function mutateIn<R>(db: ThreadlineDB, work: (w: Writer) => Promise<R>): Promise<R> {
  return db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    const mutationId = newId('mut');
    const at = Date.now();
    const clock = new TxClock(db);
    const writer: Writer = {
      async put(table, doc, changed) {
        const id = docId(table, doc);
        const hlc = await stampPut(db, clock, table, id, doc);
        await db.table(table).put(doc);
        await db.outbox.add({ mutationId, table, docId: id, op: 'put', changed: [...changed], at, hlc });
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
    const result = await work(writer);
    await clock.save();
    return result;
  });
}

/**
 * Stamps the units this write really changes, compared with the stored version (callers' `changed`
 * lists are a hint for people, not trusted for merging). A document that does not exist yet is
 * (re)created: every unit and its birth get the new stamp.
 */
async function stampPut(db: ThreadlineDB, clock: TxClock, table: SyncedTable, id: string, doc: object): Promise<string> {
  const key = clockKey(table, id);
  const [before, row] = await Promise.all([db.table(table).get(id) as Promise<Record<string, unknown> | undefined>, db.clocks.get(key)]);
  const after = toUnits(table, doc as Record<string, unknown>);
  const hlc = await clock.tick();
  let next: ClockRow;
  if (!before) {
    next = { key, fields: Object.fromEntries(Object.keys(after).map((u) => [u, hlc])), born: hlc };
    if (row?.deleted) next.deleted = row.deleted;
  } else {
    next = { key, fields: { ...(row?.fields ?? {}) }, ...(row?.born ? { born: row.born } : {}), ...(row?.deleted ? { deleted: row.deleted } : {}) };
    for (const unit of changedUnits(toUnits(table, before), after)) next.fields[unit] = hlc;
  }
  await db.clocks.put(next);
  return hlc;
}
