import { useEffect, useMemo, useState } from 'react';

const sameIds = (a: readonly { id: string }[], b: readonly string[]) => a.length === b.length && a.every((r, i) => r.id === b[i]);

/**
 * `rows` in the order of `ids` (a frozen order): rows that left are dropped, and a row that
 * is new takes the place the live order gives it, just after the known row that precedes it
 * there, or first when none does (so a record created in a "newest first" view shows on top).
 */
export function placeInOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): readonly T[] {
  // Most updates change values, not membership or order: keep the live array (and its identity) then.
  if (sameIds(rows, ids)) return rows;
  const known = new Set(ids);
  const byId = new Map<string, T>();
  const head: T[] = [];
  const newAfter = new Map<string, T[]>();
  let anchor: T[] = head;
  for (const r of rows) {
    byId.set(r.id, r);
    if (!known.has(r.id)) anchor.push(r);
    else {
      anchor = [];
      newAfter.set(r.id, anchor);
    }
  }
  const out: T[] = [...head];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    out.push(r, ...newAfter.get(id)!);
  }
  return out;
}

/**
 * The rows of a table in an order that changes only when `orderKey` does (an explicit sort or
 * filter; navigation mounts a new table). Without it, a view sorted by last change moved the
 * row being edited to the top on every save, and the next edit of "the second row" landed on
 * another record. The rows' contents stay live; only their order is held.
 */
export function useStableRows<T extends { id: string }>(rows: readonly T[], orderKey: string): readonly T[] {
  const [frozen, setFrozen] = useState(() => ({ key: orderKey, ids: rows.map((r) => r.id) }));
  const ordered = useMemo(() => (frozen.key === orderKey ? placeInOrder(frozen.ids, rows) : rows), [frozen, orderKey, rows]);
  // New rows keep the place they were given, even if a later change would place them elsewhere.
  useEffect(() => {
    if (frozen.key !== orderKey || !sameIds(ordered, frozen.ids)) setFrozen({ key: orderKey, ids: ordered.map((r) => r.id) });
  }, [ordered, frozen, orderKey]);
  return ordered;
}
