import type { ThreadlineDB } from '../db/db';
import type { SyncedTable } from '../model/entities';
import { clockKey } from '../replica/clocks';
import type { ClockRow } from '../replica/rows';

/**
 * How documents merged from other replicas are stored (sync/applyRemote.ts, inside its own
 * transaction): the merged document and its merged clocks, with no outbox entry (it is not a local
 * change) and no after-write hooks (stage history, automations and link cleanup already ran on the
 * device that made the change, and their writes arrive as documents of their own).
 */
export async function storeMerged(db: ThreadlineDB, table: SyncedTable, doc: Record<string, unknown>, clocks: ClockRow): Promise<void> {
  await db.table(table).put(doc);
  await db.clocks.put(clocks);
}

/** A document deleted elsewhere: gone here, its tombstone stamps kept. */
export async function storeTombstone(db: ThreadlineDB, table: SyncedTable, id: string, clocks: ClockRow): Promise<void> {
  await db.table(table).delete(id);
  await db.clocks.put(clocks);
}

/** A document this device must forget entirely, with its stamps (a refused change the server never had). */
export async function removeWithClocks(db: ThreadlineDB, table: SyncedTable, id: string): Promise<void> {
  await db.table(table).delete(id);
  await db.clocks.delete(clockKey(table, id));
}
