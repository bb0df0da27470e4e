import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOSTILE_HTTP_URLS, INJECTED_SELECTOR, LONG_WORD, MARKUP_PAYLOADS, UNICODE_PAYLOADS, URL_PAYLOADS } from '../fixtures/xss-corpus';
import { cspProblem, documentedPermissions, hostCovers } from '../support/permissions';
import { EXTENSION_DIR, openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

/**
 * Hostile content in a real Chromium with the built extension: the demo inbox's "Suspicious
 * sender" thread through the sidebar, and hostile records on the CRM page. In every frame no
 * payload ran (`window.__pwned` stays unset) and no element was injected. Then the built
 * extension itself: the documented permissions, a strict CSP, and no code from a remote origin.
 */
type Tl = { createRecord: (folderId: string, values: Record<string, unknown>) => Promise<{ id: string; folderId: string; values: Record<string, unknown> }>; db: { records: { put: (r: unknown) => Promise<unknown> }; fields: { add: (f: unknown) => Promise<unknown> }; transaction: (mode: 'rw', tables: string[], work: () => Promise<unknown>) => Promise<unknown> }; mutate: unknown };

/** What each frame of the page reports: did anything run, and what did parsing inject? */
async function frameReport(frame: Frame) {
  return frame.evaluate((selector) => {
    const root = document.getElementById('root') ?? document.body;
    // The demo inbox frames the sidebar page itself: an iframe of the extension's own origin is the
    // product, addressed by its fixed id or by the per-session one runtime.getURL gives (use_dynamic_url).
    const dynamic = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//;
    const own = (url: string | null) => !!url && (url.startsWith(`${location.origin}/`) || dynamic.test(url));
    // Threadline's own icons (lucide-react): a hidden svg of plain shapes, which can neither run nor load anything.
    const shapes = ['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse'];
    const icon = (e: Element) => e.tagName.toLowerCase() === 'svg' && e.classList.contains('lucide') && e.getAttribute('aria-hidden') === 'true' && [...e.querySelectorAll('*')].every((c) => shapes.includes(c.tagName.toLowerCase()));
    const injected = [...root.querySelectorAll(selector)].filter((e) => !(e.tagName === 'IFRAME' && own(e.getAttribute('src'))) && !icon(e)).map((e) => e.outerHTML.slice(0, 80));
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) injected.push(`${el.tagName}[${a.name}]`);
    }
    const links = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#') && !own(h) && !/^(https?:|mailto:|tel:)/i.test(h));
    return { url: location.href, pwned: (window as { __pwned?: unknown }).__pwned, injected, unsafeLinks: links };
  }, INJECTED_SELECTOR);
}

async function expectEveryFrameClean(page: Page) {
  const reports = await Promise.all(page.frames().map(frameReport));
  expect(reports.length).toBeGreaterThan(0);
  for (const r of reports) expect(r, r.url).toEqual({ url: r.url, pwned: undefined, injected: [], unsafeLinks: [] });
}

