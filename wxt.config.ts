import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { addSyncManifest } from './sync/config';
import { INBOXSDK_PAGE_WORLD } from './entrypoints/gmail.content/pageWorld';

// Permissions are documented, with the reason for each, in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Parallel test runs (and helpers) build into their own folder; e2e tests read the same variable.
  outDir: process.env.THREADLINE_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Threadline',
    description: 'An open-source CRM beside every Gmail thread. Your data stays in your browser.',
    permissions: ['unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: ['https://mail.google.com/'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // Framed into Gmail by the content script; the icons are shown by InboxSDK in Gmail's own page.
    // Dynamic URLs (runtime.getURL gives a per-session id): a page cannot frame or probe them by the
    // extension's fixed id, so Gmail's scripts cannot detect Threadline or load its pages themselves.
    web_accessible_resources: [{ resources: ['sidebar.html', 'dashboard.html', 'icon/*.png'], matches: ['https://mail.google.com/*'], use_dynamic_url: true }],
    // Firefox needs a stable add-on id and the data-collection declaration (nothing leaves the browser
    // unless the user joins a shared workspace, which is the user's own Firebase project).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'threadline@threadline.dev', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // The demo inbox is for `npm run dev` and the e2e tests; store packages (THREADLINE_RELEASE=1,
    // `npm run zip`) leave it out. It is not web-accessible in any build.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (process.env.THREADLINE_RELEASE !== '1') return;
      for (const entry of entrypoints) if (entry.name === 'demo') entry.skipped = true;
    },
    // Sync permissions (identity, offscreen) and the OAuth client exist only in builds with Firebase variables.
    'build:manifestGenerated': (wxt, manifest) => addSyncManifest(manifest, process.env, wxt.config.browser),
    // InboxSDK's page-world script must sit at the extension root (MV3 forbids loading it remotely).
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve(wxt.config.root, INBOXSDK_PAGE_WORLD.source), relativeDest: INBOXSDK_PAGE_WORLD.dest });
    },
  },
  // `npm run dev` opens this browser with the extension loaded (Chromium as Debian installs it).
  webExt: {
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    // Chromium refuses to start as root without this (containers, CI boxes); harmless otherwise.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
