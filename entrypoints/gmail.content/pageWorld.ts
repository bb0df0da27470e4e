/**
 * InboxSDK's page-world script, which must sit at the extension root (MV3 forbids loading it
 * remotely): wxt.config.ts copies it there at build time. Named here, beside the only code that
 * uses InboxSDK.
 */
export const INBOXSDK_PAGE_WORLD = { source: 'node_modules/@inboxsdk/core/pageWorld.js', dest: 'pageWorld.js' } as const;
