import { defineConfig } from 'wxt';

// Permissions are documented, with the reason for each, in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Threadline',
    description: 'An open-source CRM beside every Gmail thread. Your data stays in your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: ['https://mail.google.com/'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
  },
});
