/**
 * The exact part of InboxSDK that Threadline uses, written down so the rest of this folder can be
 * tested against a hand-written fake. index.ts checks at compile time that the real SDK fits it.
 * Types are deliberately looser than InboxSDK's own where Gmail's DOM can hand back null.
 */

/** A contact as Gmail reports it: either part may be missing or odd. */
export type ContactSource = { name?: string | null; emailAddress?: string | null };

export type MessageViewSource = {
  isLoaded(): boolean;
  /** Throws until the message is loaded. */
  getSender(): ContactSource;
  getRecipientsFull(): Promise<ContactSource[]>;
  getMessageIDAsync(): Promise<string>;
  /** Gmail's date tooltip, e.g. "Thu, Feb 27, 2025, 3:45 PM"; localised. */
  getDateString(): string;
  getBodyElement(): HTMLElement;
  on(event: 'load', listener: () => void): unknown;
  removeListener(event: 'load', listener: () => void): unknown;
};

export type ContentPanelSource = { remove(): void; open(): void };

export type ContentPanelDescriptor = { el: HTMLElement; title: string; iconUrl: string };

/** Gmail-wide surfaces. The global sidebar panel is null where Gmail's layout has no app sidebar. */
export type GlobalSource = {
  addSidebarContentPanel(descriptor: ContentPanelDescriptor): Promise<ContentPanelSource | null>;
  /** Gmail's theme: `body` is the mail area's, where Threadline's panel and route sit. May throw before Gmail has drawn. */
  readonly gmailTheme?: { isDarkMode: { frame: boolean; body: boolean } };
};

export type ThreadViewSource = {
  getThreadIDAsync(): Promise<string>;
  getSubject(): string;
  getMessageViewsAll(): MessageViewSource[];
  addSidebarContentPanel(descriptor: ContentPanelDescriptor): ContentPanelSource;
  on(event: 'destroy', listener: () => void): unknown;
  removeListener(event: 'destroy', listener: () => void): unknown;
};

export type SentEventSource = { getThreadID(): Promise<string>; getMessageID(): Promise<string> };

/** InboxSDK's DropdownView: an element it places under the button that opened it. */
export type DropdownSource = { el: HTMLElement; close(): void; on(event: 'destroy', listener: () => void): unknown };

/** A compose toolbar button (InboxSDK's ComposeButtonDescriptor); with `hasDropdown` each click brings a dropdown. */
export type ComposeButtonDescriptor = {
  title: string;
  iconUrl: string;
  hasDropdown?: boolean;
  type?: 'MODIFIER';
  orderHint?: number;
  onClick(event: { dropdown?: DropdownSource | null }): void;
};

export type ComposeViewSource = {
  getFromContact(): ContactSource;
  getToRecipients(): ContactSource[];
  getCcRecipients(): ContactSource[];
  getSubject(): string;
  getTextContent(): string;
  /** A strip under the compose that InboxSDK leaves to us (removed with the compose). */
  addStatusBar(descriptor?: { height?: number; orderHint?: number }): { el: HTMLElement; destroy(): void };
  /** Removed with the compose. */
  addButton(descriptor: ComposeButtonDescriptor): unknown;
  /** At the body's last caret position (InboxSDK remembers it while focus is elsewhere, e.g. in a dropdown). */
  insertHTMLIntoBodyAtCursor(html: string): unknown;
  setSubject(subject: string): void;
  /** The thread a reply belongs to; '' (or a throw) for a new message. */
  getThreadID?(): string;
  on(event: 'presending', listener: () => void): unknown;
  on(event: 'sent', listener: (event: SentEventSource) => void): unknown;
  on(event: 'destroy', listener: () => void): unknown;
  removeListener(event: 'presending', listener: () => void): unknown;
  removeListener(event: 'sent', listener: (event: SentEventSource) => void): unknown;
  removeListener(event: 'destroy', listener: () => void): unknown;
};

