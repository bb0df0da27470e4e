import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../storage/model/entities';
import { createRecord, updateRecord, writeValidatedRecordsIn } from '../../storage/write/records';
import { mutate } from '../../storage/write/mutate';
import { loadFolderSchema } from '../../storage/folders/schema';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { backoffDelay, BACKOFF_MAX_MS } from '../../sync/backoff';
import { SyncEngine } from '../../sync/engine';
import { refusedEntries, waitingCount } from '../../sync/outbox';
import { readCursor, readStatus } from '../../sync/state';
import { TransportError, type PushDoc, type Transport } from '../../sync/transport';
import { InMemoryServer } from '../sim/server';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts } = PRESET_FOLDER_IDS;
const quiet = () => {};

/** The simulation's server, answering at once; `refuse` makes it refuse documents like rules would. */
function direct(server: InMemoryServer, refuse: (d: PushDoc) => string | undefined = () => undefined): Transport & { batches: number[]; reads: number } {
  const t = {
    batches: [] as number[],
    reads: 0,
    async push(docs: readonly PushDoc[]) {
      const bad = docs.map(refuse).find((r) => r);
      if (bad) throw new TransportError('refused', bad);
      t.batches.push(docs.length);
      try {
        server.push(docs);
      } catch (e) {
        throw new TransportError('refused', (e as Error).message);
      }
    },
    async pull(table: SyncedTable, after: number | null, limit: number) {
      const page = server.pull(table, after, limit);
      t.reads += page.docs.length;
      return page;
    },
    async count(table: SyncedTable) {
      return server.count(table);
    },
  };
  return t;
}

async function manyContacts(n: number) {
  await mutate(db, async (w) => {
    const schema = await loadFolderSchema(w.db, contacts);
    const writes = Array.from({ length: n }, (_, i) => ({ id: `rec_${i}`, before: undefined, values: { fc_firstName: `P${i}` }, changed: ['fc_firstName'] }));
    await writeValidatedRecordsIn(w, schema, writes);
  });
}

/** Every test here drains an outbox, which only a shared workspace fills. */
async function sharedDb() {
  await resetDb();
  await shareWorkspace(db);
}

describe('push', () => {
  beforeEach(sharedDb);

  it('sends 1,200 queued changes in 3 batches of at most 500 and empties the queue', async () => {
    await manyContacts(1_200);
    const server = new InMemoryServer();
    const transport = direct(server);
    expect(await waitingCount(db)).toBe(1_200);
    await new SyncEngine({ db, transport, log: quiet }).pushAll();
    expect(transport.batches).toEqual([500, 500, 200]);
    expect(server.count('records')).toBe(1_200);
    expect(await waitingCount(db)).toBe(0);
  }, 60_000);

  it('groups several changes of one document into one write, and a retried push changes nothing', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    await updateRecord(db, rec.id, { fc_lastName: 'Ruiz' });
    const server = new InMemoryServer();
    const transport = direct(server);
    const engine = new SyncEngine({ db, transport, log: quiet });
    const { nextBatch } = await import('../../sync/outbox');
    const batch = (await nextBatch(db))!;
    expect(batch.docs).toHaveLength(1);
    expect(batch.docs[0]!.mutationIds).toHaveLength(2);
    await transport.push(batch.docs);
    const before = JSON.stringify(server.get('records', rec.id));
    await engine.pushAll(); // the same document again, as after a lost acknowledgement
    expect(JSON.stringify(server.get('records', rec.id))).toBe(before);
  });

  it('keeps a refused change with its reason without blocking the rest of the queue', async () => {
    await manyContacts(9);
    const server = new InMemoryServer();
    const transport = direct(server, (d) => (d.id === 'rec_4' ? 'Missing or insufficient permissions.' : undefined));
    await new SyncEngine({ db, transport, log: quiet }).pushAll();
    expect(server.count('records')).toBe(8);
    const refused = await refusedEntries(db);
    expect(refused.map((e) => [e.docId, e.refused?.reason])).toEqual([['rec_4', 'Missing or insufficient permissions.']]);
    expect(await waitingCount(db)).toBe(0);
  });
});

