import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { attachComposeView, type ComposeDeps } from '../../entrypoints/gmail.content/compose';
import type { ButterBarSource, ButterMessage, ComposeViewSource, ContactSource, DropdownSource, SentEventSource } from '../../entrypoints/gmail.content/surface';
import { t } from '../../i18n';
import { DEMO_USER, type DemoThread } from './fixtures';
import './demoCompose.css';

/**
 * The demo inbox's stand-in for Gmail's compose window and butter bar: the compose implements
 * InboxSDK's compose surface over its inputs, and the content script's own compose.ts runs on it
 * (its "Log to Threadline" box, the offer after sending, the log through the background).
 */

/** What a compose opens with: a new message, or a reply whose sent message joins the open thread. */
export type ComposeRequest = { key: number; threadId?: string; to?: string; subject?: string };

let requests = 0;
export const newCompose = (): ComposeRequest => ({ key: ++requests });

export function replyTo(thread: DemoThread): ComposeRequest {
  const ctx = thread.context as { subject?: string; messages?: { from?: { name?: string; email?: string } }[] };
  const other = ctx.messages?.find((m) => m.from?.email && m.from.email !== DEMO_USER.email)?.from;
  // Quoted, so a comma in a name does not split the address (splitAddresses below).
  const to = other ? `"${(other.name ?? '').replaceAll('"', '')}" <${other.email}>` : '';
  const subject = ctx.subject ?? '';
  return { key: ++requests, threadId: thread.id, to, subject: /^re:/i.test(subject) ? subject : `Re: ${subject}` };
}

/** Splits an address field on the commas outside quotes. */
function splitAddresses(field: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of field) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** `Name <email>` or a bare address, as Gmail's recipient chips hold them; compose.ts validates. */
export function parseRecipients(field: string): ContactSource[] {
  return splitAddresses(field).map((part) => {
    const named = /^(.*)<([^<>]*)>$/.exec(part);
    if (!named) return { emailAddress: part };
    return { name: named[1]!.trim().replace(/^"(.*)"$/, '$1'), emailAddress: named[2]!.trim() };
  });
}

type ComposeEvent = 'presending' | 'sent' | 'destroy';
type Listener = (event: SentEventSource) => void;

/** Where compose.ts's pieces go, outside React's tree: status bars, toolbar buttons and their dropdowns. */
type Slots = { bars: HTMLElement; buttons: HTMLElement; dropdowns: HTMLElement; body: HTMLElement };

/**
 * InboxSDK's DropdownView: an element under the compose's button, closed by a click elsewhere.
 * Gmail's are light whatever the theme, as InboxSDK draws them; so is this one.
 */
const DROPDOWN_WIDTH = 360;

function demoDropdown(slots: Slots, anchor: HTMLElement): DropdownSource {
  const el = document.createElement('div');
  el.className = 'demo-compose-dropdown';
  // Under the button, kept inside the compose (InboxSDK keeps its dropdowns on screen).
  el.style.left = `${Math.max(8, Math.min(anchor.offsetLeft, slots.dropdowns.clientWidth - DROPDOWN_WIDTH - 8))}px`;
  el.style.maxWidth = `${DROPDOWN_WIDTH}px`;
  const destroyed = new Set<() => void>();
  const outside = (event: MouseEvent) => {
    if (!el.contains(event.target as Node) && !anchor.contains(event.target as Node)) dropdown.close();
  };
  const dropdown: DropdownSource = {
    el,
    close() {
      if (!el.isConnected) return;
      el.remove();
      document.removeEventListener('mousedown', outside, true);
      for (const listener of destroyed) listener();
    },
    on(_event, listener) {
      destroyed.add(listener);
    },
  };
  slots.dropdowns.replaceChildren(el);
  document.addEventListener('mousedown', outside, true);
  return dropdown;
}

