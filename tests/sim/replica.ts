import type { ThreadlineDB } from '../../storage/db/db';
import type { SyncedTable } from '../../storage/model/entities';
import { openThreadlineDb } from '../../storage/open';
import { setDeviceId } from '../../storage/replica/clocks';
import { toUnits } from '../../storage/replica/units';
import { SyncEngine } from '../../sync/engine';
import { shareWorkspace } from '../support/db';
import type { SimNetwork } from './network';

/**
 * A change as the replica committed it, read back from its clock rows after the write: one clock
 * stamp, the document it stamped, and the units it set (or the delete it made). Found from the
 * stamps, not from the outbox, so that the outbox can be checked against it.
 */
export type CommittedWrite = { replica: number; table: SyncedTable; id: string; hlc: string; units: Record<string, unknown>; deleted?: true };

/** One device: its own IndexedDB database (the app's, from openThreadlineDb), its engine, its writes. */
export class Replica {
  db!: ThreadlineDB;
  engine!: SyncEngine;
  ops: { done: boolean; kind: 'push' | 'pull' }[] = [];
  /** The newest stamp of this device already collected into the write log. */
  private seen = '';
  private readonly suffix: string;

  constructor(readonly index: number, readonly name: string, readonly network: SimNetwork, readonly skew: number) {
    this.suffix = `:r${index}`;
  }

  /**
   * A fresh database for every seed (deleting and creating one costs ~5 ms), made a member of the
   * shared workspace before anything is written, as joining one does, so every write stamps clocks
   * and queues its outbox entry.
   */
  async open(): Promise<void> {
    const old = openThreadlineDb(this.name);
    await old.delete();
    this.db = openThreadlineDb(this.name);
    await this.db.open();
    // Device ids decide clock ties: fixed per replica so that a seed replays identically.
    await setDeviceId(this.db, `r${this.index}`);
    await shareWorkspace(this.db, 'owner');
    this.newEngine();
  }

  /** Small batches and pages while the run goes, so batching and paging are exercised; big ones to heal. */
  newEngine(size: 'small' | 'big' = 'small') {
    const n = size === 'small' ? { batchSize: 4, pageSize: 3 } : { batchSize: 200, pageSize: 200 };
    this.engine = new SyncEngine({ db: this.db, transport: this.network.transport(this.index), ...n, overlapMs: 2, log: () => {} });
  }

  /** The process dies between two steps and starts again over the same database. */
  async crash(): Promise<void> {
    this.network.crash(this.index);
    this.ops = [];
    this.db.close();
    this.db = openThreadlineDb(this.name);
    await this.db.open();
    this.newEngine();
  }

  /**
   * Starts a push or a pull that runs while the simulation goes on. One engine never runs two
   * pushes (or two pulls) at once (sync/engine.ts runs them from one loop), but a pull, like a
   * listener, may apply documents while a push is in flight.
   */
  track(kind: 'push' | 'pull', run: () => Promise<unknown>) {
    if (this.ops.some((o) => !o.done && o.kind === kind)) return;
    const op = { done: false, kind };
    this.ops.push(op);
    void run().then(
      () => (op.done = true),
      () => (op.done = true),
    );
  }

  busy(): number {
    return this.ops.filter((o) => !o.done).length;
  }

  close() {
    this.db.close();
  }

  /**
   * The changes this device committed since the last call: every stamp of its own newer than the
   * ones already collected, grouped by document and stamp (one write may stamp several documents,
   * and one document twice).
   */
  async collect(): Promise<CommittedWrite[]> {
    const out: CommittedWrite[] = [];
    let newest = this.seen;
    const own = (s: string | undefined): s is string => s !== undefined && s > this.seen && s.endsWith(this.suffix);
    for (const row of await this.db.clocks.toArray()) {
      const slash = row.key.indexOf('/');
      const table = row.key.slice(0, slash) as SyncedTable;
      const id = row.key.slice(slash + 1);
      const byStamp = new Map<string, string[]>();
      for (const [unit, s] of Object.entries(row.fields)) if (own(s)) byStamp.set(s, [...(byStamp.get(s) ?? []), unit]);
      if (own(row.born) && !byStamp.has(row.born)) byStamp.set(row.born, []);
      if (byStamp.size) {
        const doc = (await this.db.table(table).get(id)) as Record<string, unknown> | undefined;
        const values = doc ? toUnits(table, doc) : {};
        for (const [hlc, units] of byStamp) {
          out.push({ replica: this.index, table, id, hlc, units: Object.fromEntries(units.map((u) => [u, values[u]])) });
          if (hlc > newest) newest = hlc;
        }
      }
      if (own(row.deleted)) {
        out.push({ replica: this.index, table, id, hlc: row.deleted, units: {}, deleted: true });
        if (row.deleted > newest) newest = row.deleted;
      }
    }
    this.seen = newest;
    return out;
  }
}
