import type { ActivityOf, CrmRecord } from '../model/entities';
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

/**
 * An activity someone logged (an email on records it was not on before, a call, a meeting, a
 * note), inside the transaction that logged it; automations register here as for records.
 */
export type ActivityLogged =
  | { kind: 'emailLogged'; activity: ActivityOf<'email'>; added: readonly string[] }
  | { kind: 'activityLogged'; activity: ActivityOf<'call'> | ActivityOf<'meeting'> | ActivityOf<'note'> };
export type ActivityLoggedHook = (w: Writer, event: ActivityLogged) => Promise<void>;

const activityLogged = new Set<ActivityLoggedHook>();

export function onActivityLogged(hook: ActivityLoggedHook): () => void {
  activityLogged.add(hook);
  return () => void activityLogged.delete(hook);
}

export async function runActivityLogged(w: Writer, event: ActivityLogged): Promise<void> {
  for (const hook of activityLogged) await hook(w, event);
}
