import {
  collection,
  doc,
  FirestoreError,
  getCountFromServer,
  getDoc,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  Timestamp,
  where,
  type DocumentData,
  type Firestore,
  type QueryDocumentSnapshot,
} from 'firebase/firestore';
import type { SyncedTable } from '../storage/model/entities';
import { mergeDocs, sameState, type DocState } from '../storage/replica/merge';
import { ENTITY_SCHEMAS, firstIssue, parseDocState } from './remoteSchema';
import { TransportError, type PulledDoc, type PullPage, type PushDoc, type Transport } from './transport';
import { fromUnits } from '../storage/replica/units';

/**
 * The Firestore side of sync (ARCHITECTURE §3): `workspaces/{ws}/{table}/{docId}` holds
 * `{ v: units, _clock: stamps, born, deleted, updatedBy, updatedAt: server time }`. Units live in
 * their own map so that an entity's own `updatedAt` never collides with the server's.
 */
export type FirestoreDoc = {
  v: Record<string, unknown>;
  _clock: Record<string, string>;
  born: string | null;
  deleted: string | null;
  updatedBy: string;
  updatedAt: unknown;
  fresh?: true;
};

/** Firestore ids cannot contain "/": encoded reversibly ("%" first, so decoding is unambiguous). */
export const encodeDocId = (id: string) => id.replace(/%/g, '%25').replace(/\//g, '%2F');
export const decodeDocId = (id: string) => id.replace(/%2F/g, '/').replace(/%25/g, '%');

/** `fresh`: written blind, so firestore.rules let it create the document only, never overwrite. */
export function toFirestore(state: DocState, uid: string, fresh = false): FirestoreDoc {
  const d: FirestoreDoc = { v: state.units, _clock: state.clocks, born: state.born ?? null, deleted: state.deleted ?? null, updatedBy: uid, updatedAt: serverTimestamp() };
  return fresh ? { ...d, fresh: true } : d;
}

/** The merge state of a stored document, unchecked: storage/applyRemote.ts parses it. */
export function fromFirestore(data: DocumentData): unknown {
  const state: Record<string, unknown> = { units: data.v, clocks: data._clock };
  if (data.born !== null && data.born !== undefined) state.born = data.born;
  if (data.deleted !== null && data.deleted !== undefined) state.deleted = data.deleted;
  return state;
}

const OFFLINE_CODES = new Set(['unavailable', 'deadline-exceeded', 'cancelled']);
const REFUSED_CODES = new Set(['permission-denied', 'invalid-argument', 'failed-precondition', 'out-of-range', 'resource-exhausted']);

/**
 * By its name and code, not only `instanceof`: the SDK's Node build (tests, the bench) rejects
 * with FirebaseErrors that are not instances of the exported FirestoreError class, which made a
 * rules denial look transient (retried forever instead of reported as refused).
 */
function firestoreCode(error: unknown): string | undefined {
  if (error instanceof FirestoreError) return error.code;
  const code = error instanceof Error && error.name === 'FirebaseError' ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function classify(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const code = firestoreCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'unauthenticated') return new TransportError('unauthenticated', message);
  if (code !== undefined && OFFLINE_CODES.has(code)) return new TransportError('offline', message);
  if (code !== undefined && REFUSED_CODES.has(code)) return new TransportError('refused', message);
  return new TransportError('transient', message);
}

/**
 * What this client refuses to send, before the server's rules do: broken envelopes, oversize
 * documents, and properties outside the model for fixed-shape tables. (Record values were checked
 * against their folder by the write path.)
 */
export function checkOutgoing(d: PushDoc): string | undefined {
  const parsed = parseDocState(d.state);
  if (!parsed.ok) return `${d.table}/${d.id}: ${parsed.reason}`;
  if (d.table === 'records' || Object.keys(d.state.units).length === 0) return undefined;
  const r = ENTITY_SCHEMAS[d.table].safeParse(fromUnits(d.table, d.id, d.state.units));
  return r.success ? undefined : firstIssue(r.error, `${d.table}/${d.id}`);
}

const millis = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : null);

