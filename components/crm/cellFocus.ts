import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Where focus goes when an inline editor closes: spreadsheet moves, back to its cell, or nowhere (it lost focus to a click). */
export type CellMove = 'down' | 'up' | 'right' | 'left' | 'stay' | 'none';
export type CellRef = { recordId: string; fieldId: string };

/**
 * The cell a move lands on. Right and left skip cells without an editor and wrap to the next or
 * previous row; down stays in the column; past the last row (or first) the cell stays where it is.
 */
export function targetCell(
  rowIds: readonly string[],
  fieldIds: readonly string[],
  canEdit: (fieldId: string) => boolean,
  from: CellRef,
  move: CellMove,
): CellRef | undefined {
  if (move === 'none') return undefined;
  const row = rowIds.indexOf(from.recordId);
  if (row < 0 || move === 'stay') return from;
  if (move === 'down') return row + 1 < rowIds.length ? { recordId: rowIds[row + 1]!, fieldId: from.fieldId } : from;
  if (move === 'up') return row > 0 ? { recordId: rowIds[row - 1]!, fieldId: from.fieldId } : from;
  const step = move === 'right' ? 1 : -1;
  const width = fieldIds.length;
  let at = row * width + fieldIds.indexOf(from.fieldId);
  for (let i = 0; i < rowIds.length * width; i++) {
    at += step;
    if (at < 0 || at >= rowIds.length * width) return from;
    const fieldId = fieldIds[at % width]!;
    if (canEdit(fieldId)) return { recordId: rowIds[Math.floor(at / width)]!, fieldId };
  }
  return from;
}

const cellKey = (c: CellRef) => `${c.recordId}\u0000${c.fieldId}`;
export const cellAttr = (c: CellRef) => ({ 'data-cell': cellKey(c) });

/**
 * Focus for a virtualised table: `focusCell` scrolls the row into view (it may not be rendered
 * yet) and focuses its cell once it is, so closing an editor never drops focus to the page.
 */
export function useCellFocus(scroller: RefObject<HTMLElement | null>, scrollToRow: (recordId: string) => void) {
  const wanted = useRef<CellRef | undefined>(undefined);
  const [, rerender] = useState(0);
  const scrollRef = useRef(scrollToRow);
  scrollRef.current = scrollToRow;
  const focusCell = useCallback((cell: CellRef) => {
    wanted.current = cell;
    scrollRef.current(cell.recordId);
    rerender((n) => n + 1);
  }, []);
  // After every render: the row may appear only once the scroll has re-rendered the window.
  useLayoutEffect(() => {
    if (!wanted.current) return;
    const key = cellKey(wanted.current);
    const td = [...(scroller.current?.querySelectorAll<HTMLElement>('td[data-cell]') ?? [])].find((el) => el.dataset.cell === key);
    if (!td) return;
    wanted.current = undefined;
    // Plain focus(): a cell right of the view scrolls in horizontally too.
    td.focus();
  });
  return focusCell;
}

/**
 * Where an editor's closing key sends focus: the cell `targetCell` picks in the table as it is
 * at that moment (the callback is stable; it reads the latest grid), scrolled into view.
 */
export function useCellMoves<C extends { id: string }>(
  scroller: RefObject<HTMLElement | null>,
  grid: { rows: readonly { id: string }[]; columns: readonly C[]; canWrite: (column: C) => boolean },
  scrollToIndex: (index: number) => void,
) {
  const latest = useRef(grid);
  latest.current = grid;
  const focusCell = useCellFocus(scroller, (recordId) => {
    const index = latest.current.rows.findIndex((r) => r.id === recordId);
    if (index >= 0) scrollToIndex(index);
  });
  return useCallback((from: CellRef, move: CellMove) => {
    const { rows, columns, canWrite } = latest.current;
    const byId = new Map(columns.map((c) => [c.id, c]));
    const to = targetCell(rows.map((r) => r.id), columns.map((c) => c.id), (id) => canWrite(byId.get(id)!), from, move);
    if (to) focusCell(to);
  }, [focusCell]);
}

