import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { hostToSidebarSchema, parseThreadContext, type SidebarToHost } from '../../messaging/protocol';
import type { ThreadContext } from '../../messaging/threadContext';
import { sendToHost } from './host';

export type ThreadState =
  | { status: 'waiting' }
  | { status: 'closed' }
  | { status: 'invalid'; reason: string }
  | { status: 'open'; context: ThreadContext; logRequests: number; openRequests: number; noteRequests: number };

/**
 * The thread open beside this sidebar, from its host page over runtime messaging. Only messages
 * from this tab's top frame count: with several Gmail tabs, every sidebar hears every tab.
 */
export function useThreadContext(): ThreadState {
  const [state, setState] = useState<ThreadState>({ status: 'waiting' });

  useEffect(() => {
    let tabId: number | undefined;
    const apply = (raw: unknown) => {
      const parsed = hostToSidebarSchema.safeParse(raw);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'threadline/thread-opened') {
        performance.clearMarks();
        performance.mark('thread-open');
        const result = parseThreadContext(msg.context);
        setState(result.ok ? { status: 'open', context: result.context, logRequests: 0, openRequests: 0, noteRequests: 0 } : { status: 'invalid', reason: result.reason });
      } else if (msg.type === 'threadline/thread-closed') {
        setState((s) => (s.status === 'open' && s.context.threadId !== msg.threadId ? s : { status: 'closed' }));
      } else {
        // A request for this thread: counted, so each keypress or click acts once (ThreadPanel).
        const counter = msg.type === 'threadline/log-email-requested' ? 'logRequests' : msg.type === 'threadline/open-record-requested' ? 'openRequests' : 'noteRequests';
        setState((s) => (s.status === 'open' && s.context.threadId === msg.threadId ? { ...s, [counter]: s[counter] + 1 } : s));
      }
    };
    const listener = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      if (tabId !== undefined && sender.tab?.id === tabId && (sender.frameId ?? 0) === 0) apply(raw);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    void (async () => {
      tabId = (await browser.tabs.getCurrent())?.id;
      if (tabId === undefined) return;
      // The benchmark's start of a booted frame that can hear its host (bench/sidebar.ts, firstAfterBoot).
      performance.mark('sidebar-listening');
      const ready: SidebarToHost = { type: 'threadline/sidebar-ready' };
      const reply = await sendToHost(ready);
      if (reply) apply(reply);
    })();
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  return state;
}
