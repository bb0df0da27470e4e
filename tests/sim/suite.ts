import { vi } from 'vitest';
import { runSeed, type SeedResult } from './world';

/**
 * The deterministic simulation of sync (ARCHITECTURE §4). `npm test` runs CI_SEEDS seeds, split
 * over two test files so both cores work (about 65 s each on this machine); `npm run test:sim --
 * --seeds 10000` runs more and `npm run test:sim -- --seed 1234` replays one, printing what
 * happened step by step (tests/sim/cli.mjs sets the variables read here).
 */
export const CI_SEEDS = 300;

/** The seeds this part of the split runs (all of them in the first part when one seed is replayed). */
export function seedsFor(part: number, parts: number): number[] {
  const single = process.env.SIM_SEED !== undefined ? Number(process.env.SIM_SEED) : undefined;
  const from = Number(process.env.SIM_FROM ?? 0);
  const total = Number(process.env.SIM_SEEDS ?? CI_SEEDS);
  const all = single !== undefined ? [single] : Array.from({ length: total }, (_, i) => from + i);
  return single !== undefined ? (part === 0 ? all : []) : all.filter((_, i) => i % parts === part);
}

/**
 * Ids the app mints (records, activities, fields, mutations) come from crypto.randomUUID: made
 * deterministic per seed, so that a replayed seed mints the same ids in the same order.
 */
function seededUuids(seed: number) {
  let n = 0;
  const hex = (v: number, width: number) => v.toString(16).padStart(width, '0').slice(-width);
  return vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => `${hex(seed >>> 0, 8)}-0000-4000-8000-${hex(++n, 12)}` as `${string}-${string}-${string}-${string}-${string}`);
}

/** Runs the seeds with a faked Date; returns one line per failed seed, each with its replay command. */
export async function simulate(seeds: readonly number[], label: string): Promise<string[]> {
  // Only Date is faked: IndexedDB's own scheduling must keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const started = performance.now();
    const failures: SeedResult[] = [];
    const writes: number[] = [];
    let docs = 0;
    for (const seed of seeds) {
      const uuids = seededUuids(seed);
      const result = await runSeed(seed, (ms) => vi.setSystemTime(ms))
        .catch((e: unknown): SeedResult => ({ seed, problems: [`crashed: ${(e as Error).stack ?? String(e)}`], replicas: 0, writes: 0, docs: 0, refused: 0, pushes: 0, trace: [] }))
        .finally(() => uuids.mockRestore());
      writes.push(result.writes);
      docs += result.docs;
      if (seeds.length === 1) console.log(`Seed ${seed}, step by step:\n${result.trace.join('\n')}`);
      if (result.problems.length === 0) continue;
      failures.push(result);
      console.error(`Seed ${seed} failed. Replay it with:\n  npm run test:sim -- --seed ${seed}\n${result.problems.slice(0, 10).join('\n')}`);
      if (failures.length >= Number(process.env.SIM_MAX_FAILURES ?? 5)) break;
      if (writes.length % 500 === 0) console.log(`sync simulation ${label}: ${writes.length} of ${seeds.length} seeds, ${failures.length} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const byTag = new Map<string, number>();
    for (const f of failures) for (const t of new Set(f.problems.map((p) => /^\[([^\]]+)\]/.exec(p)?.[1] ?? 'other'))) byTag.set(t, (byTag.get(t) ?? 0) + 1);
    const seconds = (performance.now() - started) / 1000;
    const mean = writes.reduce((a, b) => a + b, 0) / Math.max(1, writes.length);
    console.log(
      `sync simulation ${label}: ${writes.length} seeds, writes per seed mean ${mean.toFixed(1)} min ${Math.min(...writes)} (${(docs / Math.max(1, writes.length)).toFixed(0)} documents), ` +
        `${failures.length} failed${byTag.size ? ` (${[...byTag].map(([t, n]) => `${t}: ${n}`).join(', ')})` : ''}, ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, writes.length)).toFixed(0)} s per 1,000 seeds)`,
    );
    return failures.map((f) => `seed ${f.seed} (replay: npm run test:sim -- --seed ${f.seed}): ${f.problems[0]}`);
  } finally {
    vi.useRealTimers();
  }
}
