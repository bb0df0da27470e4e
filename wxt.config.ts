import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// Permissions are documented, with the reason for each, in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Parallel test runs (and helpers) build into their own folder; e2e tests read the same variable.
  outDir: process.env.THREADLINE_OUT_DIR ?? '.output',
  manifest: {
    name: 'Threadline',
    description: 'An open-source CRM beside every Gmail thread. Your data stays in your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: ['https://mail.google.com/'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // Framed into Gmail by the content script; the icons are shown by InboxSDK in Gmail's own page.
    web_accessible_resources: [{ resources: ['sidebar.html', 'dashboard.html', 'icon/*.png'], matches: ['https://mail.google.com/*'] }],
  },
  hooks: {
    // InboxSDK's page-world script must sit at the extension root (MV3 forbids loading it remotely).
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve(wxt.config.root, 'node_modules/@inboxsdk/core/pageWorld.js'), relativeDest: 'pageWorld.js' });
    },
  },
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
  },
});
