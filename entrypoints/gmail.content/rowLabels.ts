import { browser } from 'wxt/browser';
import { ROW_LABELS_MAX_THREADS, rowLabelsChangedSchema, rowLabelsReplySchema, type RowLabel } from '../../messaging/protocol';
import { attempt } from './normalise';
import type { ListsSource, RowLabelDescriptor, RowLabelEvent, RowLabelStream, ThreadRowViewSource } from './surface';
import { words } from './words';

/**
 * Deal stages on Gmail's thread rows (and the demo inbox's, through the same surface). Rows are
 * asked for a page at once: the handlers Gmail fires while drawing a list land in one request,
 * one indexed read in the background. The content script never opens the database.
 */

/** Gathers the rows Gmail draws together (their thread ids resolve over a few ticks) into one request. */
const BATCH_MS = 30;
const MAX_ID_LENGTH = 200;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Black or white text, whichever reads better on the stage's colour (WCAG relative luminance). */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.179 ? '#202124' : '#ffffff';
}

/**
 * The first deal's stage, "+N" for the others. InboxSDK's labels have no tooltip apart from the
 * title, so titleHtml (escaped: names come from synced, shared data) puts the names in `title`s.
 */
export function labelFor(labels: readonly RowLabel[], languages?: readonly string[]): RowLabelDescriptor | null {
  const [first, ...rest] = labels;
  if (!first) return null;
  const more = rest.length ? ` +${rest.length}` : '';
  const others = rest.map((l) => `${l.dealName} (${l.stageName})`).join(', ');
  const moreHtml = rest.length ? ` <span title="${escapeHtml(`${words(languages).moreDeals(rest.length)}: ${others}`)}">+${rest.length}</span>` : '';
  return {
    title: first.stageName + more,
    titleHtml: `<div class="av"><span title="${escapeHtml(first.dealName)}">${escapeHtml(first.stageName)}</span>${moreHtml}</div>`,
    foregroundColor: textOn(first.color),
    backgroundColor: first.color,
  };
}

/** One label of a row that can change: a Kefir-shaped stream InboxSDK subscribes to (surface.ts). */
function labelSlot(row: ThreadRowViewSource) {
  let value: RowLabelDescriptor | null = null;
  let added = false;
  const listeners = new Set<(event: RowLabelEvent) => void>();
  const stream: RowLabelStream = {
    onAny: (listener) => {
      listeners.add(listener);
      listener({ type: 'value', value });
    },
    offAny: (listener) => listeners.delete(listener),
  };
  return (next: RowLabelDescriptor | null) => {
    if (value?.titleHtml === next?.titleHtml && value?.backgroundColor === next?.backgroundColor) return;
    value = next;
    // Added on its first value: a row without deals never subscribes anything.
    if (!added && next) {
      added = true;
      attempt(() => row.addLabel(stream), undefined);
    } else for (const listener of [...listeners]) listener({ type: 'value', value });
  };
}

type ShownRow = { threadId: string; show: (label: RowLabelDescriptor | null) => void; answered: number };

/** Registers the row handler; everything is undone (handler, labels, listeners) when `signal` aborts. */
export function registerRowLabels(lists: ListsSource, signal: AbortSignal, languages?: readonly string[]): void {
  if (signal.aborted) return;
  const shown = new Map<ThreadRowViewSource, ShownRow>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  async function askPage(threadIds: string[]) {
    const request = ++asked;
    const raw: unknown = await browser.runtime.sendMessage({ type: 'threadline/row-labels', threadIds }).catch(() => undefined);
    const reply = rowLabelsReplySchema.safeParse(raw);
    // A failed or hostile answer changes nothing: the rows keep what they show.
    if (signal.aborted || !reply.success) return;
    const ids = new Set(threadIds);
    for (const row of shown.values()) {
      // An older answer landing after a newer one (a change between them) is stale for that row.
      if (!ids.has(row.threadId) || row.answered > request) continue;
      row.answered = request;
      const labels = Object.hasOwn(reply.data.labels, row.threadId) ? reply.data.labels[row.threadId]! : [];
      row.show(labelFor(labels, languages));
    }
  }
  const flush = () => {
    timer = undefined;
    const ids = [...pending];
    pending.clear();
    for (let i = 0; i < ids.length; i += ROW_LABELS_MAX_THREADS) void askPage(ids.slice(i, i + ROW_LABELS_MAX_THREADS));
  };
  const want = (threadId: string) => {
    pending.add(threadId);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  const askAgain = () => {
    for (const row of shown.values()) want(row.threadId);
  };

  const unregister = lists.registerThreadRowViewHandler((row) => {
    let destroyed = false;
    attempt(() => row.on('destroy', () => void ((destroyed = true), shown.delete(row))), undefined);
    const id = attempt(() => row.getThreadIDIfStableAsync(), Promise.resolve(null));
    void Promise.resolve(id).then(
      (threadId) => {
        // Drafts and rows Gmail has no stable id for yet get no label.
        if (destroyed || signal.aborted || typeof threadId !== 'string' || !threadId || threadId.length > MAX_ID_LENGTH) return;
        shown.set(row, { threadId, show: labelSlot(row), answered: 0 });
        want(threadId);
      },
      () => undefined,
    );
  });
  watchChanges(askAgain, signal);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    attempt(unregister, undefined);
    for (const row of shown.values()) row.show(null);
    shown.clear();
  });
}

/**
 * Asks again for the rows shown when the background says links or stages changed (its change feed,
 * storage/threads/rowLabels.ts), and when the tab becomes visible: the background's service worker
 * sleeps when idle and misses writes made meanwhile, and a hidden tab need not ask at all. Cheaper
 * than polling, which would wake the worker every few seconds in every Gmail tab.
 */
function watchChanges(askAgain: () => void, signal: AbortSignal) {
  const onMessage = (raw: unknown) => {
    if (rowLabelsChangedSchema.safeParse(raw).success && document.visibilityState === 'visible') askAgain();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && askAgain(), { signal });
}
