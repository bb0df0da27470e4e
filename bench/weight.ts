import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Size = { raw: number; gzip: number };
const sizeOf = (buf: Buffer | string): Size => ({ raw: Buffer.byteLength(buf), gzip: gzipSync(buf, { level: 9 }).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** Each HTML page's JavaScript: its module script and every chunk it preloads. */
function pageWeights(dir: string): Record<string, Size & { files: number }> {
  const out: Record<string, Size & { files: number }> = {};
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(dir, html), 'utf8');
    const srcs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
    let total: Size = { raw: 0, gzip: 0 };
    for (const s of new Set(srcs)) total = add(total, sizeOf(readFileSync(join(dir, s))));
    out[html] = { ...total, files: new Set(srcs).size };
  }
  return out;
}

/**
 * The Gmail content script as built, and the same script without InboxSDK: start.ts (everything
 * Threadline adds on top of the SDK) bundled and minified on its own, as WXT would.
 */
export async function measureWeight(outDir: string) {
  const dir = join(outDir, 'chrome-mv3');
  const contentScript = sizeOf(readFileSync(join(dir, 'content-scripts/gmail.js')));
  const { build } = await import('rolldown');
  const result = await build({
    input: resolve('entrypoints/gmail.content/start.ts'),
    cwd: resolve('.'),
    platform: 'browser',
    write: false,
    output: { format: 'iife', name: 'threadlineContent', minify: true },
    transform: { define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' } },
  });
  const chunk = result.output.find((o) => o.type === 'chunk');
  const withoutSdk = chunk && chunk.type === 'chunk' ? sizeOf(chunk.code) : { raw: NaN, gzip: NaN };
  return {
    contentScript,
    contentScriptWithoutInboxSdk: withoutSdk,
    pageWorld: sizeOf(readFileSync(join(dir, 'pageWorld.js'))),
    background: sizeOf(readFileSync(join(dir, 'background.js'))),
    pages: pageWeights(dir),
    extensionBytes: dirSize(dir),
  };
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? dirSize(p) : s.size);
  }, 0);
}
