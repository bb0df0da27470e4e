#!/usr/bin/env node
// npm run test:sim [-- --seeds N] [--from K] [--seed S] [--max-failures F]: runs the sync simulation with vitest
// (it stops after F failed seeds, 5 unless told; replaying one seed prints its steps).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env };
const names = { '--seeds': 'SIM_SEEDS', '--from': 'SIM_FROM', '--seed': 'SIM_SEED', '--max-failures': 'SIM_MAX_FAILURES' };
for (let i = 0; i < args.length; i++) {
  const name = names[args[i]];
  const value = args[i + 1];
  if (!name || value === undefined || !/^\d+$/.test(value)) {
    console.error(`usage: npm run test:sim -- [--seeds N] [--from K] [--seed S] [--max-failures F]   (got: ${args.join(' ')})`);
    process.exit(2);
  }
  env[name] = value;
  i++;
}
// Two workers: the seeds are split over two files so that both cores work (vitest alone keeps one free).
const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', '--maxWorkers', '2', 'tests/sim'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