export type ButterMessage = {
  text: string;
  buttons?: { title: string; onClick(): void }[];
  messageKey?: string;
  time?: number;
  hideOnViewChanged?: boolean;
};
export type ButterBarSource = {
  showMessage(message: ButterMessage): { destroy(): void };
  showError(message: ButterMessage): { destroy(): void };
};

export type CustomRouteViewSource = { getElement(): HTMLElement };

/** A shortcut shown in Gmail's help (InboxSDK's KeyboardShortcutHandle); a button it is given to fires on it. */
export type ShortcutHandleSource = { remove(): void };

export type ThreadButtonDescriptor = {
  title: string;
  iconUrl: string;
  positions: ('THREAD' | 'ROW' | 'LIST')[];
  /** 'OTHER': in the thread toolbar's "More" menu rather than on the bar. */
  threadSection?: 'OTHER';
  keyboardShortcutHandle?: ShortcutHandleSource;
  onClick(event: { selectedThreadViews: ThreadViewSource[] }): void;
};

export type SdkSource = {
  Conversations: { registerThreadViewHandler(handler: (view: ThreadViewSource) => void): () => void };
  Compose: { registerComposeViewHandler(handler: (view: ComposeViewSource) => void): () => void };
  Toolbars: { registerThreadButton(descriptor: ThreadButtonDescriptor): () => void };
  Keyboard: { createShortcutHandle(descriptor: { chord: string; description: string }): ShortcutHandleSource };
  NavMenu: { addNavItem(descriptor: { name: string; routeID: string; iconUrl: string }): NavItemSource };
  Router: {
    handleCustomRoute(routeID: string, handler: (view: CustomRouteViewSource) => void): () => void;
    /** `params` fill the route's placeholders, e.g. Gmail's thread route 'inbox/:threadID'. */
    goto(routeID: string, params?: Record<string, string>): unknown;
  };
  Global: GlobalSource;
  Lists: ListsSource;
  Search: SearchSource;
  ButterBar: ButterBarSource;
  User: { getEmailAddress(): string };
  destroy(): void;
};

/**
 * A label on a thread row, in InboxSDK's LabelDescriptor words. Its labels have no tooltip of
 * their own (the tooltip is the title), so `titleHtml` carries one; InboxSDK prefers it to `title`.
 */
export type RowLabelDescriptor = { title?: string; titleHtml?: string; foregroundColor?: string; backgroundColor?: string; maxWidth?: string };
export type RowLabelEvent = { type: 'value'; value: RowLabelDescriptor | null };
/**
 * A changing label. addLabel returns nothing to remove a label by, so a label that changes is a
 * stream: InboxSDK (kefir-cast) accepts any object with Kefir's onAny/offAny, and a null value
 * removes the label. This keeps kefir itself out of the content script.
 */
export type RowLabelStream = { onAny(listener: (event: RowLabelEvent) => void): unknown; offAny(listener: (event: RowLabelEvent) => void): unknown };

export type ThreadRowViewSource = {
  /** Gmail may not know a row's thread (drafts, rows still loading): null or a rejection. */
  getThreadIDIfStableAsync(): Promise<string | null>;
  addLabel(label: RowLabelDescriptor | RowLabelStream | null): void;
  on(event: 'destroy', listener: () => void): unknown;
};

export type ListsSource = { registerThreadRowViewHandler(handler: (row: ThreadRowViewSource) => void): () => void };

/** InboxSDK's AutocompleteSearchResult, the text fields only (its *HTML fields are never used). */
export type SearchSuggestion = { name: string; description: string; iconUrl: string; onClick(): void };
/** InboxSDK offers no way to unregister a provider: it must go quiet itself when invalidated. */
export type SearchSource = { registerSearchSuggestionsProvider(provider: (query: string) => Promise<SearchSuggestion[]>): void };

/** An item of Gmail's left nav; its children are items too (InboxSDK's NavItemView). */
export type NavItemSource = { remove(): void; addNavItem(descriptor: { name: string; onClick(): void }): NavItemSource };
