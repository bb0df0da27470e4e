import 'fake-indexeddb/auto';
import { doc, writeBatch, type Firestore } from 'firebase/firestore';
import { Client, seedWorkspace as seedMembers, type Env, type Person } from '../tests/emulator/clients';
import { spawnEmulator } from '../tests/emulator/official';
import { firestoreClients } from '../tests/emulator/sdk';
import { encodeDocId, toFirestore } from '../sync/firestoreTransport';
import { encodeHlc } from '../storage/replica/hlc';
import { toUnits } from '../storage/replica/units';
import { applyRemote } from '../sync/applyRemote';
import { writeCursor } from '../sync/state';
import type { PushDoc } from '../sync/transport';
import { contact, type Scale } from './generate';

const ms = (t0: number) => performance.now() - t0;
const note = (s: string) => console.log(`[bench sync] ${s}`);

/**
 * The sync figures on the OFFICIAL Firestore emulator (tests/emulator/official.ts) under
 * firestore.rules: every client is a member signed in with a mock token; the large workspace is
 * seeded through an admin client (rules bypassed) in batches of 500, server times spread over the
 * last 30 days.
 */
const PROJECT = 'demo-bench';
const person = (uid: string): Person => ({ uid, email: `${uid}@bench.example` });

/** `n` contact documents, their server times spread over the last 30 days (older than any test write). */
async function seedWorkspace(admin: Firestore, ws: string, n: number, seed: number, scale: Scale): Promise<{ ids: string[]; lastMs: number }> {
  const start = Date.now() - 30 * 86_400_000;
  const step = Math.floor((29 * 86_400_000) / n);
  const ids = Array.from({ length: n }, (_, i) => `rec_c${i}`);
  let lastMs = 0;
  for (let from = 0; from < n; from += 500) {
    const batch = writeBatch(admin);
    for (let i = from; i < Math.min(n, from + 500); i++) {
      const record = contact(seed, i, { ...scale, contacts: Math.max(scale.contacts, n) });
      const units = toUnits('records', record as unknown as Record<string, unknown>);
      const hlc = encodeHlc({ ms: start + i * step, counter: 0, device: 'seeddevice' });
      // Born too: a document without a birth stamp is no live document (storage/replica/merge.ts isAlive).
      const state = { units, clocks: Object.fromEntries(Object.keys(units).map((k) => [k, hlc])), born: hlc };
      batch.set(doc(admin, 'workspaces', ws, 'records', encodeDocId(record.id)), { ...toFirestore(state, 'uid-seed'), updatedAt: new Date(start + i * step) });
      lastMs = start + i * step;
    }
    await batch.commit();
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
async function flush(env: Env, admin: Firestore, changes: number, seed: number, scale: Scale) {
  const flusher = person('uid-flush');
  const ws = await seedMembers(admin, 'bench-flush', [[flusher, 'owner']]);
  const raw = await seedMembers(admin, 'bench-raw', [[flusher, 'owner']]);
  const a = await new Client(env, flusher).attach(ws).open();
  const ids: string[] = [];
  for (let from = 0; from < changes; from += 1_000) {
    const list = Array.from({ length: Math.min(1_000, changes - from) }, (_, k) => {
      const c = contact(seed, from + k, { ...scale, contacts: Math.max(scale.contacts, changes) });
      return { fc_firstName: c.values.fc_firstName, fc_lastName: c.values.fc_lastName, fc_emails: c.values.fc_emails, fc_position: c.values.fc_position };
    });
    ids.push(...(await a.createContacts(list)));
  }
  note(`flush: ${changes} new contacts written locally`);
  const created = await timedFlush(a, raw);
  note(`flush: engine pushed the new contacts in ${Math.round(created.flushMs)} ms (raw ${Math.round(created.rawMs)} ms)`);
  for (let from = 0; from < changes; from += 1_000) await a.putContacts(ids.slice(from, from + 1_000).map((id, k) => [id, { fc_position: `Changed ${from + k}` }]));
  const edited = await timedFlush(a, raw);
  note(`flush: engine pushed the edits in ${Math.round(edited.flushMs)} ms (raw ${Math.round(edited.rawMs)} ms)`);
  await a.close();
  return { changes, ...created, edits: edited };
}

/**
 * A client that was up to date reconnects after another made `changes` edits in a workspace of
 * `size` documents: the documents its pull reads (changed ones plus the overlap window).
 */
async function reconnect(env: Env, admin: Firestore, size: number, changes: number, seed: number, scale: Scale, fullReadBaseline: boolean) {
  const [pa, pb, pc] = [person('uid-a'), person('uid-b'), person('uid-c')];
  const ws = await seedMembers(admin, 'bench-reconnect', [[pa, 'owner'], [pb, 'member'], [pc, 'member']]);
  let t0 = performance.now();
  const { ids, lastMs } = await seedWorkspace(admin, ws, size, seed, scale);
  const seedMs = ms(t0);
  note(`reconnect: ${size} documents seeded in ${Math.round(seedMs)} ms`);
  const b = await new Client(env, pb).attach(ws).open({ role: 'member' });
  // B had pulled everything up to the newest seeded document before it went offline.
  for (const table of ['folders', 'fields', 'pipelines', 'views', 'settings', 'records', 'activities', 'threadLinks'] as const) await writeCursor(b.db, table, lastMs);
  const a = await new Client(env, pa).attach(ws).open();
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
    const c = await new Client(env, pc).attach(ws).open({ role: 'member' });
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
  const emulator = await spawnEmulator({ heap: '4g' });
  const clients = firestoreClients(emulator.host, PROJECT);
  try {
    await emulator.ready;
    const env: Env = { host: emulator.host, projectId: PROJECT };
    const admin = clients.client('admin');
    const flushResult = await flush(env, admin, opts.changes, opts.seed, opts.scale);
    const reconnectResult = await reconnect(env, admin, opts.size, opts.remoteChanges, opts.seed, opts.scale, opts.fullReadBaseline);
    return { flush: flushResult, reconnect: reconnectResult };
  } finally {
    await clients.closeAll();
    await emulator.stop();
  }
}
