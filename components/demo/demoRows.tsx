import { useEffect, useRef, useState } from 'react';
import { registerRowLabels } from '../../entrypoints/gmail.content/rowLabels';
import type { ListsSource, RowLabelDescriptor, RowLabelEvent, RowLabelStream, ThreadRowViewSource } from '../../entrypoints/gmail.content/surface';

/**
 * The demo inbox's thread rows as InboxSDK's row surface, so the very rowLabels.ts that runs in
 * Gmail labels them: one registration per page, one adapter per shown row.
 */
export type DemoRows = { attach(threadId: string, el: HTMLElement): () => void };

/** Renders a label as InboxSDK would, from its titleHtml, but only its spans' text and titles: never markup. */
function renderLabel(el: HTMLElement, label: RowLabelDescriptor | null) {
  if (!label) return el.replaceChildren();
  const parsed = new DOMParser().parseFromString(label.titleHtml ?? '', 'text/html');
  const parts = [...parsed.body.querySelectorAll('span')].map((source) => {
    const span = document.createElement('span');
    span.textContent = source.textContent;
    span.title = source.title;
    return span;
  });
  const chip = document.createElement('span');
  chip.className = 'demo-row-label';
  chip.style.color = label.foregroundColor ?? '';
  chip.style.backgroundColor = label.backgroundColor ?? '';
  chip.replaceChildren(...(parts.length ? parts : [label.title ?? '']));
  el.replaceChildren(chip);
}

function demoRow(threadId: string, el: HTMLElement) {
  const onDestroy = new Set<() => void>();
  const streams: { stream: RowLabelStream; listener: (event: RowLabelEvent) => void }[] = [];
  const row: ThreadRowViewSource = {
    getThreadIDIfStableAsync: () => Promise.resolve(threadId),
    addLabel(label) {
      if (!label || !('onAny' in label)) return renderLabel(el, label);
      const listener = (event: RowLabelEvent) => renderLabel(el, event.value);
      streams.push({ stream: label, listener });
      label.onAny(listener);
    },
    on(_event, listener) {
      onDestroy.add(listener);
    },
  };
  const destroy = () => {
    for (const { stream, listener } of streams) stream.offAny(listener);
    for (const listener of onDestroy) listener();
    el.replaceChildren();
  };
  return { row, destroy };
}

/** The row surface for the page's lifetime; the labels' registration ends when the page unmounts. */
export function useDemoRows(): DemoRows | undefined {
  const [rows, setRows] = useState<DemoRows>();
  useEffect(() => {
    const abort = new AbortController();
    let handler: ((row: ThreadRowViewSource) => void) | undefined;
    const lists: ListsSource = {
      registerThreadRowViewHandler(h) {
        handler = h;
        return () => void (handler = undefined);
      },
    };
    registerRowLabels(lists, abort.signal, navigator.languages);
    setRows({
      attach(threadId, el) {
        const { row, destroy } = demoRow(threadId, el);
        handler?.(row);
        return destroy;
      },
    });
    return () => abort.abort();
  }, []);
  return rows;
}

/** Where a row's labels go; the row exists (for rowLabels.ts) while this is mounted. */
export function DemoRowLabels({ rows, threadId }: { rows: DemoRows | undefined; threadId: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (rows && ref.current) return rows.attach(threadId, ref.current);
  }, [rows, threadId]);
  return <span ref={ref} className="demo-row-labels" />;
}