describe('hostile content in Chromium', () => {
  const session = useExtensionSession();

  it('the demo inbox’s "Suspicious sender": shown as text, added, logged, nothing runs in any frame', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: /Suspicious sender/ }).click();
    const sidebar = page.frameLocator('iframe[title="Threadline sidebar"]');
    expect(await visible(sidebar.getByRole('heading', { name: '<b>Invoice</b><script>window.__pwned = 1</script>' }))).toBe(true);
    await sidebar.getByRole('form', { name: 'Add billing@hostile.example as a contact' }).getByRole('button', { name: 'Add contact' }).click();
    await sidebar.getByRole('button', { name: 'Log email' }).click();
    expect(await visible(sidebar.getByRole('button', { name: 'Email logged' }))).toBe(true);
    expect(await visible(sidebar.getByRole('list', { name: 'History' }).getByText('<svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">pay now</a>'))).toBe(true);
    expect(page.frames().some((f) => f.url().endsWith('/sidebar.html'))).toBe(true);
    await expectEveryFrameClean(page);
    // The sidebar never scrolls sideways, whatever the names are.
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'xss-demo-suspicious-sender');
  });

  it('the CRM page with hostile names, URLs and a hostile folder: text only, safe links only', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await loadPageModules(page);
    const ids = await page.evaluate(
      async ({ texts, httpUrls, badUrls, longWord }) => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        const contacts: string[] = [];
        for (const [k, t] of texts.entries()) {
          contacts.push((await tl.createRecord('folder_contacts', { fc_firstName: t, fc_lastName: texts[(k + 7) % texts.length], fc_emails: [`c${k}@evil.example`] })).id);
        }
        contacts.push((await tl.createRecord('folder_contacts', { fc_firstName: longWord, fc_lastName: 'Long' })).id);
        const companies: string[] = [];
        for (const [k, url] of httpUrls.entries()) {
          companies.push((await tl.createRecord('folder_companies', { fo_name: `<img src=x onerror=window.__pwned=1> ${k}`, fo_domain: url })).id);
        }
        // What validation refuses can still be on disk (an older version wrote it): it must never link.
        const legacy = await tl.createRecord('folder_companies', { fo_name: 'Legacy' });
        // Written around validation on purpose, in a transaction with what the index columns derive from.
        for (const [k, url] of badUrls.entries()) {
          await tl.db.transaction('rw', ['records', 'folders', 'fields'], () => tl.db.records.put({ ...legacy, id: `rec_legacy${k}`, values: { ...legacy.values, fo_domain: url } }));
        }
        return { contacts, companies };
      },
      { texts: [...MARKUP_PAYLOADS, ...UNICODE_PAYLOADS].filter((t) => t.trim()), httpUrls: [...HOSTILE_HTTP_URLS], badUrls: [...URL_PAYLOADS], longWord: LONG_WORD },
    );
    expect(ids.contacts.length).toBeGreaterThan(30);

    await page.goto(page.url().replace(/#.*$/, '') + '#/folder/folder_contacts');
    await page.reload();
    expect(await visible(page.getByRole('table', { name: 'Contacts' }))).toBe(true);
    expect(await visible(page.getByRole('table', { name: 'Contacts' }).getByText(MARKUP_PAYLOADS[0], { exact: true }).first())).toBe(true);
    await expectEveryFrameClean(page);
    await screenshot(page, 'xss-crm-contacts');

    await page.goto(page.url().replace(/#.*$/, '') + '#/folder/folder_companies');
    expect(await visible(page.getByRole('table', { name: 'Companies' }))).toBe(true);
    await expectEveryFrameClean(page);

    await page.goto(page.url().replace(/#.*$/, '') + `#/record/${ids.contacts.at(-1)}`);
    expect(await visible(page.getByRole('heading', { level: 2 }).filter({ hasText: 'WWWW' }))).toBe(true);
    await expectEveryFrameClean(page);
    // A long name wraps: the record page does not grow wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(page, 'xss-crm-record-long-name');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
    optional_permissions?: string[];
    content_security_policy?: { extension_pages?: string };
    content_scripts?: { matches: string[] }[];
    web_accessible_resources?: { matches: string[] }[];
    externally_connectable?: unknown;
  };

  it('asks for exactly the permissions README documents', () => {
    // A build made with the Firebase variables (a developer's .env.local) is a sync build.
    const documented = documentedPermissions({ browser: 'chrome', sync: (manifest.permissions ?? []).includes('identity') });
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...documented.permissions].sort());
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...documented.hosts].sort());
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    const matches = [...(manifest.content_scripts ?? []), ...(manifest.web_accessible_resources ?? [])].flatMap((c) => c.matches);
    for (const m of matches) expect(documented.hosts.some((h) => hostCovers(h, m)), m).toBe(true);
  });

  it('runs its pages under a strict CSP', () => {
    expect(cspProblem(manifest.content_security_policy?.extension_pages ?? '')).toBeUndefined();
  });

  /** Ways a page or script could load code from elsewhere. */
  const REMOTE_CODE = [
    /<script[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i,
    /<link[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i,
    /\bimport\s*\(\s*["'`](https?:)?\/\//,
    /\bimportScripts\s*\(\s*["'`](https?:)?\/\//,
    /\bfrom\s*["'`]https?:\/\//,
    /["'`]https?:\/\/[^"'`\s]+\.m?js(\?[^"'`\s]*)?["'`]/,
  ];

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  }

  it('loads no code from a remote origin: every script and page is in the package', () => {
    const scanned = files(EXTENSION_DIR).filter((f) => /\.(m?js|html)$/.test(f));
    expect(scanned.length).toBeGreaterThan(5);
    const hits = scanned.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return REMOTE_CODE.flatMap((re) => {
        const m = re.exec(text);
        return m ? [`${relative(EXTENSION_DIR, f)}: ${text.slice(Math.max(0, m.index - 40), m.index + 80)}`] : [];
      });
    });
    expect(hits).toEqual([]);
  });

  it('ships InboxSDK’s page-world script from the package, byte for byte, injected from the package', () => {
    expect(readFileSync(join(EXTENSION_DIR, 'pageWorld.js'))).toEqual(readFileSync('node_modules/@inboxsdk/core/pageWorld.js'));
    // The background answers InboxSDK's request with a file of the extension, never a URL or code string.
    const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
    const calls = [...background.matchAll(/executeScript\(\{[^}]*\}[^)]*\)/g)].map((m) => m[0]);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatch(/files:\[`pageWorld\.js`\]|files:\["pageWorld\.js"\]/);
  });
});
