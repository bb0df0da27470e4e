import { browser, type Browser } from 'wxt/browser';
import { sidebarToHostSchema, type HostToSidebar, type OpenRecordReply } from './protocol';
import type { ThreadContext } from './threadContext';

/**
 * The thread-showing side of the sidebar protocol, shared by the Gmail content script and the
 * demo inbox so both drive the sidebar with exactly the same messages. It remembers the open
 * thread and answers a sidebar that (re)loads and asks for it.
 */
export type ThreadHostOptions = {
  /** Shows a record's page when the sidebar asks (a card's name was clicked). */
  openRecord?: (recordId: string) => void;
  /** Shows a thread (a recently logged thread was clicked in the sidebar's home). */
  openThread?: (threadId: string) => void;
};

/** What a Gmail shortcut can ask of the sidebar beside a thread, beyond logging it. */
export type ThreadAction = 'open' | 'note';

export function createThreadHost(signal: AbortSignal, acceptSender: (sender: Browser.runtime.MessageSender) => boolean = () => true, options: ThreadHostOptions = {}) {
  let current: ThreadContext | unknown;
  let currentThreadId: string | undefined;

  const send = (message: HostToSidebar) => {
    // No sidebar listening (not yet loaded) is normal: it asks with sidebar-ready when it loads.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: HostToSidebar | OpenRecordReply | undefined) => void) => {
    const parsed = sidebarToHostSchema.safeParse(raw);
    if (!parsed.success || !acceptSender(sender)) return undefined;
    if (parsed.data.type === 'threadline/open-record') {
      options.openRecord?.(parsed.data.recordId);
      sendResponse({ opened: options.openRecord !== undefined });
      return undefined;
    }
    if (parsed.data.type === 'threadline/open-thread') {
      options.openThread?.(parsed.data.threadId);
      sendResponse({ opened: options.openThread !== undefined });
      return undefined;
    }
    sendResponse(current === undefined ? undefined : { type: 'threadline/thread-opened', context: current });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  return {
    /** `context` may be invalid (a changed Gmail DOM): the sidebar parses it and says so. */
    threadOpened(context: ThreadContext | unknown, threadId: string) {
      current = context;
      currentThreadId = threadId;
      send({ type: 'threadline/thread-opened', context });
    },
    threadClosed(threadId: string) {
      if (currentThreadId !== threadId) return;
      current = undefined;
      currentThreadId = undefined;
      send({ type: 'threadline/thread-closed', threadId });
    },
    logEmailRequested(threadId: string) {
      send({ type: 'threadline/log-email-requested', threadId });
    },
    /** A shortcut asked for the thread's record (its deal, else its first person) or for a note on it. */
    actionRequested(action: ThreadAction, threadId: string) {
      send({ type: action === 'open' ? 'threadline/open-record-requested' : 'threadline/note-requested', threadId });
    },
  };
}
export type ThreadHost = ReturnType<typeof createThreadHost>;
