import type { CrmRecord } from '../model/entities';
import type { FolderSchema } from '../folders/schema';
import type { Writer } from './mutate';

/** One record as the write owner stored it; `before` is undefined for a new record. */
export type RecordWrite = { record: CrmRecord; before: CrmRecord | undefined };

/**
 * Runs after records of one folder were written, inside the same transaction: what it writes
 * commits with them or not at all. Automations register one (storage/automations/install.ts), so
 * the write owner never imports the features that react to writes.
 */
export type RecordsWrittenHook = (w: Writer, schema: FolderSchema, writes: readonly RecordWrite[]) => Promise<void>;

const recordsWritten = new Set<RecordsWrittenHook>();

export function onRecordsWritten(hook: RecordsWrittenHook): () => void {
  recordsWritten.add(hook);
  return () => void recordsWritten.delete(hook);
}

export async function runRecordsWritten(w: Writer, schema: FolderSchema, writes: readonly RecordWrite[]): Promise<void> {
  if (writes.length === 0) return;
  for (const hook of recordsWritten) await hook(w, schema, writes);
}
