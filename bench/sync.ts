import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import { doc, writeBatch } from 'firebase/firestore';
import { startEmulator, type Emulator } from '../tests/emulator/emulator';
import { Client } from '../tests/emulator/clients';
import { encodeDocId, toFirestore } from '../sync/firestoreTransport';
import { encodeHlc } from '../storage/replica/hlc';
import { toUnits } from '../storage/replica/units';
import { applyRemote } from '../sync/applyRemote';
import { writeCursor } from '../sync/state';
import type { PushDoc } from '../sync/transport';
import { contact, type Scale } from './generate';

const ms = (t0: number) => performance.now() - t0;
const note = (s: string) => console.log(`[bench sync] ${s}`);

// The emulator package's own protobuf messages, to seed a large workspace straight into its state.
const here = createRequire(import.meta.url);
const pkg = createRequire(here.resolve('@firestore-emulator/server'));
const writeMessages = pkg('@firestore-emulator/proto/dist/google/firestore/v1/write.js') as { Write: { fromObject(o: object): unknown } };

const { FirestoreStateDocument } = pkg('./index.js') as { FirestoreStateDocument: new (...args: unknown[]) => object };

/**
 * The emulator keeps its state in immer drafts with auto-freeze on, which deep-freezes the whole
 * database after every write: each write costs O(documents), seeding 100,000 took minutes and a
 * push transaction (many state updates) grew slower with the collection. An artefact of the
 * emulator, not of Firestore; switched off for the engine and the raw baseline alike.
 */
(pkg('immer') as { setAutoFreeze(on: boolean): void }).setAutoFreeze(false);

const collectionPath = (ws: string) => `projects/demo-threadline/databases/(default)/documents/workspaces/${ws}/records`;

/**
 * The package's in-memory store copies a collection's whole document map (immer) each time a new
 * document is added, so filling a collection costs O(n²): ~20 s for 6,000 documents here, hours for
 * 100,000. Creating the (still non-existent) document slots in one step removes that artefact of
 * the emulator; writes then cost what they cost, for the engine and the raw baseline alike.
 */
function presize(emulator: Emulator, ws: string, ids: readonly string[]) {
  const col = (emulator.state as unknown as { getCollection(p: string): { emitter: unknown; database: unknown; documents: Record<string, object> } }).getCollection(collectionPath(ws));
  const docs = { ...col.documents };
  for (const raw of ids) {
    const id = encodeDocId(raw);
    if (!(id in docs)) docs[id] = new FirestoreStateDocument(col.emitter, col.database, col, id, {}, {});
  }
  col.documents = docs;
}

type V1Value = Record<string, unknown>;
function v1(value: unknown): V1Value {
  if (value === null || value === undefined) return { null_value: 0 };
  if (typeof value === 'string') return { string_value: value };
  if (typeof value === 'boolean') return { boolean_value: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { integer_value: value } : { double_value: value };
  if (Array.isArray(value)) return { array_value: { values: value.map(v1) } };
  if (value instanceof Date) return { timestamp_value: { seconds: Math.floor(value.getTime() / 1000), nanos: (value.getTime() % 1000) * 1e6 } };
  return { map_value: { fields: Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, v1(v)])) } };
}

/** `n` contact documents, their server times spread over the last 30 days (older than any test write). */
function seedWorkspace(emulator: Emulator, ws: string, n: number, seed: number, scale: Scale): { ids: string[]; lastMs: number } {
  const start = Date.now() - 30 * 86_400_000;
  const step = Math.floor((29 * 86_400_000) / n);
  const ids = Array.from({ length: n }, (_, i) => `rec_c${i}`);
  presize(emulator, ws, ids);
  let lastMs = 0;
  for (let i = 0; i < n; i++) {
    const record = contact(seed, i, { ...scale, contacts: Math.max(scale.contacts, n) });
    const units = toUnits('records', record as unknown as Record<string, unknown>);
    const hlc = encodeHlc({ ms: start + i * step, counter: 0, device: 'seeddevice' });
    // Born too: a document without a birth stamp is no live document (storage/replica/merge.ts isAlive).
    const state = { units, clocks: Object.fromEntries(Object.keys(units).map((k) => [k, hlc])), born: hlc };
    const fields = { ...toFirestore(state, 'uid-seed'), updatedAt: new Date(start + i * step) };
    const name = `projects/demo-threadline/databases/(default)/documents/workspaces/${ws}/records/${encodeDocId(record.id)}`;
    const write = writeMessages.Write.fromObject({ update: { name, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v1(v)])) } });
    emulator.state.writeV1Document(new Date(start + i * step), write as never);
    lastMs = start + i * step;
  }
  return { ids, lastMs };
}

/**
 * Pushes `a`'s outbox through the engine, then commits the very documents it pushed with raw
 * `writeBatch`es into `rawWs`: the engine's time, the part of it inside Firestore transactions, and
 * the raw time.
 */
