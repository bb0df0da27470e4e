import type {
  ButterMessage,
  ComposeViewSource,
  CustomRouteViewSource,
  NavItemSource,
  SdkSource,
  SearchSuggestion,
  ThreadRowViewSource,
  ThreadButtonDescriptor,
  ThreadViewSource,
} from '../../../entrypoints/gmail.content/surface';
import type { FakeComposeView, FakePanel, FakeThreadView } from './fakeViews';

export * from './fakeViews';

/** A hand-written fake of exactly the InboxSDK surface in entrypoints/gmail.content/surface.ts. */
type Registration<T> = { value: T; removed: boolean };

export class FakeSdk implements SdkSource {
  readonly threadHandlers: Registration<(view: ThreadViewSource) => void>[] = [];
  readonly rowHandlers: Registration<(row: ThreadRowViewSource) => void>[] = [];
  readonly composeHandlers: Registration<(view: ComposeViewSource) => void>[] = [];
  readonly threadButtons: Registration<ThreadButtonDescriptor>[] = [];
  readonly navItems: Registration<{ name: string; routeID: string; iconUrl: string }>[] = [];
  /** Children added under nav items, in order (removed ones stay, marked). */
  readonly navChildren: Registration<{ name: string; onClick(): void }>[] = [];
  readonly routes: Registration<{ routeID: string; handler: (view: CustomRouteViewSource) => void }>[] = [];
  readonly butterMessages: { kind: 'message' | 'error'; message: ButterMessage; destroyed: boolean }[] = [];
  destroyed = false;
  userEmail = 'me@example.com';

  private register<T>(list: Registration<T>[], value: T) {
    const entry = { value, removed: false };
    list.push(entry);
    return () => {
      entry.removed = true;
    };
  }
  private butter(kind: 'message' | 'error') {
    return (message: ButterMessage) => {
      const entry = { kind, message, destroyed: false };
      this.butterMessages.push(entry);
      return { destroy: () => void (entry.destroyed = true) };
    };
  }

  Conversations = { registerThreadViewHandler: (h: (view: ThreadViewSource) => void) => this.register(this.threadHandlers, h) };
  Lists = { registerThreadRowViewHandler: (h: (row: ThreadRowViewSource) => void) => this.register(this.rowHandlers, h) };
  /** Search suggestion providers, as registered (InboxSDK keeps them for the page's life). */
  readonly searchProviders: ((query: string) => Promise<SearchSuggestion[]>)[] = [];
  Search = { registerSearchSuggestionsProvider: (p: (query: string) => Promise<SearchSuggestion[]>) => void this.searchProviders.push(p) };
  Compose = { registerComposeViewHandler: (h: (view: ComposeViewSource) => void) => this.register(this.composeHandlers, h) };
  Toolbars = { registerThreadButton: (d: ThreadButtonDescriptor) => this.register(this.threadButtons, d) };
  /** Shortcut handles, as created (a removed one is marked). */
  readonly shortcuts: { chord: string; description: string; removed: boolean }[] = [];
  Keyboard = {
    createShortcutHandle: (d: { chord: string; description: string }) => {
      const entry = { ...d, removed: false };
      this.shortcuts.push(entry);
      return { remove: () => void (entry.removed = true) };
    },
  };
  NavMenu = {
    addNavItem: (d: { name: string; routeID: string; iconUrl: string }) => fakeNavItem(this.register(this.navItems, d), this.navChildren),
  };
  Router = {
    handleCustomRoute: (routeID: string, handler: (view: CustomRouteViewSource) => void) => this.register(this.routes, { routeID, handler }),
    goto: (routeID: string, params?: Record<string, string>) => {
      this.gotos.push(params ? `${routeID} ${JSON.stringify(params)}` : routeID);
    },
  };
  /**
   * Gmail's global sidebar: 'none' answers null (a layout without it), 'throws' rejects, and
   * 'available' places the panel; `globalAnswer` resolves the call, for tests that hold it back.
   */
  globalSidebar: 'none' | 'throws' | 'available' = 'none';
  readonly globalPanels: FakePanel[] = [];
  globalAnswer: Promise<void> = Promise.resolve();
  Global = {
    addSidebarContentPanel: async (descriptor: FakePanel['descriptor']) => {
      await this.globalAnswer;
      if (this.globalSidebar === 'throws') throw new Error('no app sidebar in this layout');
      if (this.globalSidebar === 'none') return null;
      const panel: FakePanel = { descriptor, removed: false, opened: 0 };
      this.globalPanels.push(panel);
      return { remove: () => void (panel.removed = true), open: () => void panel.opened++ };
    },
  };
  /** Routes Router.goto was asked for, in order. */
  readonly gotos: string[] = [];
  ButterBar = { showMessage: this.butter('message'), showError: this.butter('error') };
  User = { getEmailAddress: () => this.userEmail };
  destroy() {
    this.destroyed = true;
  }

  /** What InboxSDK does when Gmail shows a thread or opens a compose window. */
  openThread(view: FakeThreadView) {
    for (const h of this.threadHandlers) if (!h.removed) h.value(view);
  }
  /** Gmail drawing a list: every row's handler call in one go, as InboxSDK does. */
  showRows(rows: readonly ThreadRowViewSource[]) {
    for (const row of rows) for (const h of this.rowHandlers) if (!h.removed) h.value(row);
  }
  openCompose(view: FakeComposeView) {
    for (const h of this.composeHandlers) if (!h.removed) h.value(view);
  }
}

/** A nav item whose children are recorded in `children`; each child is a nav item too. */
function fakeNavItem(remove: () => void, children: Registration<{ name: string; onClick(): void }>[]): NavItemSource {
  return {
    remove,
    addNavItem: (d) => {
      const entry = { value: d, removed: false };
      children.push(entry);
      return fakeNavItem(() => void (entry.removed = true), children);
    },
  };
}

/** Lets pending promise chains (fake async APIs, the content script's awaits) run to the end. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
