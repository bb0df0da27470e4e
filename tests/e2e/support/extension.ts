import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const EXTENSION_DIR = resolve(process.env.THREADLINE_OUT_DIR ?? '.output', 'chrome-mv3');
export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Loads a built extension; the rest keeps Chromium from hanging on this closed network. */
const chromiumArgs = (dir: string) => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const CHROMIUM_ARGS = chromiumArgs(EXTENSION_DIR);

export type Session = { context: BrowserContext; extensionId: string; userDataDir: string; close: () => Promise<void> };

/**
 * Chromium with the built extension loaded, headless, on a fresh profile (or `userDataDir` to
 * reopen one and check persistence). The flags keep it from hanging on this closed network.
 */
export async function launchExtension(userDataDir = mkdtempSync(join(tmpdir(), 'threadline-e2e-')), extensionDir = EXTENSION_DIR): Promise<Session> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  // Extension frames inside a https:// page need third-party storage; see MACHINE-FACTS.md.
  const prefs = join(userDataDir, 'Default', 'Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir, close: () => context.close() };
}

export function removeProfile(userDataDir: string) {
  rmSync(userDataDir, { recursive: true, force: true });
}

export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${path}: ${e.message}`));
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits for the element to show, failing with the locator's description if it never does. */
export async function visible(locator: Locator, timeout = 10_000): Promise<boolean> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first().isVisible();
}

/**
 * Chromium with the built extension on a fresh profile whose browser language is `lang` (the
 * --lang flag, the accepted languages and the page locale): what a Spanish or Italian rep runs.
 */
export async function launchInLanguage(lang: 'es' | 'it', label = 'lang'): Promise<{ context: BrowserContext; id: string; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), `threadline-e2e-${label}-${lang}-`));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 }, intl: { accept_languages: lang } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    viewport: { width: 1280, height: 860 },
    args: [...CHROMIUM_ARGS, `--lang=${lang}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, id: new URL(worker.url()).host, profile };
}

/** Reads one object store of the extension's database: for assertions only, never to write. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('threadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
