import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Threadline's own storage and sync modules, bundled from source for an extension page, so an
 * end-to-end test can drive the real write path (the same code the pages run, on the same
 * IndexedDB of the extension origin) faster and more precisely than by clicking. The bundle is an
 * IIFE that sets `globalThis.__tl`; it is evaluated through the DevTools protocol, which the
 * pages' CSP does not govern, and the extension itself ships nothing of it.
 */
const ENTRY = `
export {
  db, SyncEngine, TransportError, share, addField, seed, suggest, addTask,
  write as mutate, addRecord as createRecord, importCsv as runImport, importJob as readImportJob, importJobs as listImportJobs,
  rollup as recordRollup,
} from '${resolve('tests/e2e/support/pageApi.ts')}';
`;

let cached: Promise<string> | undefined;

export function pageModulesSource(): Promise<string> {
  cached ??= (async () => {
    const { build } = await import('rolldown');
    // Inside the project, so bare imports ('zod') resolve to the very copies the modules use.
    const dir = resolve('node_modules/.cache/threadline-e2e');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'entry.ts');
    writeFileSync(input, ENTRY);
    const result = await build({
      input,
      cwd: resolve('.'),
      platform: 'browser',
      write: false,
      output: { format: 'iife', name: '__tl', minify: false },
      transform: { define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' } },
    });
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('rolldown produced no chunk');
    // zod decides once per schema whether to compile its parser with new Function(). Evaluated from
    // DevTools that probe succeeds where the page's CSP then refuses the compiled code: tell every
    // zod in the page (its config is shared through globalThis) never to compile, before any schema exists.
    return `(globalThis.__zod_globalConfig ??= {}).jitless = true;\n${chunk.code}\n;globalThis.__tl = __tl; true;`;
  })();
  return cached;
}

/** Loads the modules into `page` (an extension page) once; later calls are no-ops. */
export async function loadPageModules(page: Page): Promise<void> {
  if (await page.evaluate(() => 'db' in ((globalThis as { __tl?: object }).__tl ?? {}))) return;
  // Runtime.evaluate compiles the script directly (allowUnsafeEvalBlockedByCSP defaults to true),
  // where page.evaluate(string) would be an eval() that the page's strict CSP refuses.
  const cdp = await page.context().newCDPSession(page);
  const result = await cdp.send('Runtime.evaluate', { expression: await pageModulesSource(), allowUnsafeEvalBlockedByCSP: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`loading Threadline's modules failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
}
