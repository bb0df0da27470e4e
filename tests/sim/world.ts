import { deriveIndexes } from '../../storage/model/derive';
import type { CrmRecord, SyncedTable } from '../../storage/model/entities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { clockKey } from '../../storage/replica/clocks';
import { stableJson } from '../../storage/replica/merge';
import { toUnits } from '../../storage/replica/units';
import { SimNetwork } from './network';
import { Replica, type CommittedWrite } from './replica';
import { Rng } from './rng';
import { loadSchemaIn } from './schema';
import { InMemoryServer } from './server';

export type SeedResult = { seed: number; problems: string[]; steps: number; replicas: number; writes: number; pushes: number };

const COMPARED: readonly SyncedTable[] = ['records', 'threadLinks', 'activities'];
const BASE_TIME = 1_800_000_000_000;

/**
 * One seeded run: random edits on 2-4 replicas, pushes and pulls whose messages the network
 * delivers in random order, partitions, and crashes between any two steps; then the network heals,
 * everyone syncs, and the run checks convergence and that no committed write was lost.
 * `setNow` moves the fake wall clock (each replica's clock is skewed by up to ±3 s).
 */
export async function runSeed(seed: number, setNow: (ms: number) => void): Promise<SeedResult> {
  const rng = new Rng(seed);
  const server = new InMemoryServer();
  const net = new SimNetwork(server);
  let now = BASE_TIME;
  setNow(now);
  const replicas = await Promise.all(
    Array.from({ length: rng.chance(0.3) ? 4 : rng.int(2, 3) }, async (_, i) => {
      const r = new Replica(i, `sim-replica-${i}`, net, rng.int(-3_000, 3_000));
      await r.open();
      return r;
    }),
  );
  const clockOf = (r: Replica) => () => setNow(now + r.skew);
  let nextId = 0;
  const ids = () => `rec_${seed}_${nextId++}`;
  const writes: CommittedWrite[] = [];
  const steps = rng.int(12, 36);
  try {
    for (let step = 0; step < steps; step++) {
      now += rng.int(0, 40);
      await randomStep(rng, net, replicas, writes, ids, clockOf);
      await settle(net, replicas);
    }
    await heal(net, replicas, clockOf);
    const problems = await check(server, replicas, writes);
    return { seed, problems, steps, replicas: replicas.length, writes: writes.length, pushes: server.pushes };
  } finally {
    for (const r of replicas) r.close();
  }
}

async function randomStep(rng: Rng, net: SimNetwork, replicas: Replica[], writes: CommittedWrite[], ids: () => string, clockOf: (r: Replica) => () => void) {
  const r = rng.pick(replicas);
  const action = rng.weighted({ edit: 5, push: 2, pull: 2, deliver: 7, partition: 0.4, heal: 0.8, crash: 0.5 });
  clockOf(r)();
  if (action === 'edit') writes.push(...(await r.edit(rng, ids)));
  else if (action === 'push' && r.ops.filter((o) => !o.done).length < 2) r.track(() => r.engine.pushOnce());
  else if (action === 'pull' && r.ops.filter((o) => !o.done).length < 2) {
    const reconnect = rng.chance(0.3);
    r.track(() => r.engine.pullAll(reconnect));
  } else if (action === 'deliver' && net.queue.length) net.deliver(rng.int(0, net.queue.length - 1));
  else if (action === 'partition') net.partition(r.index);
  else if (action === 'heal') net.heal(r.index);
  else if (action === 'crash') await r.crash();
}

/** Runs every replica until each of its operations is finished or waiting on the network. */
async function settle(net: SimNetwork, replicas: Replica[]) {
  for (let i = 0; i < 100_000; i++) {
    if (replicas.every((r) => r.ops.filter((o) => !o.done).length === (net.blocked.get(r.index) ?? 0))) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the simulation is stuck: an operation neither finishes nor waits on the network');
}

async function heal(net: SimNetwork, replicas: Replica[], clockOf: (r: Replica) => () => void) {
  for (const r of replicas) net.heal(r.index);
  net.immediate = true;
  while (net.queue.length) net.deliver(0);
  await settle(net, replicas);
  for (const r of replicas) {
    const issues = r.engine.issues;
    r.newEngine('big');
    r.engine.issues.push(...issues);
    clockOf(r)();
    await r.engine.pushAll();
  }
  for (const r of replicas) await r.engine.pullAll(true);
}

async function check(server: InMemoryServer, replicas: Replica[], writes: CommittedWrite[]): Promise<string[]> {
  const problems: string[] = [];
  for (const r of replicas) {
    const left = await r.db.outbox.count();
    if (left) problems.push(`replica ${r.index} still has ${left} outbox entries after healing`);
    if (r.engine.issues.length) problems.push(`replica ${r.index} skipped or parked: ${r.engine.issues.map((i) => `${i.id}: ${i.reason}`).join('; ')}`);
    for (const table of COMPARED) problems.push(...(await compareTable(server, r, table)));
  }
  for (const w of writes) problems.push(...lostWrite(server, w));
  return problems;
}

async function compareTable(server: InMemoryServer, r: Replica, table: SyncedTable): Promise<string[]> {
  const problems: string[] = [];
  const expected = server.alive(table);
  const rows = (await r.db.table(table).toArray()) as Record<string, unknown>[];
  const schema = await loadSchemaIn(r.db, PRESET_FOLDER_IDS.contacts);
  for (const row of rows) {
    const id = String(row.id);
    const want = expected.get(id);
    if (!want) {
      problems.push(`replica ${r.index} has ${table}/${id}, the server does not`);
      continue;
    }
    if (stableJson(toUnits(table, row)) !== stableJson(want.units)) problems.push(`replica ${r.index} ${table}/${id} differs: ${stableJson(toUnits(table, row))} vs ${stableJson(want.units)}`);
    const clocks = await r.db.clocks.get(clockKey(table, id));
    if (stableJson(clocks?.fields) !== stableJson(want.clocks) || clocks?.born !== want.born) problems.push(`replica ${r.index} ${table}/${id} clocks differ`);
    if (table === 'records') {
      const rec = row as unknown as CrmRecord;
      const derived = deriveIndexes(schema.folder, schema.fields, rec.values);
      if (stableJson(derived) !== stableJson({ title: rec.title, emails: rec.emails, domains: rec.domains, linkedIds: rec.linkedIds })) problems.push(`replica ${r.index} ${id} has stale derived indexes`);
    }
  }
  for (const id of expected.keys()) if (!rows.some((row) => row.id === id)) problems.push(`replica ${r.index} lacks ${table}/${id}`);
  return problems;
}

/** A committed write survives unless a later stamp (an edit, a delete or a re-creation) replaced it. */
function lostWrite(server: InMemoryServer, w: CommittedWrite): string[] {
  const s = server.get(w.table, w.id);
  const where = `${w.table}/${w.id} written by replica ${w.replica}`;
  if (!s) return [`${where} never reached the server`];
  if (w.deleted) return s.deleted !== undefined && s.deleted >= w.deleted ? [] : [`the delete of ${where} was lost`];
  const floor = [s.born ?? '', s.deleted ?? ''].sort().pop()!;
  const out: string[] = [];
  for (const [unit, { clock, value }] of Object.entries(w.units)) {
    const sc = s.clocks[unit];
    if (floor > clock || (sc !== undefined && sc > clock)) continue;
    if (sc === clock && stableJson(s.units[unit]) === stableJson(value)) continue;
    out.push(`${where}: ${unit} = ${stableJson(value)} @${clock} was lost (server has ${stableJson(s.units[unit])} @${sc})`);
  }
  return out;
}
