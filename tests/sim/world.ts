import { chooseAction, REMOVING } from './actions';
import { converged, danglingLinks, danglingReferences, derivedIndexes, lineAmounts, lostWrites, outboxCoversUnpushed } from './checks';
import { SimNetwork } from './network';
import { Replica, type CommittedWrite } from './replica';
import { Rng } from './rng';
import { InMemoryServer } from './server';
import { setUpWorkspace } from './workspace';

export type SeedResult = { seed: number; problems: string[]; replicas: number; writes: number; docs: number; refused: number; pushes: number; trace: string[] };

const BASE_TIME = 1_800_000_000_000;
/** Page actions that refuse with a message for the user (a value the folder's rules reject, a record gone since): not failures. */
const REFUSALS = new Set(['RecordValidationError', 'NotFoundError', 'ActivityValidationError']);

type World = {
  rng: Rng;
  net: SimNetwork;
  server: InMemoryServer;
  replicas: Replica[];
  writes: CommittedWrite[];
  problems: string[];
  /** What happened, step by step: printed when one seed is replayed. */
  trace: string[];
  /** Page actions that committed something, and those refused. */
  stats: { writes: number; refused: number };
  /** Moves the fake wall clock to this replica's (skewed by up to ±3 s). */
  clockOf: (r: Replica) => void;
};

/**
 * One seeded run: the workspace owner sets up custom fields and automations on the first replica
 * and everyone syncs; then random page actions on 4–5 replicas until at least 50 of them
 * committed, between pushes and pulls whose messages the network delivers in random order,
 * partitions, duplicate deliveries (the network repeats a request, maybe after newer ones; a push
 * whose answer was lost is sent again), and crashes,
 * some right between a committed write and its push. Then the network heals, everyone syncs,
 * and the invariants are checked (tests/sim/checks.ts).
 */
export async function runSeed(seed: number, setNow: (ms: number) => void): Promise<SeedResult> {
  const rng = new Rng(seed);
  const server = new InMemoryServer();
  const net = new SimNetwork(server);
  let now = BASE_TIME;
  setNow(now);
  const replicas: Replica[] = [];
  for (let i = 0, n = rng.chance(0.25) ? 5 : 4; i < n; i++) replicas.push(new Replica(i, `sim-replica-${i}`, net, rng.int(-3_000, 3_000)));
  const world: World = { rng, net, server, replicas, writes: [], problems: [], trace: [], stats: { writes: 0, refused: 0 }, clockOf: (r) => setNow(now + r.skew) };
  server.trace = net.trace = (line) => world.trace.push(line);
  try {
    for (const r of replicas) await r.open();
    await setUp(world);
    const target = rng.int(50, 80);
    for (let step = 0; world.stats.writes < target; step++) {
      if (step > 5_000) throw new Error(`only ${world.stats.writes} of ${target} writes committed in 5,000 steps`);
      now += rng.int(0, 40);
      await randomStep(world);
      await settle(net, replicas);
    }
    for (const r of replicas) world.writes.push(...(await r.collect()));
    for (const r of replicas) world.problems.push(...tag('outbox', await outboxCoversUnpushed(server, r, world.writes)));
    await heal(world);
    world.problems.push(...(await check(world)));
    return { seed, problems: world.problems, replicas: replicas.length, writes: world.stats.writes, docs: world.writes.length, refused: world.stats.refused, pushes: server.pushes, trace: world.trace };
  } finally {
    for (const r of replicas) r.close();
  }
}

/** The owner's setup on replica 0, pushed, and pulled by every other replica before the team starts. */
async function setUp(world: World) {
  const [owner, ...team] = world.replicas;
  world.clockOf(owner!);
  await setUpWorkspace(owner!.db);
  world.writes.push(...(await owner!.collect()));
  world.net.immediate = true;
  await owner!.engine.pushAll();
  for (const r of team) await r.engine.pullAll(false);
  world.net.immediate = false;
}

async function randomStep(world: World) {
  const { rng, net, replicas } = world;
  const r = rng.pick(replicas);
  const action = rng.weighted({ edit: 6, editThenCrash: 0.4, push: 2, pull: 2, deliver: 7, duplicate: 0.6, partition: 0.4, heal: 0.8, crash: 0.4 });
  world.clockOf(r);
  if (!['edit', 'editThenCrash', 'deliver'].includes(action)) world.trace.push(`r${r.index} ${action}`);
  if (action === 'edit' || action === 'editThenCrash') {
    await edit(world, r);
    // The process dies right after the write committed, before the engine could push it.
    if (action === 'editThenCrash') await crash(world, r);
  } else if (action === 'push') r.track('push', () => r.engine.pushOnce());
  else if (action === 'pull') {
    const reconnect = rng.chance(0.3);
    r.track('pull', () => r.engine.pullAll(reconnect));
  } else if (action === 'deliver' && net.queue.length) net.deliver(rng.int(0, net.queue.length - 1));
  else if (action === 'duplicate' && net.queue.length) net.duplicate(rng.int(0, net.queue.length - 1));
  else if (action === 'partition') net.partition(r.index);
  else if (action === 'heal') net.heal(r.index);
  else if (action === 'crash') await crash(world, r);
}

