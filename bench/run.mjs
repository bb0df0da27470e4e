// Bundles bench/main.ts for Node (TypeScript, project modules inlined, packages left external) and runs it.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';

// Read by tests/e2e/support/extension.ts when the bundle loads: bench builds into its own folder.
process.env.THREADLINE_OUT_DIR ??= '/tmp/tl-bench';
const dir = resolve('node_modules/.cache/threadline-bench');
mkdirSync(dir, { recursive: true });
const file = resolve(dir, 'main.mjs');
await build({
  input: resolve('bench/main.ts'),
  cwd: resolve('.'),
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  output: { file, format: 'esm' },
  logLevel: 'warn',
});
await import(pathToFileURL(file).href);