/** The body's caret, kept while focus is elsewhere (a dropdown), as InboxSDK keeps Gmail's. */
function trackCaret(body: HTMLElement) {
  let caret: Range | undefined;
  const onSelection = () => {
    const selection = document.getSelection();
    if (selection?.rangeCount && body.contains(selection.getRangeAt(0).commonAncestorContainer)) caret = selection.getRangeAt(0).cloneRange();
  };
  document.addEventListener('selectionchange', onSelection);
  const insert = (html: string) => {
    const range = caret && body.contains(caret.commonAncestorContainer) ? caret : document.createRange();
    if (range !== caret) {
      range.selectNodeContents(body);
      range.collapse(false);
    }
    const parsed = document.createElement('template');
    parsed.innerHTML = html;
    const last = parsed.content.lastChild;
    range.deleteContents();
    range.insertNode(parsed.content);
    body.focus();
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    }
    caret = range.cloneRange();
  };
  return { insert, stop: () => document.removeEventListener('selectionchange', onSelection) };
}

/** The compose surface over the form's fields and the contenteditable body. */
function demoComposeView(field: (name: string) => HTMLInputElement | null, slots: Slots, threadId: string | undefined) {
  const listeners = new Map<ComposeEvent, Set<Listener>>();
  const emit = (event: ComposeEvent, arg?: SentEventSource) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(arg as SentEventSource);
  };
  const value = (name: string) => field(name)?.value ?? '';
  const caret = trackCaret(slots.body);
  const view: ComposeViewSource = {
    getFromContact: () => ({ name: DEMO_USER.name, emailAddress: DEMO_USER.email }),
    getToRecipients: () => parseRecipients(value('to')),
    getCcRecipients: () => parseRecipients(value('cc')),
    getSubject: () => value('subject'),
    getTextContent: () => slots.body.innerText,
    getThreadID: () => threadId ?? '',
    addStatusBar(descriptor) {
      const el = document.createElement('div');
      el.className = 'demo-compose-status';
      if (descriptor?.height) el.style.minHeight = `${descriptor.height}px`;
      slots.bars.append(el);
      return { el, destroy: () => el.remove() };
    },
    addButton(descriptor) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'demo-compose-tool';
      button.title = descriptor.title;
      button.setAttribute('aria-label', descriptor.title);
      const icon = document.createElement('img');
      icon.src = descriptor.iconUrl;
      icon.alt = '';
      button.append(icon);
      // Keeps the body's caret where it was, as Gmail's toolbar buttons do.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => descriptor.onClick({ dropdown: descriptor.hasDropdown ? demoDropdown(slots, button) : null }));
      slots.buttons.append(button);
      return { destroy: () => button.remove() };
    },
    insertHTMLIntoBodyAtCursor: (html) => caret.insert(html),
    setSubject(subject) {
      const input = field('subject');
      if (input) input.value = subject;
    },
    on(event: ComposeEvent, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: ComposeEvent, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },
  };
  return { view, emit, stop: caret.stop };
}

/** A sent message's ids: new each time (activities are keyed by message id), its thread's for a reply. */
function sentEvent(threadId: string | undefined): SentEventSource {
  const id = crypto.randomUUID();
  const thread = threadId ?? `demo-sent-${id}`;
  return { getThreadID: () => Promise.resolve(thread), getMessageID: () => Promise.resolve(`demo-msg-${id}`) };
}

type PanelProps = { request: ComposeRequest; deps: ComposeDeps; onClose: () => void };

