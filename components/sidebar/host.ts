import { browser } from 'wxt/browser';
import { openRecordReplySchema, type SidebarToHost } from '../../messaging/protocol';
import { routeHref } from '../shell/router';

/** The demo inbox is an extension page; Gmail is not. Each host is reached differently. */
export function hostIsExtensionPage(): boolean {
  const parent = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : '');
  return parent === location.origin;
}

/** Sends `message` to the page hosting this sidebar (frame 0 of its tab); the reply, or undefined when nobody answers. */
export async function sendToHost(message: SidebarToHost): Promise<unknown> {
  if (hostIsExtensionPage()) return browser.runtime.sendMessage(message).catch(() => undefined);
  const tabId = (await browser.tabs.getCurrent())?.id;
  if (tabId === undefined) return undefined;
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

/** The CRM page at a record, as an address of the extension. */
export const recordUrl = (recordId: string) => browser.runtime.getURL('/dashboard.html') + routeHref({ page: 'record', recordId });

/**
 * Opens a record's page: the host shows it (Gmail: the Threadline route at that record; the demo
 * inbox: the CRM page). A host that does not answer (an older content script) gets a new tab.
 */
export async function openRecord(recordId: string): Promise<void> {
  const reply = openRecordReplySchema.safeParse(await sendToHost({ type: 'threadline/open-record', recordId }));
  if (!reply.success || !reply.data.opened) window.open(recordUrl(recordId), '_blank', 'noopener');
}

/**
 * Shows a thread in the host: Gmail opens it, the demo inbox selects it. A host that does not
 * answer (an older content script) gets Gmail's address for the thread in a new tab.
 */
export async function openThread(threadId: string): Promise<void> {
  const reply = openRecordReplySchema.safeParse(await sendToHost({ type: 'threadline/open-thread', threadId }));
  if (!reply.success || !reply.data.opened) window.open(`https://mail.google.com/mail/#all/${encodeURIComponent(threadId)}`, '_blank', 'noopener');
}
