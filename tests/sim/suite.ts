import { vi } from 'vitest';
import { runSeed, type SeedResult } from './world';

/**
 * The deterministic simulation of sync (ARCHITECTURE §4). CI runs 1,000 seeds, split over two
 * test files so both cores work; `npm run test:sim -- --seeds 10000` runs more and
 * `npm run test:sim -- --seed 1234` replays one (tests/sim/cli.mjs sets the variables read here).
 */
/** The seeds this part of the split runs (all of them in the first part when one seed is replayed). */
export function seedsFor(part: number, parts: number): number[] {
  const single = process.env.SIM_SEED !== undefined ? Number(process.env.SIM_SEED) : undefined;
  const from = Number(process.env.SIM_FROM ?? 0);
  const total = Number(process.env.SIM_SEEDS ?? 1_000);
  const all = single !== undefined ? [single] : Array.from({ length: total }, (_, i) => from + i);
  return single !== undefined ? (part === 0 ? all : []) : all.filter((_, i) => i % parts === part);
}

/** Runs the seeds with a faked Date; returns one line per failed seed, each with its replay command. */
export async function simulate(seeds: readonly number[], label: string): Promise<string[]> {
  // Only Date is faked: IndexedDB's own scheduling must keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const started = performance.now();
    const failures: SeedResult[] = [];
    let writes = 0;
    for (const seed of seeds) {
      const result = await runSeed(seed, (ms) => vi.setSystemTime(ms)).catch(
        (e: unknown): SeedResult => ({ seed, problems: [`crashed: ${(e as Error).stack ?? String(e)}`], steps: 0, replicas: 0, writes: 0, pushes: 0 }),
      );
      writes += result.writes;
      if (result.problems.length === 0) continue;
      failures.push(result);
      console.error(`Seed ${seed} failed. Replay it with:\n  npm run test:sim -- --seed ${seed}\n${result.problems.slice(0, 10).join('\n')}`);
      if (failures.length >= 5) break;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`sync simulation ${label}: ${seeds.length} seeds, ${writes} committed writes, ${failures.length} failed, ${seconds} s`);
    return failures.map((f) => `seed ${f.seed} (replay: npm run test:sim -- --seed ${f.seed}): ${f.problems[0]}`);
  } finally {
    vi.useRealTimers();
  }
}