export function firestoreTransport(fs: Firestore, workspaceId: string, uid: string): Transport {
  const col = (table: SyncedTable) => collection(fs, 'workspaces', workspaceId, table);
  const pulled = (table: SyncedTable, snap: QueryDocumentSnapshot): PulledDoc | undefined => {
    const updatedAt = millis(snap.get('updatedAt'));
    return updatedAt === null ? undefined : { table, id: decodeDocId(snap.id), state: fromFirestore(snap.data()), updatedAt };
  };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw classify(e);
    }
  };

  return {
    push: (docs) => guard(() => pushTransaction(fs, col, docs, uid)),
    pull: (table, after, n) => guard(() => pullPage(col(table), (s) => pulled(table, s), after, n)),
    count: (table) => guard(async () => (await getCountFromServer(col(table))).data().count),
    get: (table, id) =>
      guard(async () => {
        const snap = await getDoc(doc(col(table), encodeDocId(id)));
        const updatedAt = millis(snap.get('updatedAt'));
        return snap.exists() && updatedAt !== null ? { table, id, state: fromFirestore(snap.data()), updatedAt } : undefined;
      }),
    watch(table, after, onDocs, onError) {
      const q = after === null ? query(col(table), orderBy('updatedAt')) : query(col(table), where('updatedAt', '>', Timestamp.fromMillis(after)), orderBy('updatedAt'));
      return onSnapshot(
        q,
        (snap) => {
          const docs = snap.docChanges().flatMap((c) => (c.type === 'removed' ? [] : [pulled(table, c.doc)].filter((d): d is PulledDoc => !!d)));
          if (docs.length) onDocs(docs);
        },
        (e) => onError(classify(e)),
      );
    },
  };
}

/**
 * One transaction: read the server's version of every document (but those never sent, which it
 * cannot hold), merge, write only what changed.
 * Firestore retries it when a document changed underneath, so a late offline edit is merged with
 * the newest version, never written over it.
 */
async function pushTransaction(fs: Firestore, col: (t: SyncedTable) => ReturnType<typeof collection>, docs: readonly PushDoc[], uid: string): Promise<void> {
  for (const d of docs) {
    const problem = checkOutgoing(d);
    if (problem) throw new TransportError('refused', problem);
  }
  await runTransaction(fs, async (tx) => {
    const refs = docs.map((d) => doc(col(d.table), encodeDocId(d.id)));
    // A never-sent document under an id minted on this device has no server copy to read; if one
    // exists after all (a first send that landed late), the rules refuse and the engine retries.
    const snaps = await Promise.all(refs.map((r, i) => (docs[i]!.unsent ? undefined : tx.get(r))));
    docs.forEach((d, i) => {
      const snap = snaps[i];
      // A malformed server copy is replaced by the merge of what we know, which heals it.
      const current = snap?.exists() ? parseDocState(fromFirestore(snap.data())) : undefined;
      const base: DocState = current?.ok ? current.state : { units: {}, clocks: {} };
      const merged = mergeDocs(base, d.state);
      if (current?.ok && sameState(merged, current.state)) return;
      tx.set(refs[i]!, toFirestore(merged, uid, d.unsent === true));
    });
  }, { maxAttempts: 5 });
}

/**
 * A page ordered by server time. Every document of one commit shares its time, so when the page is
 * full its last time is completed with an equality query: the next page starts strictly after it.
 */
async function pullPage(col: ReturnType<typeof collection>, pulled: (s: QueryDocumentSnapshot) => PulledDoc | undefined, after: number | null, n: number): Promise<PullPage> {
  const base = after === null ? query(col, orderBy('updatedAt'), limit(n)) : query(col, where('updatedAt', '>', Timestamp.fromMillis(after)), orderBy('updatedAt'), limit(n));
  const snap = await getDocs(base);
  const docs = snap.docs.map(pulled).filter((d): d is PulledDoc => !!d);
  if (snap.docs.length < n || docs.length === 0) return { docs, done: snap.docs.length < n };
  const lastTs = snap.docs[snap.docs.length - 1]!.get('updatedAt') as Timestamp;
  const ties = await getDocs(query(col, where('updatedAt', '==', lastTs)));
  const last = lastTs.toMillis();
  const tied = ties.docs.map(pulled).filter((d): d is PulledDoc => !!d);
  return { docs: [...docs.filter((d) => d.updatedAt < last), ...tied], done: false };
}
