import type { ThreadlineDB } from '../storage/db/db';
import { SYNCED_TABLES, type OutboxEntry, type SyncedTable } from '../storage/model/entities';
import { clockKey, localState } from '../storage/replica/clocks';
import type { PushDoc } from './transport';

/** Firestore allows at most 500 writes in one transaction. */
export const MAX_BATCH = 500;

/**
 * Pushed documents with the outbox entries each one settles, and for documents never sent, the
 * entries to mark as sent before the push goes (`markSent`).
 */
export type Batch = { docs: PushDoc[]; seqsByDoc: Map<string, number[]>; unsentSeqsByDoc: Map<string, number[]> };

type Group = { table: SyncedTable; id: string; seqs: number[]; mutationIds: Set<string>; minted: number[]; sent: boolean };

const batchKey = (d: { table: SyncedTable; id: string }) => clockKey(d.table, d.id);

/**
 * The oldest pending changes, grouped by document, up to `max` documents. Each document goes with
 * its whole current merge state (not the individual changes): pushing it again is harmless, which
 * is what makes a retried or duplicated push idempotent. Refused entries are skipped, so one bad
 * change never blocks the queue behind it.
 */
export async function nextBatch(db: ThreadlineDB, max = MAX_BATCH): Promise<Batch | undefined> {
  return db.transaction('r', ['outbox', 'clocks', ...SYNCED_TABLES], async () => {
    const groups = new Map<string, Group>();
    let last = 0;
    for (;;) {
      const chunk = await db.outbox.where('seq').above(last).limit(1_000).toArray();
      if (chunk.length === 0) break;
      for (const e of chunk) {
        last = e.seq!;
        if (e.refused) continue;
        const key = batchKey({ table: e.table, id: e.docId });
        let g = groups.get(key);
        if (!g) {
          if (groups.size >= max) return build(db, groups);
          g = { table: e.table, id: e.docId, seqs: [], mutationIds: new Set(), minted: [], sent: false };
          groups.set(key, g);
        }
        g.seqs.push(e.seq!);
        g.mutationIds.add(e.mutationId);
        if (e.minted) g.minted.push(e.seq!);
        if (e.sentAt !== undefined) g.sent = true;
      }
    }
    return groups.size ? build(db, groups) : undefined;
  });
}

async function build(db: ThreadlineDB, groups: Map<string, Group>): Promise<Batch> {
  const entries = [...groups];
  const states = await Promise.all(entries.map(([, g]) => localState(db, g.table, g.id)));
  const batch: Batch = { docs: [], seqsByDoc: new Map(), unsentSeqsByDoc: new Map() };
  entries.forEach(([key, g], i) => {
    // Its creation (under a minted id) is still waiting and no push carrying it was ever attempted.
    const unsent = g.minted.length > 0 && !g.sent;
    batch.docs.push({ table: g.table, id: g.id, state: states[i]!, mutationIds: [...g.mutationIds], ...(unsent ? { unsent } : {}) });
    batch.seqsByDoc.set(key, g.seqs);
    if (unsent) batch.unsentSeqsByDoc.set(key, g.minted);
  });
  return batch;
}

/**
 * Before a push carrying never-sent documents goes, their creation entries are marked, durably:
 * if the push commits and the acknowledgement is lost (a crash, a dropped connection), the next
 * push of those documents reads and merges the server's copy like any other.
 */
export async function markSent(db: ThreadlineDB, batch: Batch, docs: readonly PushDoc[]): Promise<void> {
  const seqs = docs.flatMap((d) => (d.unsent ? (batch.unsentSeqsByDoc.get(batchKey(d)) ?? []) : []));
  if (seqs.length === 0) return;
  const sentAt = Date.now();
  await db.outbox.where('seq').anyOf(seqs).modify({ sentAt });
}

export function seqsOf(batch: Batch, docs: readonly PushDoc[]): number[] {
  return docs.flatMap((d) => batch.seqsByDoc.get(batchKey(d)) ?? []);
}

/** The server has the documents: their entries go. Later changes to them keep their own entries. */
export async function acknowledge(db: ThreadlineDB, seqs: readonly number[]): Promise<void> {
  await db.outbox.bulkDelete([...seqs]);
}

/** The server refused these changes: kept, with the reason, for the user to see and resolve. */
export async function refuse(db: ThreadlineDB, seqs: readonly number[], reason: string): Promise<void> {
  const at = Date.now();
  await db.transaction('rw', db.outbox, async () => {
    for (const seq of seqs) await db.outbox.update(seq, { refused: { reason: reason.slice(0, 500), at } });
  });
}

/** Refused entries through the sparse `refused.at` index (schema v3): never a walk of the outbox. */
const refusedOnes = (db: ThreadlineDB) => db.outbox.where('refused.at').aboveOrEqual(-Infinity);

export async function waitingCount(db: ThreadlineDB): Promise<number> {
  const [all, refused] = await Promise.all([db.outbox.count(), refusedOnes(db).count()]);
  return all - refused;
}

export function refusedEntries(db: ThreadlineDB): Promise<OutboxEntry[]> {
  return refusedOnes(db).toArray();
}

/**
 * The user gives up a refused change. The sync host then replaces the document with the server's
 * version (SyncEngine.settleDiscards): merging would keep the refused values, whose clocks are newer.
 */
export async function discardRefused(db: ThreadlineDB, seq: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(seq);
    if (entry?.refused) await db.outbox.update(seq, { refused: { ...entry.refused, discard: true } });
  });
}

export function discardRequests(db: ThreadlineDB): Promise<OutboxEntry[]> {
  return refusedOnes(db).filter((e) => e.refused?.discard === true).toArray();
}
