import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import type { FolderSchema } from '../../storage/folders/schema';
import type { ViewSort } from '../../storage/views/viewQuery';
import { formatContext } from '../hooks';
import { useRecordTitles } from './data';
import { useCellMoves, type CellMove, type CellRef } from './cellFocus';
import { ErrorAlert } from './ErrorAlert';
import { useStableRows } from './stableOrder';
import { TableHead } from './TableHead';
import { editable, TableRow } from './TableRow';

export const ROW_HEIGHT = 36;
/** Linked titles are fetched for the rows around the window in chunks, so scrolling a few rows re-queries nothing. */
const TITLE_CHUNK = 100;

/** Rows the table reads as they come into view (components/crm/useTableRows.ts), instead of an array of records. */
export type RowSource = {
  ids: readonly string[];
  get: (id: string) => CrmRecord | undefined;
  want: (ids: readonly string[]) => void;
};

type Props = {
  schema: FolderSchema;
  /** Either every row's record, or a source of rows read by window. */
  rows?: readonly CrmRecord[];
  source?: RowSource;
  columns: readonly Field[];
  selected: ReadonlySet<string>;
  onSelect: (next: Set<string>) => void;
  sort: readonly ViewSort[];
  onSort: (sort: ViewSort[]) => void;
  /** False for viewers: cells do not open their editors. */
  canWrite?: boolean;
  /**
   * The explicit sort and filter the rows come from: the row order is held until it changes
   * (defaults to the sort), so edits never move rows under the person editing them.
   */
  orderKey?: string;
};

/**
 * The folder's rows, virtualised: only the rows in view (plus a few) are in the DOM, so 50,000
 * records scroll like 50. Rows have one fixed height, so no row is ever measured.
 */
export function TableView({ schema, rows: given, source, columns, selected, onSelect, sort, onSort, canWrite = true, orderKey }: Props) {
  const sourceIds = source?.ids;
  const liveRows = useMemo(() => given ?? sourceIds?.map((id) => ({ id })) ?? [], [given, sourceIds]);
  const rows = useStableRows<{ id: string }>(liveRows, orderKey ?? JSON.stringify(sort));
  const recordOf = useMemo(() => {
    const byId = given ? new Map(given.map((r) => [r.id, r])) : undefined;
    return (id: string) => (byId ? byId.get(id) : source?.get(id));
  }, [given, source]);
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ recordId: string; fieldId: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom and the first paint have no layout yet: assume a window's worth of rows.
    initialRect: { width: 1000, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const chunk = Math.floor(first / TITLE_CHUNK) * TITLE_CHUNK;
  // Per window chunk, not per frame: a wheel scroll renders the table every frame, and rebuilding
  // these lists (200 rows' ids and links) each time showed in the profile of a scroll.
  const around = useMemo(() => rows.slice(chunk, chunk + 2 * TITLE_CHUNK).map((r) => r.id), [rows, chunk]);
  const want = source?.want;
  useEffect(() => {
    if (want && around.length) want(around);
  }, [want, around]);
  const linked = useMemo(() => [...new Set(around.flatMap((id) => recordOf(id)?.linkedIds ?? []))].sort(), [around, recordOf]);
  const linkedKey = linked.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the same links (a record fetched without links) keep the same list
  const titles = useRecordTitles(useMemo(() => linked, [linkedKey]));
  const ctx = useMemo(() => formatContext(schema.pipelines, (id) => titles.get(id)), [schema.pipelines, titles]);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = columns.length + 1;

  // Stable callbacks: rows are memoised, and a scroll re-renders only the rows that came into view.
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const toggle = useCallback((id: string) => {
    const next = new Set(selectedRef.current);
    if (!next.delete(id)) next.add(id);
    onSelect(next);
  }, [onSelect]);
  const selectAll = useCallback(() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id))), [onSelect, allSelected, rows]);
  const startEdit = useCallback((recordId: string, fieldId: string) => canWrite && setEditing({ recordId, fieldId }), [canWrite]);

  const moveFrom = useCellMoves(scroller, { rows, columns, canWrite: (f) => canWrite && editable(f) }, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
  const stopEdit = useCallback((from: CellRef, move: CellMove) => {
    setEditing(undefined);
    moveFrom(from, move);
  }, [moveFrom]);

  return (
    <>
      <ErrorAlert errors={errors} onDismiss={() => setErrors([])} />
      <div className="tl-table-scroll" ref={scroller} data-testid="table-scroll">
        <table className="tl-table" aria-label={schema.folder.name} aria-rowcount={rows.length + 1} style={{ width: 44 + columns.length * 180 }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {columns.map((c) => <col key={c.id} style={{ width: 180 }} />)}
          </colgroup>
          <TableHead columns={columns} sort={sort} onSort={onSort} count={rows.length} allSelected={allSelected}
            onSelectAll={selectAll} />
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" className="tl-spacer"><td colSpan={span} style={{ height: padTop }} /></tr>}
            {items.map((item) => {
              const record = recordOf(rows[item.index]!.id);
              // Not read yet (scrolled to faster than its page arrived): a row of the same height.
              if (!record) return <tr key={rows[item.index]!.id} className="tl-row-loading" aria-busy="true" style={{ height: ROW_HEIGHT }}><td colSpan={span} /></tr>;
              return (
                <TableRow key={record.id} index={item.index} record={record} columns={columns} schema={schema} ctx={ctx} canWrite={canWrite}
                  selected={selected.has(record.id)} editingFieldId={editing?.recordId === record.id ? editing.fieldId : undefined}
                  onToggle={toggle} onEdit={startEdit} onEditDone={stopEdit} onError={setErrors} />
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" className="tl-spacer"><td colSpan={span} style={{ height: padBottom }} /></tr>}
          </tbody>
        </table>
      </div>
    </>
  );
}
