import { db } from './db';
import type { Activity, CrmRecord, Folder, Pipeline, Setting, SyncedTable, ThreadLink, View } from './model/entities';
import type { Field } from './model/field';
import { newId } from './model/ids';

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

const TABLES = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'outbox', 'meta'] as const;

const docKey = (doc: { id?: string; key?: string }) => doc.id ?? doc.key ?? '';

/**
 * The single write path. `work` reads and writes inside one Dexie transaction together with the
 * outbox, so a crash or a thrown error at any point leaves both the data and the outbox as they
 * were. UIs and sync never write tables any other way.
 */
export function mutate<R>(work: (w: Writer) => Promise<R>): Promise<R> {
  return db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    const mutationId = newId('mut');
    const at = Date.now();
    const writer: Writer = {
      async put(table, doc, changed) {
        await db.table(table).put(doc);
        await db.outbox.add({ mutationId, table, docId: docKey(doc), op: 'put', changed: [...changed], at });
      },
      async remove(table, id) {
        await db.table(table).delete(id);
        await db.outbox.add({ mutationId, table, docId: id, op: 'delete', changed: [], at });
      },
    };
    return work(writer);
  });
}
