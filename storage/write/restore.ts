import type { CrmRecord, SyncedTable } from '../model/entities';
import { deriveIndexes } from '../model/derive';
import type { FolderSchema } from '../folders/schema';
import type { DocOf, Writer } from './mutate';

/**
 * Rows of a backup, stored as they were saved: no stage history, no automations, no hooks (the
 * backup holds the history those produced). In a shared workspace they are stamped and queued like
 * any change, so the team receives what was restored.
 */
export async function putRestoredIn<T extends Exclude<SyncedTable, 'records'>>(w: Writer, table: T, rows: readonly DocOf[T][]): Promise<void> {
  await w.putMany(table, rows.map((doc) => ({ doc, changed: Object.keys(doc as object) })));
}

/** Records of one folder, their indexes derived from the folder's current fields. */
export async function putRestoredRecordsIn(w: Writer, schema: FolderSchema, rows: readonly Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r): CrmRecord => ({ ...r, ...deriveIndexes(schema.folder, schema.fields, r.values) }));
  await w.putMany('records', records.map((doc) => ({ doc, changed: Object.keys(doc.values) })));
  // New records must not reuse the restored auto-numbers: each counter moves past the highest one.
  const numbered = schema.fields.filter((f) => f.type === 'autoNumber');
  if (numbered.length === 0) return;
  const keys = numbered.map((f) => `autoNumber:${f.id}`);
  const counters = await w.db.meta.bulkGet(keys);
  await w.db.meta.bulkPut(
    numbered.map((field, i) => {
      let highest = (counters[i]?.value as number | undefined) ?? 0;
      for (const r of records) {
        const n = r.values[field.id];
        if (typeof n === 'number' && n > highest) highest = n;
      }
      return { key: keys[i]!, value: highest };
    }),
  );
}
