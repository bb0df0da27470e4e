import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, type Session } from '../tests/e2e/support/extension';
import type { Bench } from './inpage';

export { launchExtension, openExtensionPage, type Session };

let source: Promise<string> | undefined;

/**
 * bench/inpage.ts bundled as an IIFE and evaluated in an extension page through the DevTools
 * protocol (as tests/e2e/support/pageModules.ts does): it runs in the extension's origin, on its
 * IndexedDB, without the product build shipping any bench page.
 */
export function inpageSource(): Promise<string> {
  source ??= (async () => {
    const { build } = await import('rolldown');
    const result = await build({
      input: resolve('bench/inpage.ts'),
      cwd: resolve('.'),
      platform: 'browser',
      write: false,
      output: { format: 'iife', name: 'threadlineBenchModule', minify: false },
      transform: { define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' } },
    });
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('rolldown produced no chunk');
    const dir = resolve('node_modules/.cache/threadline-bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'inpage.js'), chunk.code);
    return `${chunk.code}\n;true;`;
  })();
  return source;
}

export async function loadBench(page: Page): Promise<void> {
  if (await page.evaluate(() => 'threadlineBench' in globalThis)) return;
  const cdp = await page.context().newCDPSession(page);
  const result = await cdp.send('Runtime.evaluate', { expression: await inpageSource(), allowUnsafeEvalBlockedByCSP: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`loading the bench module failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
}

type Fns = { [K in keyof Bench]: Bench[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };

/** Calls one of the page's bench functions (arguments and result cross as JSON-like values). */
export function call<K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Fns[K]>): Promise<Awaited<ReturnType<Fns[K]>>> {
  return page.evaluate(
    ([n, a]) => (globalThis as unknown as { threadlineBench: Record<string, (...x: unknown[]) => unknown> }).threadlineBench[n]!(...a),
    [name as string, args as unknown[]] as const,
  ) as Promise<Awaited<ReturnType<Fns[K]>>>;
}
