// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedsFor, simulate } from './suite';

// Two files so both cores share the seeds CI runs (CI_SEEDS in suite.ts).
const seeds = seedsFor(1, 2);

describe('sync simulation, part 2 of 2', () => {
  it.skipIf(seeds.length === 0)(`converges with nothing lost over ${seeds.length} seeds`, async () => {
    expect(await simulate(seeds, 'part 2/2')).toEqual([]);
  }, 3_600_000);
});
