import { useState, type ReactNode } from 'react';

/**
 * The first `limit` items and a button for the rest. A thread with fifty people (or a customer with
 * a hundred deals) would otherwise render every card before the sidebar is usable, and bury the
 * history under them.
 */
export function FirstOf<T>({ items, limit, render, more }: { items: readonly T[]; limit: number; render: (item: T) => ReactNode; more: (count: number) => string }) {
  const [all, setAll] = useState(false);
  const hidden = all ? 0 : Math.max(0, items.length - limit);
  return (
    <>
      {(hidden ? items.slice(0, limit) : items).map(render)}
      {hidden > 0 && (
        <button type="button" className="tl-link" onClick={() => setAll(true)}>
          {more(hidden)}
        </button>
      )}
    </>
  );
}
