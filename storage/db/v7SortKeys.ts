import type { Transaction } from 'dexie';
import type { Field } from '../model/field';
import { recordSortKeys } from '../views/sortKeys';

const CHUNK = 2_000;

/**
 * Schema v7: records get the `sortKeys` tables page through (storage/views/sortKeys.ts); later
 * writes get them from recordIndexMiddleware. Records are rewritten in chunks of primary keys,
 * so the upgrade never holds a whole folder of 50,000 records in memory at once.
 */
export async function addSortKeys(tx: Transaction): Promise<void> {
  const fields = (await tx.table('fields').toArray()) as Field[];
  const byFolder = new Map<string, Field[]>();
  for (const f of fields) byFolder.set(f.folderId, [...(byFolder.get(f.folderId) ?? []), f]);
  const records = tx.table('records');
  let after: string | undefined;
  for (;;) {
    const chunk = (await (after === undefined ? records.orderBy(':id') : records.where(':id').above(after)).limit(CHUNK).toArray()) as {
      id: string;
      folderId: string;
      values?: Record<string, unknown>;
    }[];
    if (chunk.length === 0) return;
    await records.bulkPut(chunk.map((r) => ({ ...r, sortKeys: recordSortKeys(r.folderId, byFolder.get(r.folderId) ?? [], r.values ?? {}) })));
    after = chunk[chunk.length - 1]!.id;
  }
}
