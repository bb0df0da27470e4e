// Answers InboxSDK's request to inject its page-world script into Gmail (MV3 forbids remote code).
import '@inboxsdk/core/background.js';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { hostToBackgroundSchema, rowLabelsRequestSchema } from '../messaging/protocol';
import { recordSearchRequestSchema } from '../messaging/recordSearch';
import { navViewsRequestSchema } from '../messaging/navViews';
import { navViews } from '../storage/queries/navViews';
import type { ThreadlineDB } from '../storage/db/db';
import { gmailSearchSuggestions } from '../storage/search/gmailSuggestions';
import { rowLabelsFor, watchRowLabels } from '../storage/threads/rowLabels';
import { answerSentEmail } from '../storage/threads/sentEmails';
import { startReminders } from '../storage/reminders/service';
import { startScheduledRules } from '../storage/automations/scheduleService';
import { startRuleNotifications } from '../storage/automations/notifyService';
import { startSyncHost } from '../sync/host';
import { templateRequest } from '../storage/templates/compose';
import { openThreadlineDb } from '../storage/open';
import { followDeviceLocale } from '../storage/settings/locale';

export default defineBackground(() => {
  const db = openThreadlineDb();

  // Notifications speak the language chosen on the CRM page, as the pages do.
  followDeviceLocale(db);

  // Task reminders: alarms for due tasks, notifications that open the task's record.
  startReminders(db, browser);

  // Rules triggered by time (a date reached, a task overdue), looked for once per local day.
  startScheduledRules(db, browser.alarms);
  // A rule's "notify the owner", shown on the owner's own device.
  startRuleNotifications(db, browser);

  // Shared-workspace sync; does nothing in a build without Firebase variables (README).
  startSyncHost(db);

  // `npm run dev` opens the demo inbox, so the product can be tried without a Google account.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.DEV && reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
  });

  // Gmail tabs and the demo inbox show deal stages on thread rows; they ask again when told.
  watchRowLabels(db, browser);

  // The content script never touches the database: Gmail's reads and the events that write come here.
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const read = readFor(raw);
    // A read: Gmail's content script, or the demo inbox (an extension page of our own).
    if (read && (sender.url?.startsWith('https://mail.google.com/') || sender.url?.startsWith(browser.runtime.getURL('/')))) {
      read.answer(db).then(sendResponse, (e: unknown) => {
        console.error(`Threadline: could not read ${read.what}`, e);
        sendResponse(read.empty);
      });
      return true;
    }
    const parsed = hostToBackgroundSchema.safeParse(raw);
    // Sent mail: Gmail's content script, or the demo inbox's compose (our own page, running the
    // same compose.ts). A content script cannot forge sender.url, so no web page passes as ours.
    const fromHost = sender.url?.startsWith('https://mail.google.com/') || sender.url?.startsWith(browser.runtime.getURL('/'));
    if (!parsed.success || !fromHost) return undefined;
    answerSentEmail(db, parsed.data).then(sendResponse, (e: unknown) => {
      console.error('Threadline: could not log a sent email', e);
      sendResponse({ logged: false, recordCount: 0 });
    });
    return true;
  });
});

type Read = { what: string; answer: (db: ThreadlineDB) => Promise<unknown>; empty: unknown };

/** The reads Gmail's surfaces ask for: deal stages for thread rows, records for the search box, views for the nav, compose templates. */
function readFor(raw: unknown): Read | undefined {
  const rows = rowLabelsRequestSchema.safeParse(raw);
  if (rows.success) return { what: 'row labels', answer: async (db) => ({ labels: await rowLabelsFor(db, rows.data.threadIds) }), empty: { labels: {} } };
  const search = recordSearchRequestSchema.safeParse(raw);
  if (search.success) return { what: 'search suggestions', answer: (db) => gmailSearchSuggestions(db, search.data.query), empty: { hits: [] } };
  if (navViewsRequestSchema.safeParse(raw).success) return { what: 'saved views', answer: navViews, empty: { views: [] } };
  // Compose: the templates filled in for its recipients, and a template's use counted.
  return templateRequest(raw);
}
