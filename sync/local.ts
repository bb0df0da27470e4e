import type { ThreadlineDB } from '../storage/db/db';
import { SYNCED_TABLES } from '../storage/model/entities';
import { newId } from '../storage/model/ids';
import { clockKey, TxClock } from '../storage/replica/clocks';
import { resetCursors, writeStatus } from './state';
import { docId, toUnits } from '../storage/replica/units';

const CHUNK = 500;

/**
 * Moving the local workspace into a new shared one: every document is stamped as created now and
 * queued, so the normal push uploads it in batches (and the badge counts it down). Data is not
 * touched, only its clocks and the outbox; earlier local-only outbox entries are dropped.
 */
export async function queueWholeWorkspace(db: ThreadlineDB): Promise<number> {
  await db.outbox.clear();
  let queued = 0;
  for (const table of SYNCED_TABLES) {
    const keys = (await db.table(table).toCollection().primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += CHUNK) {
      await db.transaction('rw', [table, 'clocks', 'outbox', 'syncState'], async () => {
        const clock = new TxClock(db);
        const mutationId = newId('mut');
        for (const doc of (await db.table(table).bulkGet(keys.slice(i, i + CHUNK))) as (Record<string, unknown> | undefined)[]) {
          if (!doc) continue;
          const hlc = await clock.tick();
          const id = docId(table, doc);
          const fields = Object.fromEntries(Object.keys(toUnits(table, doc)).map((u) => [u, hlc]));
          await db.clocks.put({ key: clockKey(table, id), fields, born: hlc });
          await db.outbox.add({ mutationId, table, docId: id, op: 'put', changed: [], at: Date.now(), hlc });
          queued++;
        }
        await clock.save();
      });
    }
  }
  return queued;
}

/**
 * Before joining or switching to another workspace: this device's copy is replaced by the
 * workspace's, so every synced table, clock, parked document, pending change and cursor goes.
 * The caller confirms with the user first (pending changes of the old workspace are lost).
 */
export async function clearForWorkspace(db: ThreadlineDB): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES, 'clocks', 'parked', 'outbox', 'syncState'], async () => {
    await Promise.all([...SYNCED_TABLES, 'clocks', 'parked', 'outbox'].map((t) => db.table(t).clear()));
    await resetCursors(db);
    await writeStatus(db, { state: 'syncing', waiting: 0 });
  });
}
