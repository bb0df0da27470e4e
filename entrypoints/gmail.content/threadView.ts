import type { ThreadAction, ThreadHost } from '../../messaging/threadHost';
import { attempt } from './normalise';
import { readThread } from './readThread';
import type { SidebarPanels } from './sidebarPanels';
import type { MessageViewSource, ThreadViewSource } from './surface';

export type ThreadViewDeps = {
  host: ThreadHost;
  userEmails: () => string[];
  panels: SidebarPanels;
  /** Aborted when the content script is invalidated. */
  signal: AbortSignal;
};

/**
 * One open thread: where its sidebar shows (sidebarPanels.ts), and the ThreadContext sent to the
 * sidebar whenever what we can read changes (a collapsed message loads). Everything is undone
 * when Gmail destroys the view, and nothing is sent for a view destroyed before its data arrived.
 */
export function attachThreadView(view: ThreadViewSource, deps: ThreadViewDeps) {
  const closed = new AbortController();
  const panel = deps.panels.forThread(view);
  // Kept once placed, so closing gives it back at once; a view gone before then gives it back on arrival.
  let placed: { release(): void } | undefined;
  void panel.then((p) => (closed.signal.aborted ? p.release() : (placed = p)), () => undefined);
  const watched = new Set<MessageViewSource>();
  let threadId: string | undefined;
  let generation = 0;

  const publish = async () => {
    const mine = ++generation;
    try {
      watchUnloaded();
    } catch {
      // Later loads would go unnoticed; what is readable now is still worth sending.
    }
    const context = await readThread(view, deps.userEmails());
    // A newer read supersedes this one; a closed view or dead script sends nothing.
    if (mine !== generation || closed.signal.aborted) return;
    threadId = context.threadId;
    deps.host.threadOpened(context, context.threadId);
  };
  const refresh = () => void publish().catch(() => undefined);
  const onMessageLoad = () => refresh();

  function watchUnloaded() {
    for (const message of view.getMessageViewsAll()) {
      if (watched.has(message) || message.isLoaded()) continue;
      watched.add(message);
      message.on('load', onMessageLoad);
    }
  }

  const dispose = () => {
    if (closed.signal.aborted) return false;
    closed.abort();
    for (const message of watched) message.removeListener('load', onMessageLoad);
    view.removeListener('destroy', onDestroy);
    deps.signal.removeEventListener('abort', dispose);
    placed?.release();
    return true;
  };
  // On invalidation only dispose: the extension's messaging is gone, and the sidebar with it.
  function onDestroy() {
    if (dispose() && threadId !== undefined) deps.host.threadClosed(threadId);
  }

  view.on('destroy', onDestroy);
  deps.signal.addEventListener('abort', dispose);
  refresh();

  return {
    /** Opens the panel and asks the sidebar to log the thread, open its record or start a note, once its page can hear it. */
    async request(action: 'log' | ThreadAction) {
      if (closed.signal.aborted) return;
      const { frame, open } = await panel;
      open();
      const id = threadId ?? (await view.getThreadIDAsync().catch(() => ''));
      await frame.loaded;
      if (!id || closed.signal.aborted) return;
      if (action === 'log') return deps.host.logEmailRequested(id);
      // Gmail's page holds the shortcut's user activation, not the sidebar's frame: focusing the
      // frame from here lets the note box inside it take the caret even where a browser refuses
      // focus() from a cross-origin frame that has no activation of its own.
      if (action === 'note') attempt(() => frame.el.focus(), undefined);
      deps.host.actionRequested(action, id);
    },
  };
}
export type AttachedThreadView = ReturnType<typeof attachThreadView>;