async function timedFlush(a: Client, rawWs: string) {
  const pushed: PushDoc[][] = [];
  const inner = a.transport.push;
  // Time inside the transport (Firestore transactions) vs the engine's local work around it
  // (reading the outbox, acknowledging), which here runs on fake-indexeddb, not a browser's.
  let transportMs = 0;
  (a.transport as { push: typeof inner }).push = async (docs) => {
    pushed.push([...docs]);
    const t = performance.now();
    try {
      await inner(docs);
    } finally {
      transportMs += ms(t);
    }
  };
  let t0 = performance.now();
  await a.engine.pushAll();
  const flushMs = ms(t0);
  (a.transport as { push: typeof inner }).push = inner;
  t0 = performance.now();
  for (const batch of pushed) {
    const wb = writeBatch(a.fs);
    for (const d of batch) wb.set(doc(a.fs, 'workspaces', rawWs, d.table, encodeDocId(d.id)), toFirestore(d.state, 'uid-flush'));
    await wb.commit();
  }
  const rawMs = ms(t0);
  return { docs: pushed.reduce((n, b) => n + b.length, 0), batches: pushed.length, flushMs, transportMs, rawMs };
}

/**
 * Outbox flush through the engine against raw batched commits of the very same documents, twice:
 * `changes` new contacts (what an import queues: ids minted here, never sent, so written without
 * reading the server's copy), then an edit of each (documents the server holds: read and merged).
 */
async function flush(emulator: Emulator, changes: number, seed: number, scale: Scale) {
  const a = await new Client(emulator, 'bench-flush', 'uid-flush').open();
  const ids: string[] = [];
  for (let from = 0; from < changes; from += 1_000) {
    const list = Array.from({ length: Math.min(1_000, changes - from) }, (_, k) => {
      const c = contact(seed, from + k, { ...scale, contacts: Math.max(scale.contacts, changes) });
      return { fc_firstName: c.values.fc_firstName, fc_lastName: c.values.fc_lastName, fc_emails: c.values.fc_emails, fc_position: c.values.fc_position };
    });
    ids.push(...(await a.createContacts(list)));
  }
  note(`flush: ${changes} new contacts written locally`);
  presize(emulator, 'bench-flush', ids);
  presize(emulator, 'bench-raw', ids);
  const created = await timedFlush(a, 'bench-raw');
  note(`flush: engine pushed the new contacts in ${Math.round(created.flushMs)} ms (raw ${Math.round(created.rawMs)} ms)`);
  for (let from = 0; from < changes; from += 1_000) await a.putContacts(ids.slice(from, from + 1_000).map((id, k) => [id, { fc_position: `Changed ${from + k}` }]));
  const edited = await timedFlush(a, 'bench-raw');
  note(`flush: engine pushed the edits in ${Math.round(edited.flushMs)} ms (raw ${Math.round(edited.rawMs)} ms)`);
  await a.close();
  return { changes, ...created, edits: edited };
}

/**
 * A client that was up to date reconnects after another made `changes` edits in a workspace of
 * `size` documents: the documents its pull reads (changed ones plus the overlap window).
 */
async function reconnect(emulator: Emulator, size: number, changes: number, seed: number, scale: Scale, fullReadBaseline: boolean) {
  const ws = 'bench-reconnect';
  let t0 = performance.now();
  const { ids, lastMs } = seedWorkspace(emulator, ws, size, seed, scale);
  const seedMs = ms(t0);
  note(`reconnect: ${size} documents seeded in ${Math.round(seedMs)} ms`);
  const b = await new Client(emulator, ws, 'uid-b').open();
  // B had pulled everything up to the newest seeded document before it went offline.
  for (const table of ['folders', 'fields', 'pipelines', 'views', 'settings', 'records', 'activities', 'threadLinks'] as const) await writeCursor(b.db, table, lastMs);
  const a = await new Client(emulator, ws, 'uid-a').open();
  // A edits through the write owner, which edits only records it holds: it fetches those it changes
  // (not the whole workspace: at full scale that alone would be the bench).
  const held = await Promise.all(ids.slice(0, changes).map((id) => a.transport.get!('records', id)));
  await applyRemote(a.db, held.flatMap((d) => (d ? [d] : [])), () => undefined);
  await a.putContacts(ids.slice(0, changes).map((id, i) => [id, { fc_position: `Changed ${i}` }]));
  await a.engine.pushAll();
  b.reads = 0;
  b.newEngine();
  t0 = performance.now();
  await b.engine.pullAll(true);
  const reconnectMs = ms(t0);
  const reconnectReads = b.reads;
  const workspaceDocs = (await b.transport.count!('records')) as number;
  let fullRead: { reads: number; ms: number } | undefined;
  if (fullReadBaseline) {
    const c = await new Client(emulator, ws, 'uid-c').open();
    t0 = performance.now();
    await c.engine.pullAll(false);
    fullRead = { reads: c.reads, ms: ms(t0) };
    await c.close();
  }
  await a.close();
  await b.close();
  return { size, changes, seedMs, reconnectReads, reconnectMs, workspaceDocs, fullRead };
}

export async function measureSync(opts: { changes: number; size: number; remoteChanges: number; fullReadBaseline: boolean; seed: number; scale: Scale }) {
  const emulator = await startEmulator();
  try {
    const flushResult = await flush(emulator, opts.changes, opts.seed, opts.scale);
    const reconnectResult = await reconnect(emulator, opts.size, opts.remoteChanges, opts.seed, opts.scale, opts.fullReadBaseline);
    return { flush: flushResult, reconnect: reconnectResult };
  } finally {
    emulator.stop();
  }
}
