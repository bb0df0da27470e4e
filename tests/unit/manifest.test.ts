import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { cspProblem, documentedPermissions, hostCovers, type Build } from '../support/permissions';

/**
 * The manifest wxt.config.ts produces, for each browser Threadline ships to, against README's
 * "Permissions, and why" table. tests/e2e/xss.test.ts checks the built manifest.json the same way.
 */
type Manifest = {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  externally_connectable?: unknown;
};

/** Firebase build variables (placeholders): with them a build includes sync and its permissions. */
const SYNC_ENV = {
  WXT_FIREBASE_API_KEY: 'key',
  WXT_FIREBASE_AUTH_DOMAIN: 'example.firebaseapp.com',
  WXT_FIREBASE_PROJECT_ID: 'example',
  WXT_FIREBASE_APP_ID: '1:2:web:3',
  WXT_GOOGLE_OAUTH_CLIENT_ID: 'client.apps.googleusercontent.com',
};

/** The manifest as wxt.config.ts makes it: its manifest function, then its manifest hook. */
function manifestFor({ browser, sync }: Build): Manifest {
  const fn = config.manifest as (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Manifest;
  const manifest = fn({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  const hook = (config.hooks as Record<string, ((wxt: unknown, manifest: Manifest) => void) | undefined> | undefined)?.['build:manifestGenerated'];
  const saved = { ...process.env };
  if (sync) Object.assign(process.env, SYNC_ENV);
  else for (const k of Object.keys(SYNC_ENV)) delete process.env[k];
  try {
    hook?.({ config: { browser, root: process.cwd() } }, manifest);
  } finally {
    process.env = saved;
  }
  return manifest;
}

const BUILDS: Build[] = [
  { browser: 'chrome', sync: false },
  { browser: 'chrome', sync: true },
  { browser: 'firefox', sync: false },
  { browser: 'firefox', sync: true },
];

describe.each(BUILDS)('the manifest of a $browser build (sync: $sync)', (build) => {
  const manifest = manifestFor(build);
  const documented = documentedPermissions(build);

  it('asks for exactly the permissions the README documents, each with its reason', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...documented.permissions].sort());
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...documented.hosts].sort());
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('lets no web page message the extension', () => {
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs extension pages under a strict CSP (script-src self, no eval, no inline, no remote)', () => {
    const csp = manifest.content_security_policy?.extension_pages;
    expect(csp).toBeDefined();
    expect(cspProblem(csp!)).toBeUndefined();
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  });

  it('exposes its pages only to the hosts it has permission for', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      for (const match of entry.matches) expect(documented.hosts.some((h) => hostCovers(h, match)), match).toBe(true);
      // Only the framed pages and the icons InboxSDK shows: never scripts a page could load.
      for (const r of entry.resources) expect(r).toMatch(/^(sidebar|dashboard)\.html$|^icon\/\*\.png$/);
      // Reachable only through runtime.getURL's per-session id: Gmail's page cannot probe or frame them by the fixed id.
      expect(entry.use_dynamic_url, entry.resources.join()).toBe(true);
    }
  });
});

/** Every source file that runs in the extension (tests, benchmarks and dependencies aside). */
function sourceFiles(dir = '.'): string[] {
  const skip = new Set(['node_modules', 'tests', 'bench', '.output', '.wxt', '.git', '.ci', 'public']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return skip.has(e.name) || e.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('permissions that code needs', () => {
  it('asks for `storage` only if some code uses the extension storage API', () => {
    const users = sourceFiles().filter((f) => /\b(browser|chrome)\.storage\b|wxt\/(utils\/)?storage|@wxt-dev\/storage/.test(readFileSync(f, 'utf8')));
    const asked = manifestFor({ browser: 'chrome', sync: true }).permissions ?? [];
    expect(asked.includes('storage'), `asked: ${asked.join()}; used by: ${users.join()}`).toBe(users.length > 0);
  });
});

describe('the demo inbox', () => {
  type Entry = { name: string; skipped: boolean };
  function resolved(release: boolean): Entry[] {
    const entrypoints: Entry[] = ['background', 'demo', 'sidebar', 'dashboard'].map((name) => ({ name, skipped: false }));
    const hook = (config.hooks as Record<string, ((wxt: unknown, e: Entry[]) => void) | undefined>)['entrypoints:resolved'];
    const saved = process.env.THREADLINE_RELEASE;
    if (release) process.env.THREADLINE_RELEASE = '1';
    else delete process.env.THREADLINE_RELEASE;
    try {
      hook?.({}, entrypoints);
    } finally {
      if (saved === undefined) delete process.env.THREADLINE_RELEASE;
      else process.env.THREADLINE_RELEASE = saved;
    }
    return entrypoints.filter((e) => !e.skipped);
  }

  it('is left out of store packages, and only of them', () => {
    expect(resolved(true).map((e) => e.name)).toEqual(['background', 'sidebar', 'dashboard']);
    expect(resolved(false).map((e) => e.name)).toEqual(['background', 'demo', 'sidebar', 'dashboard']);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.zip).toMatch(/^THREADLINE_RELEASE=1 wxt zip && THREADLINE_RELEASE=1 wxt zip -b firefox$/);
  });
});

describe('the CSP check itself', () => {
  it.each([
    "script-src 'self' 'unsafe-eval'; object-src 'self'",
    "script-src 'self' 'unsafe-inline'; object-src 'self'",
    "script-src 'self' https://cdn.example; object-src 'self'",
    "script-src 'self'; object-src *",
    "object-src 'self'",
  ])('refuses %j', (csp) => {
    expect(cspProblem(csp)).toBeDefined();
  });
});

describe('the content script', () => {
  it('matches only pages the host permissions cover', () => {
    const source = readFileSync('entrypoints/gmail.content/index.ts', 'utf8');
    const matches = [...(/matches:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '').matchAll(/['"`]([^'"`]+)['"`]/g)].map((m) => m[1]!);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(documentedPermissions().hosts.some((h) => hostCovers(h, match)), match).toBe(true);
  });
});