function ComposePanel({ request, deps, onClose }: PanelProps) {
  const form = useRef<HTMLFormElement>(null);
  const bars = useRef<HTMLDivElement>(null);
  const buttons = useRef<HTMLSpanElement>(null);
  const dropdowns = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const compose = useRef<ReturnType<typeof demoComposeView>>(undefined);
  const id = useId();

  useEffect(() => {
    const field = (name: string) => form.current?.elements.namedItem(name) as HTMLInputElement | null;
    const made = demoComposeView(field, { bars: bars.current!, buttons: buttons.current!, dropdowns: dropdowns.current!, body: body.current! }, request.threadId);
    compose.current = made;
    attachComposeView(made.view, deps);
    // Closed or sent: the compose goes, as Gmail's does.
    return () => {
      made.emit('destroy');
      made.stop();
    };
  }, [deps, request.threadId]);

  const send = () => {
    const made = compose.current;
    if (!made) return;
    made.emit('presending');
    made.emit('sent', sentEvent(request.threadId));
    onClose();
  };
  const input = (name: string, label: string, value?: string) => (
    <div className="demo-compose-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} defaultValue={value} autoComplete="off" />
    </div>
  );
  return (
    <section className="demo-compose" aria-label={t('demo.composeWindow')}>
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <header className="demo-compose-header">
          <h2>{request.threadId ? t('demo.reply') : t('demo.newMessage')}</h2>
          <button type="button" onClick={onClose}>{t('demo.close')}</button>
        </header>
        <div className="demo-compose-field">
          <label htmlFor={`${id}-from`}>{t('demo.from')}</label>
          <input id={`${id}-from`} readOnly value={`${DEMO_USER.name} <${DEMO_USER.email}>`} />
        </div>
        {input('to', t('demo.to'), request.to)}
        {input('cc', t('demo.cc'))}
        {input('subject', t('demo.subject'), request.subject)}
        {/* Gmail's body is a contenteditable too: templates go in at its caret as HTML. */}
        <div ref={body} className="demo-compose-body" role="textbox" aria-multiline="true" aria-label={t('demo.body')} contentEditable suppressContentEditableWarning
          data-placeholder={t('demo.body')} />
        <div ref={dropdowns} className="demo-compose-dropdowns" />
        <footer className="demo-compose-footer">
          <button type="submit" className="demo-compose-send">{t('demo.send')}</button>
          <span ref={buttons} className="demo-compose-tools" />
        </footer>
      </form>
      <div ref={bars} className="demo-compose-bars" />
    </section>
  );
}

type Shown = { id: number; kind: 'message' | 'error'; message: ButterMessage };
// InboxSDK's default time on screen.
const BUTTER_TIME = 15_000;

/** One message at a time, as Gmail's butter bar: a new one replaces it, and destroying an old one leaves the new. */
function useButterBar(): { butterBar: ButterBarSource; shown: Shown | undefined } {
  const [shown, setShown] = useState<Shown>();
  const butterBar = useMemo<ButterBarSource>(() => {
    let next = 0;
    const show = (kind: Shown['kind']) => (message: ButterMessage) => {
      const id = ++next;
      const hide = () => setShown((s) => (s?.id === id ? undefined : s));
      setShown({ id, kind, message });
      const timer = window.setTimeout(hide, message.time ?? BUTTER_TIME);
      const destroy = () => {
        window.clearTimeout(timer);
        hide();
      };
      return { destroy };
    };
    return { showMessage: show('message'), showError: show('error') };
  }, []);
  return { butterBar, shown };
}

function ButterBar({ shown }: { shown: Shown | undefined }) {
  return (
    <div className="demo-butter" role="status" aria-label={t('demo.butterBar')}>
      {shown && (
        <div className={`demo-butter-message demo-butter-${shown.kind}`}>
          <span dir="auto">{shown.message.text}</span>
          {shown.message.buttons?.map((b) => (
            <button key={b.title} type="button" onClick={() => b.onClick()}>
              {b.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The Compose button, the open compose (one at a time; `request` opens one, a new key a fresh one)
 * and the butter bar, which outlives the compose: the offer to log comes after it is gone.
 */
export function DemoCompose({ request, onChange }: { request: ComposeRequest | undefined; onChange: (request: ComposeRequest | undefined) => void }) {
  const { butterBar, shown } = useButterBar();
  // The page's lifetime stands for the content script's: a compose closing must not end its send.
  const [signal, setSignal] = useState<AbortSignal>();
  useEffect(() => {
    const abort = new AbortController();
    setSignal(abort.signal);
    return () => abort.abort();
  }, []);
  const deps = useMemo(() => signal && { butterBar, userEmail: () => DEMO_USER.email, signal }, [butterBar, signal]);
  return (
    <>
      <button type="button" className="demo-compose-open" onClick={() => onChange(newCompose())}>
        {t('demo.compose')}
      </button>
      {/* Out of the nav column (its styles and landmark), docked over the page as Gmail's are. */}
      {createPortal(
        <>
          {request && deps && <ComposePanel key={request.key} request={request} deps={deps} onClose={() => onChange(undefined)} />}
          <ButterBar shown={shown} />
        </>,
        document.body,
      )}
    </>
  );
}
