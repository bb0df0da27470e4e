import type {
  ComposeButtonDescriptor,
  ContactSource,
  ComposeViewSource,
  DropdownSource,
  MessageViewSource,
  RowLabelDescriptor,
  RowLabelEvent,
  RowLabelStream,
  SentEventSource,
  ThreadRowViewSource,
  ThreadViewSource,
} from '../../../entrypoints/gmail.content/surface';

/** Fakes of InboxSDK's thread, message and compose views, limited to entrypoints/gmail.content/surface.ts. */

type Listener = (...args: never[]) => void;

class FakeEmitter {
  readonly listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }
  removeListener(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }
  listenerCount() {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export type FakeMessageInit = {
  loaded?: boolean;
  sender?: ContactSource;
  recipients?: ContactSource[];
  messageId?: string | Promise<string>;
  dateString?: string;
  /** Body built from plain DOM nodes: a fixture, never Gmail data. */
  body?: (el: HTMLElement) => void;
};

export class FakeMessageView extends FakeEmitter implements MessageViewSource {
  constructor(public init: FakeMessageInit) {
    super();
  }
  isLoaded() {
    return this.init.loaded ?? true;
  }
  getSender() {
    if (!this.isLoaded()) throw new Error('Message not loaded');
    return this.init.sender ?? { name: '', emailAddress: '' };
  }
  getRecipientsFull() {
    return Promise.resolve(this.init.recipients ?? []);
  }
  getMessageIDAsync() {
    return Promise.resolve(this.init.messageId ?? 'msg-1');
  }
  getDateString() {
    return this.init.dateString ?? 'Thu, Feb 27, 2025, 3:45 PM';
  }
  getBodyElement() {
    const el = document.createElement('div');
    this.init.body?.(el);
    return el;
  }
  load() {
    this.init.loaded = true;
    this.emit('load', { messageView: this });
  }
}

export type FakePanel = { descriptor: { el: HTMLElement; title: string; iconUrl: string }; removed: boolean; opened: number };

export class FakeThreadView extends FakeEmitter implements ThreadViewSource {
  readonly panels: FakePanel[] = [];
  constructor(
    public messages: FakeMessageView[],
    public threadId: string | Promise<string> = 'thread-1',
    public subject = 'Quarterly plan',
  ) {
    super();
  }
  getThreadIDAsync() {
    return Promise.resolve(this.threadId);
  }
  getSubject() {
    return this.subject;
  }
  getMessageViewsAll() {
    return this.messages;
  }
  addSidebarContentPanel(descriptor: FakePanel['descriptor']) {
    const panel: FakePanel = { descriptor, removed: false, opened: 0 };
    this.panels.push(panel);
    return {
      remove: () => {
        panel.removed = true;
      },
      open: () => {
        panel.opened++;
      },
    };
  }
}

export type FakeComposeInit = {
  from?: ContactSource;
  to?: ContactSource[];
  cc?: ContactSource[];
  subject?: string;
  text?: string;
};

export class FakeComposeView extends FakeEmitter implements ComposeViewSource {
  /** Set to make every getter throw, as Gmail's detached compose can at `sent` time. */
  broken = false;
  constructor(public init: FakeComposeInit) {
    super();
  }
  private read<T>(value: T): T {
    if (this.broken) throw new Error('compose element is gone');
    return value;
  }
  getFromContact() {
    return this.read(this.init.from ?? { name: 'Me', emailAddress: 'me@example.com' });
  }
  getToRecipients() {
    return this.read(this.init.to ?? []);
  }
  getCcRecipients() {
    return this.read(this.init.cc ?? []);
  }
  getSubject() {
    return this.read(this.init.subject ?? '');
  }
  getTextContent() {
    return this.read(this.init.text ?? '');
  }
  /** The status bars added, in the document so events bubble as in Gmail; `destroyed` once removed. */
  statusBars: { el: HTMLElement; destroyed: boolean }[] = [];
  addStatusBar() {
    const bar = { el: document.body.appendChild(document.createElement('div')), destroyed: false };
    this.statusBars.push(bar);
    return { el: bar.el, destroy: () => ((bar.destroyed = true), bar.el.remove()) };
  }
  /** The toolbar buttons added, and what was put into the body (HTML as given) and the subject. */
  buttons: ComposeButtonDescriptor[] = [];
  inserted: string[] = [];
  addButton(descriptor: ComposeButtonDescriptor) {
    this.buttons.push(descriptor);
    return {};
  }
  insertHTMLIntoBodyAtCursor(html: string) {
    this.read(null);
    this.inserted.push(html);
    return null;
  }
  setSubject(subject: string) {
    this.read(null);
    this.init.subject = subject;
  }
  threadId = '';
  getThreadID() {
    return this.read(this.threadId);
  }
  /** Clicks a button as InboxSDK does, with a fresh dropdown in the document. */
  click(index = 0): FakeDropdown {
    const dropdown = new FakeDropdown();
    this.buttons[index]!.onClick({ dropdown });
    return dropdown;
  }
  send(ids: { threadId: string; messageId: string }) {
    this.emit('presending', { cancel: () => undefined });
    const event: SentEventSource = { getThreadID: async () => ids.threadId, getMessageID: async () => ids.messageId };
    this.emit('sent', event);
    this.emit('destroy', { messageID: null, closedByInboxSDK: false });
  }
}

/** InboxSDK's DropdownView: an element in the document until closed. */
export class FakeDropdown extends FakeEmitter implements DropdownSource {
  readonly el = document.body.appendChild(document.createElement('div'));
  closed = false;
  close() {
    if (this.closed) return;
    this.closed = true;
    this.el.remove();
    this.emit('destroy');
  }
}

/**
 * A thread row as InboxSDK hands it over. `threadId`: the id, null (no stable id), or 'throws'.
 * Labels behave like InboxSDK's: a stream's null value removes its label, destroy unsubscribes.
 */
export class FakeThreadRowView extends FakeEmitter implements ThreadRowViewSource {
  private readonly streams: { stream: RowLabelStream; listener: (event: RowLabelEvent) => void; value: RowLabelDescriptor | null }[] = [];
  constructor(private readonly threadId: string | null | 'throws') {
    super();
  }
  getThreadIDIfStableAsync() {
    return this.threadId === 'throws' ? Promise.reject(new Error('no thread id')) : Promise.resolve(this.threadId);
  }
  addLabel(label: RowLabelDescriptor | RowLabelStream | null) {
    if (!label || !('onAny' in label)) throw new Error('the content script only adds labels that can change');
    const entry = { stream: label, value: null as RowLabelDescriptor | null, listener: (event: RowLabelEvent) => void (entry.value = event.value) };
    this.streams.push(entry);
    label.onAny(entry.listener);
  }
  /** The labels the row shows now. */
  labels(): RowLabelDescriptor[] {
    return this.streams.flatMap((s) => (s.value ? [s.value] : []));
  }
  get subscriptions() {
    return this.streams.length;
  }
  destroy() {
    for (const s of this.streams) s.stream.offAny(s.listener);
    this.emit('destroy');
  }
}
