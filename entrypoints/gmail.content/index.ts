// The only module allowed to import InboxSDK (ARCHITECTURE.md §1); everything else in this folder
// works on the small surface in surface.ts so it can be tested with a fake.
// First: InboxSDK's telemetry is stopped before any SDK code runs (telemetryGuard.ts says why).
import './telemetryGuard';
import * as InboxSDK from '@inboxsdk/core';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startThreadline } from './start';
import type { SdkSource } from './surface';

/**
 * WXT_INBOXSDK_APP_ID (build-time env, e.g. in .env.local): the app id registered with InboxSDK,
 * shaped `sdk_<name>_<10 hex>`. Without it a development id is used; InboxSDK still loads but
 * shows a developer-warning bar in Gmail.
 */
const DEVELOPMENT_APP_ID = 'threadline-development';
const envAppId: unknown = import.meta.env.WXT_INBOXSDK_APP_ID;
const APP_ID = typeof envAppId === 'string' && envAppId.trim() ? envAppId.trim() : DEVELOPMENT_APP_ID;

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_end',
  async main(ctx) {
    let sdk: InboxSDK.InboxSDK;
    try {
      sdk = await InboxSDK.load(2, APP_ID, {
        appName: 'Threadline',
        appIconUrl: browser.runtime.getURL('/icon/128.png'),
        // The CRM is the user's data: no usage events or error reports to InboxSDK's servers. These
        // two stop only part of it; telemetryGuard.ts stops the rest.
        eventTracking: false,
        globalErrorLogging: false,
      });
    } catch (error) {
      console.error('Threadline: InboxSDK did not load', error);
      return;
    }
    // Invalidated while InboxSDK was loading: nothing was registered, only the SDK to tear down.
    if (ctx.isInvalid) return sdk.destroy();
    // Compile-time proof that the real SDK offers everything the fake in the tests stands in for.
    const surface: SdkSource = sdk;
    startThreadline(surface, ctx.signal);
  },
});
