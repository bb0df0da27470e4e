import { readFileSync } from 'node:fs';
import type { BrowserContext, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/extension';
import { useExtensionSession } from './support/session';

/**
 * The built extension on a fixture page served as https://mail.google.com/ (route interception: no
 * network, no certificate): InboxSDK loads, the content script starts, and every request the page,
 * the content script and the extension make is recorded. Other hosts are answered with an empty
 * 200, as a reachable network would, so the SDK's reporting paths run as they do online: its event
 * upload asks api.inboxsdk.com for a token, fails to parse the empty answer and reports that error.
 * None of it may leave the browser (entrypoints/gmail.content/telemetryGuard.ts).
 */
const FIXTURE = readFileSync('tests/fixtures/gmail/inbox.html', 'utf8');
const PROBE = 'https://probe.threadline.invalid/service-worker';
const isTelemetry = (url: string) => /^https:\/\/([^/]+\.)?(inboxsdk\.com|pubsub\.googleapis\.com)\//.test(url);

type Seen = { url: string; method: string; from: string };

function describeRequest(r: Request): Seen {
  let from = 'service worker';
  if (!r.serviceWorker()) from = r.isNavigationRequest() ? 'navigation' : r.frame().url();
  return { url: r.url(), method: r.method(), from };
}

async function until(condition: () => boolean, what: string, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('InboxSDK telemetry in the built extension', () => {
  const session = useExtensionSession();

  const seen: Seen[] = [];
  let serving: Promise<void> | undefined;
  const serveGmail = (context: BrowserContext) =>
    (serving ??= (async () => {
      context.on('request', (r) => seen.push(describeRequest(r)));
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('https://mail.google.com/')) return route.fulfill({ contentType: 'text/html', body: FIXTURE });
        return route.fulfill({ status: 200, contentType: 'application/json', body: '' });
      });
    })());

  it('sends nothing to InboxSDK’s event or error endpoints from a Gmail page', async () => {
    const { context } = session();
    await serveGmail(context);

    // The recorder hears the service worker too: a probe from it must show up.
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate((url) => fetch(url).then(() => 'ok', (e: unknown) => String(e)), PROBE);
    await until(() => seen.some((s) => s.url === PROBE && s.from === 'service worker'), 'the service worker probe');

    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      const hit = /blocked InboxSDK telemetry to (\S+)/.exec(m.text());
      if (hit) blocked.push(hit[1]!);
    });
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    // The SDK loaded for Threadline and tried both: its event upload, then the report of its failure.
    await page.locator('html[data-inboxsdk-active-app-ids*="threadline"]').waitFor({ state: 'attached', timeout: 30_000 });
    const tried = () => seen.some((s) => isTelemetry(s.url)) || ['/api/v2/events/oauth', '/api/v2/errors'].every((p) => blocked.some((b) => b.endsWith(p)));
    await until(tried, 'InboxSDK to attempt its event upload and error report');

    const queued = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('inboxsdk__persistentqueue_')));
    await screenshot(page, 'telemetry-fixture-gmail');
    const leaving = seen.filter((s) => !s.url.startsWith('chrome-extension://') && s.url !== PROBE);
    console.info(`Requests leaving the browser:\n${leaving.map((s) => `${s.method} ${s.url} (${s.from})`).join('\n')}\nStopped in the content script: ${blocked.join(', ')}`);

    expect(seen.filter((s) => isTelemetry(s.url))).toEqual([]);
    // Nothing is left in Gmail's storage for another InboxSDK extension to upload.
    expect(queued).toEqual([]);
    // Only Gmail itself was asked for anything.
    expect(leaving.map((s) => new URL(s.url).host)).toEqual(leaving.map(() => 'mail.google.com'));
  });

  it('lets Gmail’s page reach its framed pages only through the per-session URL, never the fixed id', async () => {
    const { context, extensionId } = session();
    await serveGmail(context);
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `chrome-extension://${extensionId}/sidebar.html`);
    // Chromium answers a web-accessible resource asked for by the fixed id with its error page.
    const settled = () => page.frames().some((f) => f.url().startsWith('chrome-error://') || f.url().endsWith('/sidebar.html'));
    await until(settled, 'the frame to load or be refused');
    expect(page.frames().some((f) => f.url().endsWith('/sidebar.html'))).toBe(false);
  });
});
