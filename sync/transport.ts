import type { SyncedTable } from '../storage/model/entities';
import type { DocState } from '../storage/replica/merge';

/** One document to push: this device's whole merge state of it, and the changes it carries. */
export type PushDoc = {
  table: SyncedTable;
  id: string;
  state: DocState;
  mutationIds: string[];
  /**
   * Never sent before, under an id this device minted (sync/outbox.ts): no server holds it, so the
   * push writes it without reading the server's copy first (there is none to merge with).
   */
  unsent?: boolean;
};

/** A document read from the server; `state` is unparsed until storage/applyRemote.ts checks it. */
export type PulledDoc = { table: SyncedTable; id: string; state: unknown; updatedAt: number };

/** A page of documents changed after a cursor, oldest first; it never splits one timestamp. */
export type PullPage = { docs: PulledDoc[]; done: boolean };

export type TransportErrorKind = 'offline' | 'unauthenticated' | 'refused' | 'transient';

/** A failure the engine knows how to react to: wait for the network, ask to sign in, or set aside. */
export class TransportError extends Error {
  constructor(readonly kind: TransportErrorKind, message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

/**
 * What the engine needs from a server: Firestore in the product (sync/firestoreTransport.ts), an
 * in-memory server in the deterministic simulation (tests/sim/).
 */
export type Transport = {
  /**
   * One transaction: reads the current server documents, merges each with sync/merge.ts, writes
   * the results stamped with the server's time. All or nothing; throws TransportError.
   */
  push(docs: readonly PushDoc[]): Promise<void>;
  /** Documents of `table` whose server time is after `after` (all of them for null), oldest first. */
  pull(table: SyncedTable, after: number | null, limit: number): Promise<PullPage>;
  /** The server's copy of one document (undefined: it has none). */
  get?(table: SyncedTable, id: string): Promise<PulledDoc | undefined>;
  /** How many documents `table` holds: the denominator of the first download's progress bar. */
  count?(table: SyncedTable): Promise<number>;
  /** Live changes after `after`; returns the function that stops listening. */
  watch?(table: SyncedTable, after: number | null, onDocs: (docs: PulledDoc[]) => void, onError: (error: unknown) => void): () => void;
};
