import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Build = { browser: 'chrome' | 'firefox'; sync: boolean };

/**
 * The permissions README.md documents in its "Permissions, and why" table, for one kind of build:
 * the one list the manifest tests check against, so the docs and the manifest cannot drift apart.
 * A row whose first cell starts with "host" lists host permissions; every `backticked` name in the
 * first cell counts; "(only in builds with the Firebase variables)" marks sync-only permissions and
 * "(Chrome, …" Chrome-only ones. Each row must give a reason.
 */
export function documentedPermissions(build: Build = { browser: 'chrome', sync: false }, readme = readFileSync(resolve('README.md'), 'utf8')) {
  const section = /^## Permissions[^\n]*\n([\s\S]*?)(?=^## |$(?![\s\S]))/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const permissions: string[] = [];
  const hosts: string[] = [];
  for (const line of section.split('\n')) {
    const cells = /^\|(.*)\|(.*)\|\s*$/.exec(line.trim());
    if (!cells || /^\s*-+\s*$/.test(cells[1]!) || /^\s*permission\s*$/i.test(cells[1]!)) continue;
    const first = cells[1]!;
    const names = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    if (names.length === 0) throw new Error(`README permission row without a name: ${line}`);
    if (cells[2]!.trim().length < 10) throw new Error(`README permission row without a reason: ${line}`);
    const syncOnly = /only in builds with the Firebase variables/i.test(first);
    const chromeOnly = /\(Chrome\b/.test(first);
    if ((syncOnly && !build.sync) || (chromeOnly && build.browser !== 'chrome')) continue;
    (/^\s*host\b/i.test(first) ? hosts : permissions).push(...names);
  }
  return { permissions, hosts };
}

/** Directives of a CSP string: name → sources. */
export function parseCsp(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** Why a CSP for extension pages is not strict, or undefined when it is. */
export function cspProblem(csp: string): string | undefined {
  const d = parseCsp(csp);
  const scripts = d.get('script-src') ?? d.get('default-src');
  if (!scripts) return 'no script-src';
  if (scripts.join(' ') !== "'self'") return `script-src is "${scripts.join(' ')}", not 'self' alone`;
  const objects = d.get('object-src') ?? d.get('default-src');
  if (!objects || !(objects.join(' ') === "'self'" || objects.join(' ') === "'none'")) return `object-src is "${objects?.join(' ')}"`;
  if (/unsafe-(eval|inline|hashes)|\*|https?:|data:|blob:/i.test(csp)) return 'allows eval, inline code or remote sources';
  return undefined;
}

/** Whether host permission `host` covers a match pattern such as https://mail.google.com/*. */
export function hostCovers(host: string, pattern: string): boolean {
  const origin = (p: string) => /^([a-z*]+:\/\/[^/]+)\//.exec(p)?.[1];
  return origin(host) !== undefined && origin(host) === origin(pattern);
}
