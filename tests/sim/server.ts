import type { SyncedTable } from '../../storage/model/entities';
import { isAlive, mergeDocs, sameState, type DocState } from '../../storage/replica/merge';
import { parseDocState } from '../../sync/remoteSchema';
import type { PullPage, PushDoc } from '../../sync/transport';

type ServerDoc = { state: DocState; updatedAt: number };

/**
 * The server of the simulation: what Firestore does for the sync engine, in memory. A push is one
 * transaction that merges each document with sync/merge.ts and stamps the results with one
 * server time (as a Firestore commit does, so pages must handle ties); pulls page by that time.
 */
export class InMemoryServer {
  readonly tables = new Map<SyncedTable, Map<string, ServerDoc>>();
  private time = 0;
  /** Mutation ids seen: a retried push is counted, never applied twice (the merge is idempotent anyway). */
  readonly seenMutations = new Set<string>();
  pushes = 0;
  private readonly delivered = new WeakSet<readonly PushDoc[]>();
  /** Where the server says what each push did (the seed's step-by-step trace). */
  trace: (line: string) => void = () => {};

  private table(t: SyncedTable) {
    let m = this.tables.get(t);
    if (!m) this.tables.set(t, (m = new Map()));
    return m;
  }

  push(docs: readonly PushDoc[]): void {
    // Validate everything first: a transaction is all or nothing.
    for (const d of docs) {
      const parsed = parseDocState(JSON.parse(JSON.stringify(d.state)));
      if (!parsed.ok) throw new Error(`refused ${d.table}/${d.id}: ${parsed.reason}`);
      // As firestore.rules do: a document pushed as never sent is written without reading, so it
      // may only create; over an existing copy (a late first send, a duplicate) it is refused.
      if (d.unsent && this.table(d.table).has(d.id)) throw new Error(`refused ${d.table}/${d.id}: pushed as never sent, but the server has it`);
    }
    const ts = ++this.time;
    this.pushes++;
    // The network may deliver one request twice (SimNetwork.duplicate): the copy merges like any push.
    const repeated = this.delivered.has(docs);
    this.delivered.add(docs);
    this.trace(`server: push ${ts}${repeated ? ' (again)' : ''}: ${docs.map((d) => `${d.table}/${d.id}${d.unsent ? ' (never sent)' : ''}`).join(' ')}`);
    for (const d of docs) {
      const current = this.table(d.table).get(d.id);
      // Documents travel as JSON, never as shared objects.
      const incoming = JSON.parse(JSON.stringify(d.state)) as DocState;
      const merged = current ? mergeDocs(current.state, incoming) : mergeDocs(incoming, { units: {}, clocks: {} });
      for (const m of d.mutationIds) this.seenMutations.add(m);
      if (current && sameState(merged, current.state)) continue;
      this.table(d.table).set(d.id, { state: merged, updatedAt: ts });
    }
  }

  pull(table: SyncedTable, after: number | null, limit: number): PullPage {
    const all = [...this.table(table).entries()]
      .filter(([, d]) => after === null || d.updatedAt > after)
      .sort(([ia, a], [ib, b]) => a.updatedAt - b.updatedAt || (ia < ib ? -1 : ia > ib ? 1 : 0));
    let end = Math.min(limit, all.length);
    // Never split one server time across pages: the next page starts strictly after it.
    while (end > 0 && end < all.length && all[end]![1].updatedAt === all[end - 1]![1].updatedAt) end++;
    const docs = all.slice(0, end).map(([id, d]) => ({ table, id, state: JSON.parse(JSON.stringify(d.state)) as unknown, updatedAt: d.updatedAt }));
    return { docs, done: end >= all.length };
  }

  count(table: SyncedTable): number {
    return this.table(table).size;
  }

  /** Visible documents: what a replica should show after healing. */
  alive(table: SyncedTable): Map<string, DocState> {
    return new Map([...this.table(table)].filter(([, d]) => isAlive(d.state)).map(([id, d]) => [id, d.state]));
  }

  get(table: SyncedTable, id: string): DocState | undefined {
    return this.table(table).get(id)?.state;
  }
}
