import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, type ReactNode } from 'react';
import type { ActivityOf, CrmRecord, Pipeline } from '../../storage/model/entities';
import type { FormatContext } from '../../storage/model/fieldRegistry';
import { nextOpenTasks } from '../../storage/queries/crm';
import { t } from '../../i18n';
import { formatContext } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { useRecordTitles } from './data';
import { NO_VALUE, type BoardColumn } from './boardModel';

/** A card's height before it is measured (name, amount, owner); asks and task lines grow it, measured. */
const CARD_HEIGHT = 78;

export const columnName = (c: BoardColumn) => (c.id === NO_VALUE ? t('views.board.noValue') : c.label);

/** The next open task of the cards in view, from one query per column window (never one per card). */
function useNextTasks(ids: readonly string[]) {
  const db = useDb();
  const key = ids.join(',');
  return useLiveQuery(() => nextOpenTasks(db, key ? key.split(',') : []), [db, key]);
}

type Props = {
  column: BoardColumn;
  totals: ReactNode;
  pipelines: readonly Pipeline[];
  card: (record: CrmRecord, ctx: FormatContext, task: ActivityOf<'task'> | undefined) => ReactNode;
  /** The cards are the column's top only (the folder's index is building): no count yet. */
  partial?: boolean;
};

/**
 * One stage's column: a drop target over its whole height (so a card dropped into a long column,
 * scrolled anywhere, lands), whose cards are virtualised: only those in view (and a few around)
 * are rendered, so a column of 5,000 deals holds a few dozen cards in the page.
 */
export function BoardColumnView({ column, totals, pipelines, card, partial }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const scroller = useRef<HTMLDivElement>(null);
  const records = column.records;
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    getItemKey: (i) => records[i]?.id ?? i,
    overscan: 4,
    // jsdom and the first paint have no layout yet: assume a column's worth of cards.
    initialRect: { width: 210, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const shown = items.flatMap((item) => records[item.index] ?? []);
  const tasks = useNextTasks(shown.map((r) => r.id));
  const titles = useRecordTitles(shown.flatMap((r) => r.linkedIds));
  const ctx = useMemo(() => formatContext(pipelines, (id) => titles.get(id)), [pipelines, titles]);
  return (
    <section ref={setNodeRef} className="tl-board-column" data-over={isOver || undefined} data-count={partial ? undefined : records.length} aria-label={columnName(column)}>
      <header className="tl-board-head" style={{ borderTopColor: column.color ?? 'var(--tl-border)' }}>
        <h3>{columnName(column)}</h3>
        {totals}
      </header>
      <div ref={scroller} className="tl-board-cards" style={{ display: 'block', maxHeight: 'max(240px, calc(100vh - 230px))' }} data-testid="board-column-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = records[item.index];
            if (!r) return null;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, paddingBottom: 6, transform: `translateY(${item.start}px)` }}>
                {card(r, ctx, tasks?.get(r.id))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
