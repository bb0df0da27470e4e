// Answers InboxSDK's request to inject its page-world script into Gmail (MV3 forbids remote code).
import '@inboxsdk/core/background.js';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // `npm run dev` opens the CRM page, so the product can be tried without a Google account.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.DEV && reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  });
});
