import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, readStore, removeProfile, type Session } from './support/extension';

/**
 * Chrome's sync host in a build with Firebase settings (fake ones: nothing can sign in here). The
 * background opens the offscreen document with the WORKERS reason; the document spawns the worker
 * that runs the engine. The engine's first act with nobody signed in is to write the signed-out
 * status every page shows, so that status proves Firebase Auth and Dexie came up in the worker.
 */
const FAKE_FIREBASE = {
  WXT_FIREBASE_API_KEY: 'e2e-not-a-key',
  WXT_FIREBASE_AUTH_DOMAIN: 'threadline-e2e.firebaseapp.com',
  WXT_FIREBASE_PROJECT_ID: 'threadline-e2e',
  WXT_FIREBASE_APP_ID: '1:0:web:0',
};

type Runtime = { getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };

/** Runs in the service worker: the offscreen documents Chrome holds for the extension. */
async function offscreenDocuments(): Promise<string[]> {
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((c) => c.documentUrl ?? '');
}

describe('the Chrome sync host', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'threadline-sync-build-'));
  const extensionDir = join(outDir, 'chrome-mv3');
  let session: Session;

  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, ...FAKE_FIREBASE, THREADLINE_OUT_DIR: outDir }, stdio: 'pipe' });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    if (session) removeProfile(session.userDataDir);
  });

  it('asks for the offscreen permission and keeps the engine out of the document', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(manifest.permissions).toEqual(expect.arrayContaining(['offscreen', 'identity']));
    const documentHtml = readFileSync(join(extensionDir, 'offscreen.html'), 'utf8');
    const script = /src="\/?([^"]+\.js)"/.exec(documentHtml)?.[1];
    expect(script).toBeDefined();
    const documentJs = readFileSync(join(extensionDir, script!), 'utf8');
    expect(documentJs).toMatch(/new Worker/);
    expect(documentJs).not.toMatch(/firestore/i);
  });

  it('runs the engine in the worker the offscreen document spawns', async () => {
    session = await launchExtension(undefined, extensionDir);
    const background = session.context.serviceWorkers()[0]!;
    await expect
      .poll(() => background.evaluate(offscreenDocuments), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/\/offscreen\.html$/)]);
    const page = await openExtensionPage(session, 'dashboard.html');
    await expect
      .poll(async () => (await readStore<{ key: string; value: { state: string } }>(page, 'syncState')).find((row) => row.key === 'status')?.value.state, { timeout: 30_000 })
      .toBe('signedOut');
  });
});
