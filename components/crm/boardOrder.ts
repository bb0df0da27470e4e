import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { boardGrouping, type BoardColumn } from './boardModel';

/**
 * A change of the board's records, as the view sees it: the record as it was on the board before
 * (undefined: it was not shown) and as it is now (undefined: it no longer shows: deleted, moved
 * out of the folder, or filtered out).
 */
export type BoardChange = { id: string; before: CrmRecord | undefined; after: CrmRecord | undefined };

/** The board's own order (storage/views/viewQuery.ts byRecentChange): newest change first, then by id. */
const order = (a: CrmRecord, b: CrmRecord) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where `r` belongs in `list` (kept in the board's order): the first place whose record comes after it. */
function placeOf(list: readonly CrmRecord[], r: CrmRecord): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Removes `before` (found by its place in the order, else by id) and inserts `after` at its place: O(log n) searches and one splice each. */
function patchList(list: CrmRecord[], c: BoardChange): void {
  if (c.before) {
    const at = placeOf(list, c.before);
    const i = list[at]?.id === c.id ? at : list.findIndex((r) => r.id === c.id);
    if (i >= 0) list.splice(i, 1);
  }
  if (c.after) list.splice(placeOf(list, c.after), 0, c.after);
}

/** The view's rows after `changes`, without sorting them again: each changed record leaves its old place and takes its new one. */
export function patchOrder(rows: readonly CrmRecord[], changes: readonly BoardChange[]): CrmRecord[] {
  const next = [...rows];
  for (const c of changes) patchList(next, c);
  return next;
}

/**
 * The columns after `changes`: only the columns a changed card leaves or joins get a new list (so
 * the others keep their totals and their rendered cards); the rest are the same objects.
 */
export function patchColumns(columns: readonly BoardColumn[], changes: readonly BoardChange[], field: Field, pipeline: Pipeline | undefined): BoardColumn[] {
  const grouping = boardGrouping(field);
  if (!grouping) return [...columns];
  const next = new Map(columns.map((c) => [c.id, c]));
  const copied = new Set<string>();
  const columnFor = (r: CrmRecord | undefined) => {
    const id = r ? grouping.columnOf(r.values[field.id], pipeline) : undefined;
    const col = id === undefined ? undefined : next.get(id);
    if (!col || copied.has(col.id)) return col;
    const copy = { ...col, records: [...col.records] };
    next.set(col.id, copy);
    copied.add(col.id);
    return copy;
  };
  for (const c of changes) {
    const from = columnFor(c.before);
    if (from) patchList(from.records, { ...c, after: undefined });
    const to = columnFor(c.after);
    if (to) patchList(to.records, { ...c, before: undefined });
  }
  return columns.map((c) => next.get(c.id)!);
}
