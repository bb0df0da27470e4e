import { browser } from 'wxt/browser';
import { createThreadHost } from '../../messaging/threadHost';
import { attachComposeView } from './compose';
import { createFrame } from './frame';
import { attempt, toUserEmails } from './normalise';
import type { GlobalSource, SdkSource, ThreadViewSource } from './surface';
import { registerRowLabels } from './rowLabels';
import { registerShortcuts } from './shortcuts';
import { registerRecordSearch } from './recordSearch';
import { attachNavViews } from './navViews';
import type { NavViewsRequest } from '../../messaging/navViews';
import type { RecordSearchRequest } from '../../messaging/recordSearch';
import { createSidebarPanels } from './sidebarPanels';
import { attachThreadView, type AttachedThreadView } from './threadView';

export const ROUTE_ID = 'threadline';
/** InboxSDK's NativeRouteIDs.THREAD, written out: the constant lives in the SDK module this file must not import. */
const THREAD_ROUTE = 'inbox/:threadID';

/**
 * Wires Threadline into a loaded InboxSDK. Every registration is undone when `signal` aborts (the
 * extension was reloaded or updated), so a fresh content script never finds stale buttons,
 * panels or handlers from the old one.
 */
/** `?theme=dark|light` from Gmail's theme, or nothing where the SDK cannot tell. */
export function themeQuery(global: GlobalSource | undefined): string {
  const dark = attempt<boolean | undefined>(() => global?.gmailTheme?.isDarkMode.body, undefined);
  return dark === undefined ? '' : `?theme=${dark ? 'dark' : 'light'}`;
}

export function startThreadline(sdk: SdkSource, signal: AbortSignal) {
  const iconUrl = browser.runtime.getURL('/icon/48.png');
  // Gmail shows at most one custom route at a time, and removes its element on navigation.
  let routeFrame: HTMLIFrameElement | undefined;
  // The CRM page's hash the route opens at: a sidebar card asks for its record's page.
  let routeHash = '';
  // Framed pages follow Gmail's theme (components/theme.ts reads ?theme=); unknown, they follow the system's.
  const page = (path: '/dashboard.html' | '/sidebar.html') => browser.runtime.getURL(path) + themeQuery(sdk.Global);
  const dashboardUrl = () => page('/dashboard.html') + routeHash;
  /** The CRM page at `hash` in the Threadline route (components/shell/router.ts's hashes, written out: that module brings React). */
  const openCrmAt = (hash: string) => {
    routeHash = hash;
    // Already on the route: the frame moves there; else the route handler opens it there.
    if (routeFrame?.isConnected) {
      routeFrame.src = dashboardUrl();
      routeHash = '';
    } else attempt(() => sdk.Router.goto(ROUTE_ID), undefined);
  };
  const openRecord = (recordId: string) => openCrmAt(`#/record/${encodeURIComponent(recordId)}`);
  const host = createThreadHost(signal, undefined, {
    openRecord,
    openThread(threadId) {
      attempt(() => sdk.Router.goto(THREAD_ROUTE, { threadID: threadId }), undefined);
    },
  });
  const panels = createSidebarPanels(attempt(() => sdk.Global, undefined), { sidebarUrl: page('/sidebar.html'), iconUrl, title: 'Threadline', signal });
  // The user's own addresses are never offered as contacts. InboxSDK's User has no alias API (send-as
  // addresses appear only on a compose view), so this is the signed-in address alone.
  const userEmails = () => toUserEmails([attempt(() => sdk.User.getEmailAddress(), '')]);
  // Weak: Gmail drops thread views on its own schedule; a destroyed one answers a request with nothing.
  const threads = new WeakMap<ThreadViewSource, AttachedThreadView>();

  const undo = [
    sdk.Conversations.registerThreadViewHandler((view) => {
      threads.set(view, attachThreadView(view, { host, userEmails, panels, signal }));
    }),
    sdk.Compose.registerComposeViewHandler((view) =>
      attachComposeView(view, { butterBar: sdk.ButterBar, userEmail: () => attempt(() => sdk.User.getEmailAddress(), ''), iconUrl, signal }),
    ),
    sdk.Router.handleCustomRoute(ROUTE_ID, (routeView) => {
      routeFrame = createFrame(dashboardUrl(), 'Threadline', 'calc(100vh - 80px)').el;
      routeHash = '';
      routeView.getElement().replaceChildren(routeFrame);
    }),
  ];
  // Thread toolbar buttons and Gmail shortcuts: log the thread, open its record, add a note, go to Threadline.
  undo.push(
    ...registerShortcuts(sdk, {
      iconUrl,
      request: (view, action) => void (view && threads.get(view))?.request(action),
      goToThreadline: () => openCrmAt(''),
      signal,
    }),
  );
  // Deal stages on the thread lists' rows; undoes itself on abort.
  registerRowLabels(sdk.Lists, signal);
  // Records among the suggestions of Gmail's search box, opened in the Threadline route.
  const askSearch = (query: string) => browser.runtime.sendMessage({ type: 'threadline/search-records', query } satisfies RecordSearchRequest);
  attempt(() => registerRecordSearch(sdk.Search, { ask: askSearch, openRecord, iconUrl, signal }), undefined);
  const navItem = sdk.NavMenu.addNavItem({ name: 'Threadline', routeID: ROUTE_ID, iconUrl });
  // Saved views and pipeline boards under the nav item, opening in the route.
  const askNav = (request: NavViewsRequest) => browser.runtime.sendMessage(request);
  attachNavViews(navItem, { ask: askNav, openView: (viewId) => openCrmAt(`#/view/${encodeURIComponent(viewId)}`), signal });

  signal.addEventListener('abort', () => {
    for (const remove of undo) attempt(remove, undefined);
    attempt(() => navItem.remove(), undefined);
    routeFrame?.remove();
    // Tears down whatever InboxSDK itself added (styles, observers) for this app.
    attempt(() => sdk.destroy(), undefined);
  });
}