async function edit(world: World, r: Replica) {
  const { name, run } = await chooseAction(r.db, world.rng);
  // References left by sync (a teammate's delete of a record linked here) may dangle, and a merge
  // may carry one over to the survivor; but a record this write removed must leave no reference
  // behind: the write owner rewrites every reference it can see.
  const before = REMOVING.has(name) ? new Set((await r.db.records.toCollection().primaryKeys()) as string[]) : undefined;
  let did: string | undefined;
  try {
    did = await run();
  } catch (e) {
    world.trace.push(`r${r.index} ${name} refused: ${(e as Error).message}`);
    if (REFUSALS.has((e as Error).name)) world.stats.refused++;
    else world.problems.push(`[action] replica ${r.index}: ${name} threw ${(e as Error).stack ?? String(e)}`);
  }
  const committed = await r.collect();
  world.writes.push(...committed);
  if (before) for (const d of await danglingReferences(r)) if (before.has(d.target)) world.problems.push(`[local dangling] ${did ?? name} left a reference dangling: ${d.text}`);
  if (did) world.trace.push(`r${r.index} ${did}: ${committed.map((w) => `${w.deleted ? 'deleted ' : ''}${w.table}/${w.id}`).join(' ')}`);
  if (committed.length) world.stats.writes++;
  else if (did && /^create/.test(did)) world.problems.push(`[action] replica ${r.index}: ${did} committed nothing`);
}

/** A crash, and the outbox as the restarted process finds it: every unpushed change still there. */
async function crash(world: World, r: Replica) {
  // Repairs a pull made since the last write (applyRemote drops references to deleted records) are writes too.
  world.writes.push(...(await r.collect()));
  await r.crash();
  world.problems.push(...tag('outbox', (await outboxCoversUnpushed(world.server, r, world.writes)).map((p) => `after a crash: ${p}`)));
}

/** Problems are tagged with the invariant they break: the summary counts failed seeds per tag. */
const tag = (name: string, problems: readonly string[]) => problems.map((p) => `[${name}] ${p}`);

/** Runs every replica until each of its operations is finished or waiting on the network. */
async function settle(net: SimNetwork, replicas: Replica[]) {
  for (let i = 0; i < 100_000; i++) {
    if (replicas.every((r) => r.busy() === (net.blocked.get(r.index) ?? 0))) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the simulation is stuck: an operation neither finishes nor waits on the network');
}

async function heal(world: World) {
  const { net, replicas } = world;
  for (const r of replicas) net.heal(r.index);
  net.immediate = true;
  while (net.queue.length) net.deliver(0);
  await settle(net, replicas);
  for (const r of replicas) {
    const issues = r.engine.issues;
    r.newEngine('big');
    r.engine.issues.push(...issues);
    world.clockOf(r);
    await r.engine.pushAll();
  }
  for (const r of replicas) await r.engine.pullAll(true);
  // A pull can cause local writes of its own: references that arrived to records deleted here are
  // dropped (sync/applyRemote.ts), on every device that sees both. Push and pull until quiet.
  for (let round = 0; round < 5; round++) {
    const pending = await Promise.all(replicas.map((r) => r.db.outbox.count()));
    if (pending.every((n) => n === 0)) break;
    for (const r of replicas) await r.engine.pushAll();
    for (const r of replicas) await r.engine.pullAll(true);
  }
  // Those repairs are writes like any other: acknowledged, they must not be lost either.
  for (const r of replicas) world.writes.push(...(await r.collect()));
}

async function check(world: World): Promise<string[]> {
  const { server, replicas, writes } = world;
  const problems: string[] = [];
  for (const r of replicas) {
    problems.push(...tag('converge', await converged(server, r)));
    problems.push(...tag('derived', await derivedIndexes(r)));
    problems.push(...tag('lines', await lineAmounts(r)));
  }
  // Converged replicas hold the same rows: one report of dangling references is enough.
  const each = problems.length ? replicas : replicas.slice(0, 1);
  for (const r of each) problems.push(...tag('dangling', await danglingLinks(r)));
  problems.push(...tag('lost', lostWrites(server, writes)));
  return problems;
}
