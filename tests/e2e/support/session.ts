import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension, launchInLanguage, removeProfile, type Session } from './extension';

/** The live session of a describe block; `restart()` reopens its profile as a browser restart would. */
export type SessionAccessor = (() => Session) & { restart: () => Promise<Session> };

/**
 * One Chromium with the built extension for the enclosing describe block: launched on a fresh
 * profile before its first test, closed and the profile removed after its last. Call it inside
 * `describe`; hooks registered after it run after the launch, so they can use the session.
 */
export function useExtensionSession(): SessionAccessor {
  let session: Session | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    session = await launchExtension();
    profile = session.userDataDir;
  });
  afterAll(async () => {
    await session?.close();
    if (profile) removeProfile(profile);
  });

  const current = () => {
    if (!session) throw new Error('No extension session: useExtensionSession() runs its launch in beforeAll');
    return session;
  };
  return Object.assign(current, {
    async restart() {
      await current().close();
      session = await launchExtension(profile);
      return session;
    },
  });
}

/** A browser of one language for a describe block, and a way to open one of the extension's pages in it. */
export type LanguageBrowser = { context: BrowserContext; id: string; profile: string; open: (path: string) => Promise<Page> };

/**
 * `useExtensionSession` for a Spanish or Italian browser (support/extension.ts launchInLanguage):
 * launched before the block's first test, closed and its profile removed after its last.
 */
export function useLanguageBrowser(lang: 'es' | 'it', label: string): () => LanguageBrowser {
  let browser: LanguageBrowser | undefined;
  beforeAll(async () => {
    const launched = await launchInLanguage(lang, label);
    browser = {
      ...launched,
      async open(path) {
        const page = await launched.context.newPage();
        page.on('pageerror', (e) => console.error(`[page error] ${path}: ${e.message}`));
        await page.goto(`chrome-extension://${launched.id}/${path}`);
        return page;
      },
    };
  });
  afterAll(async () => {
    await browser?.context.close();
    if (browser) removeProfile(browser.profile);
  });
  return () => {
    if (!browser) throw new Error('No browser: useLanguageBrowser() launches it in beforeAll');
    return browser;
  };
}