describe('discarding a refused change', () => {
  beforeEach(sharedDb);

  it('gives the document back the server\'s version and clears its entries', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Shared' });
    const server = new InMemoryServer();
    let refusing = false;
    const transport = direct(server, () => (refusing ? 'Missing or insufficient permissions.' : undefined));
    const t = { ...transport, get: async (table: SyncedTable, id: string) => {
      const state = server.get(table, id);
      return state && { table, id, state: JSON.parse(JSON.stringify(state)) as unknown, updatedAt: 1 };
    } };
    const engine = new SyncEngine({ db, transport: t, log: quiet });
    await engine.pushAll();
    refusing = true;
    await updateRecord(db, rec.id, { fc_firstName: 'Viewer edit' });
    await engine.pushAll();
    const [refused] = await refusedEntries(db);
    expect(refused?.docId).toBe(rec.id);
    const { discardRefused } = await import('../../sync/outbox');
    await discardRefused(db, refused!.seq!);
    await engine.pushAll();
    expect((await db.records.get(rec.id))!.values.fc_firstName).toBe('Shared');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('pull', () => {
  beforeEach(sharedDb);

  it('reads only what changed since the cursor, plus the overlap window after a reconnect', async () => {
    const server = new InMemoryServer();
    const stamp = (ms: number) => `${String(ms).padStart(15, '0')}:000000:srv`;
    const put = (id: string, ms: number) =>
      server.push([{ table: 'records', id, mutationIds: [], state: { units: { folderId: contacts, 'values.fc_firstName': id, stats: {}, createdAt: 1, updatedAt: 1 }, clocks: { folderId: stamp(ms), 'values.fc_firstName': stamp(ms), stats: stamp(ms), createdAt: stamp(ms), updatedAt: stamp(ms) }, born: stamp(ms) } }]);
    for (let i = 0; i < 10; i++) put(`rec_${i}`, i + 1);
    const transport = direct(server);
    const engine = new SyncEngine({ db, transport, pageSize: 3, overlapMs: 2, log: quiet });
    expect(await engine.pullTable('records', false)).toBe(10);
    expect(await readCursor(db, 'records')).toBe(10);
    put('rec_3', 20);
    put('rec_10', 21);
    transport.reads = 0;
    await engine.pullTable('records', false);
    expect(transport.reads).toBe(2);
    transport.reads = 0;
    await engine.pullTable('records', true);
    // Server times 10 and 11 fall inside the two-tick overlap window before cursor 12.
    expect(transport.reads).toBe(2);
    expect(await db.records.count()).toBe(11);
  });

  it('shows the first download as progress', async () => {
    const server = new InMemoryServer();
    const source = new SyncEngine({ db, transport: direct(server), log: quiet });
    await manyContacts(7);
    await source.pushAll();
    await sharedDb();
    await new SyncEngine({ db, transport: direct(server), pageSize: 3, log: quiet }).pullAll(false);
    expect(await db.records.count()).toBe(7);
    const progress = (await readStatus(db)) as { progress?: { done: number; total: number } };
    expect(progress.progress).toEqual({ done: 7, total: 7 });
  });
});

describe('the loop', () => {
  beforeEach(sharedDb);

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(4, () => 0.5)).toBe(6_000);
    expect(backoffDelay(40, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it.each([
    ['offline', new TransportError('offline', 'no network'), { state: 'offline' }],
    ['signed out', new TransportError('unauthenticated', 'token expired'), { state: 'signedOut' }],
    ['an error', new Error('quota exceeded'), { state: 'error', reason: 'quota exceeded' }],
  ])('reports %s with the waiting count, and retries after a growing delay', async (_what, error, expected) => {
    await createRecord(db, contacts, { fc_firstName: 'Waiting' });
    const delays: number[] = [];
    const failing: Transport = { push: () => Promise.reject(error), pull: () => Promise.reject(error) };
    const engine: SyncEngine = new SyncEngine({
      db,
      transport: failing,
      random: () => 1,
      log: quiet,
      sleep: async (ms): Promise<void> => {
        delays.push(ms);
        if (delays.length === 3) engine.stop();
      },
    });
    engine.start();
    await expect.poll(() => delays.length).toBe(3);
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(await readStatus(db)).toEqual({ ...expected, waiting: 1 });
  });

  it('reports synced once everything is pushed and pulled', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Done' });
    const engine: SyncEngine = new SyncEngine({ db, transport: direct(new InMemoryServer()), log: quiet, sleep: async (): Promise<void> => engine.stop() });
    engine.start();
    await expect.poll(async () => (await readStatus(db)).state).toBe('synced');
  });
});
