import { navViewsReplySchema, type NavView, type NavViewsRequest } from '../../messaging/navViews';
import { attempt } from './normalise';
import type { NavItemSource } from './surface';

export type NavViewsDeps = {
  /** Sends a request to the background; resolves with its unparsed reply. */
  ask: (request: NavViewsRequest) => Promise<unknown>;
  openView: (viewId: string) => void;
  signal: AbortSignal;
};

/**
 * The workspace's saved views (pipeline boards among them) as children of Gmail's Threadline nav
 * item, each opening in the Threadline route. Read when Gmail loads and again whenever the tab
 * comes back into view (views change on the CRM page, seldom, and never while Gmail is looked at);
 * a reply that does not parse leaves the children as they were.
 */
export function attachNavViews(parent: NavItemSource, deps: NavViewsDeps): void {
  let children: { remove(): void }[] = [];
  let shown = '';
  const clear = () => {
    for (const child of children) attempt(() => child.remove(), undefined);
    children = [];
  };
  const show = (views: NavView[]) => {
    const key = JSON.stringify(views);
    if (key === shown || deps.signal.aborted) return;
    clear();
    shown = key;
    for (const view of views) {
      const name = view.name || view.folder;
      const child = attempt(() => parent.addNavItem({ name: view.folder && view.name ? `${view.name} · ${view.folder}` : name, onClick: () => deps.openView(view.viewId) }), undefined);
      if (child) children.push(child);
    }
  };
  const refresh = async () => {
    const reply = navViewsReplySchema.safeParse(await deps.ask({ type: 'threadline/nav-views' }).catch(() => undefined));
    if (reply.success) show(reply.data.views);
  };
  void refresh();
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void refresh(), { signal: deps.signal });
  deps.signal.addEventListener('abort', clear);
}
