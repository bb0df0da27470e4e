import { createFrame, type Frame } from './frame';
import { attempt } from './normalise';
import type { ContentPanelSource, GlobalSource, ThreadViewSource } from './surface';

// Gmail gives the sidebar panel no height of its own; this fills the column below Gmail's header.
const SIDEBAR_HEIGHT = 'calc(100vh - 140px)';

/** Where one thread's sidebar shows: the tab's one frame, or (fallback) a frame of the thread's own. */
export type ThreadPanel = {
  frame: Frame;
  open(): void;
  /** Called when the thread view goes: removes the panel only if it was the thread's own. */
  release(): void;
};

export type SidebarPanels = { forThread(view: ThreadViewSource): Promise<ThreadPanel> };

export type SidebarPanelOptions = { sidebarUrl: string; iconUrl: string; title: string; signal: AbortSignal };

/**
 * One sidebar frame per Gmail tab, in Gmail's global sidebar panel: it boots once, and each
 * opened thread is a message to it, not a new page (a new frame costs a parse of the sidebar's
 * JavaScript, React's boot and a cold database). Where Gmail offers no global panel (null, or
 * the call fails), every thread gets a panel and a frame of its own, as before.
 */
export function createSidebarPanels(global: GlobalSource | undefined, options: SidebarPanelOptions): SidebarPanels {
  const shared = mountShared(global, options);
  const ownPanel = (view: ThreadViewSource): ThreadPanel => {
    const frame = createFrame(options.sidebarUrl, options.title, SIDEBAR_HEIGHT);
    const panel = view.addSidebarContentPanel({ el: frame.el, title: options.title, iconUrl: options.iconUrl });
    return { frame, open: () => panel.open(), release: () => attempt(() => panel.remove(), undefined) };
  };
  return {
    async forThread(view) {
      const one = await shared;
      return one ? { frame: one.frame, open: () => attempt(() => one.panel.open(), undefined), release: () => undefined } : ownPanel(view);
    },
  };
}

async function mountShared(global: GlobalSource | undefined, options: SidebarPanelOptions): Promise<{ frame: Frame; panel: ContentPanelSource } | undefined> {
  if (!global || options.signal.aborted) return undefined;
  const frame = createFrame(options.sidebarUrl, options.title, SIDEBAR_HEIGHT);
  let panel: ContentPanelSource | null = null;
  try {
    panel = await global.addSidebarContentPanel({ el: frame.el, title: options.title, iconUrl: options.iconUrl });
  } catch {
    // An SDK or Gmail layout without the global sidebar: the per-thread fallback.
  }
  if (!panel) return undefined;
  const mounted = panel;
  if (options.signal.aborted) attempt(() => mounted.remove(), undefined);
  else options.signal.addEventListener('abort', () => attempt(() => mounted.remove(), undefined));
  return options.signal.aborted ? undefined : { frame, panel: mounted };
}
