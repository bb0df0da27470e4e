import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSeed, type SeedResult } from './world';

/**
 * The deterministic simulation of sync (ARCHITECTURE §4). CI runs 1,000 seeds, split over two
 * test files so both cores work; `npm run test:sim -- --seeds 10000` runs more and
 * `npm run test:sim -- --seed 1234` replays one (tests/sim/cli.mjs sets the variables read here).
 */
export function simSuite(part: number, parts: number) {
  const single = process.env.SIM_SEED !== undefined ? Number(process.env.SIM_SEED) : undefined;
  const from = Number(process.env.SIM_FROM ?? 0);
  const total = Number(process.env.SIM_SEEDS ?? 1_000);
  const all = single !== undefined ? [single] : Array.from({ length: total }, (_, i) => from + i);
  const seeds = single !== undefined ? (part === 0 ? all : []) : all.filter((_, i) => i % parts === part);

  describe(`sync simulation, part ${part + 1} of ${parts}`, () => {
    beforeAll(() => {
      // Only Date is faked: IndexedDB's own scheduling must keep running.
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it.skipIf(seeds.length === 0)(`converges with nothing lost over ${seeds.length} seeds`, async () => {
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
      console.log(`sync simulation part ${part + 1}/${parts}: ${seeds.length} seeds, ${writes} committed writes, ${failures.length} failed, ${seconds} s`);
      expect(failures.map((f) => `seed ${f.seed} (replay: npm run test:sim -- --seed ${f.seed}): ${f.problems[0]}`)).toEqual([]);
    }, 3_600_000);
  });
}
