import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCanShape } from '../workspace/useWorkspaceRole';
import type { CrmRecord, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { updateRecord } from '../../storage/write/records';
import { useDb } from '../shell/DbProvider';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { formatContext } from '../hooks';
import { t } from '../../i18n';
import { BoardCard, CardBody } from './BoardCard';
import { buildBoard, boardGrouping, cardFields, columnTotals, type BoardColumn, type Totals } from './boardModel';
import { patchColumns } from './boardOrder';
import type { BoardRows } from './useBoardRows';
import { BoardColumnView, columnName } from './BoardColumn';
import { ErrorAlert } from './ErrorAlert';
import { PipelineDialog } from './PipelineDialog';
import { useMandatoryAsk } from '../mandatory/useMandatoryAsk';
import { MissingFieldsForm } from '../mandatory/MissingFieldsForm';
import { LostReasonAsk } from '../mandatory/LostReasonAsk';
import { lostReasonToAsk } from '../mandatory/lostReason';
import { TotalsLine } from './TotalsLine';

/** Left/right arrows carry the picked-up card to the neighbouring column, whatever its width. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft')) return undefined;
  event.preventDefault();
  const columns = droppableContainers.getEnabled().flatMap((c) => {
    const rect = droppableRects.get(c.id);
    return rect ? [rect] : [];
  }).sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const here = columns.findIndex((r) => centre >= r.left && centre < r.left + r.width);
  const target = columns[(here < 0 ? 0 : here) + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!target) return currentCoordinates;
  return { x: currentCoordinates.x + target.left + 8 - collisionRect.left, y: currentCoordinates.y + target.top + 48 - collisionRect.top };
};

/** The pointer decides where a mouse drop lands; keyboard drags have no pointer, so their card's rectangle does. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/**
 * Records as cards in columns from a stage or dropdown field (`partial`: only the newest records,
 * while the folder's index builds: the columns' tops without counts or totals); dragging a card (mouse, touch or
 * keyboard) to another column updates the record through the write path, which records a stage
 * change in its history.
 */
type Props = { schema: FolderSchema; rows: readonly CrmRecord[]; field: Field; canWrite?: boolean; partial?: boolean; patch?: BoardRows['patch'] };

/**
 * The columns of `rows`: patched from the last ones when `rows` are the last rows with a few changes
 * (only the columns a changed card leaves or joins get new lists), else grouped afresh.
 */
function useColumns(rows: readonly CrmRecord[], field: Field, pipeline: FolderSchema['pipelines'][number] | undefined, patch: Props['patch']) {
  const last = useRef<{ rows: readonly CrmRecord[]; field: Field; pipeline: typeof pipeline; columns: BoardColumn[] }>(undefined);
  return useMemo(() => {
    const l = last.current;
    const columns = l && patch && patch.from === l.rows && l.field === field && l.pipeline === pipeline ? patchColumns(l.columns, patch.changes, field, pipeline) : buildBoard(rows, field, pipeline);
    last.current = { rows, field, pipeline, columns };
    return columns;
  }, [rows, field, pipeline, patch]);
}

/** Each column's totals, computed again only for the columns whose list changed (a move recomputes two columns, not the board). */
function useTotals(columns: readonly BoardColumn[], cards: ReturnType<typeof cardFields>): Totals[] {
  // Held per card fields: a new amount or probability field computes every column again.
  const held = useMemo(() => ({ cards, byList: new WeakMap<readonly CrmRecord[], Totals>() }), [cards]);
  return useMemo(() => columns.map((c) => {
    const known = held.byList.get(c.records);
    if (known) return known;
    const totals = columnTotals(c, held.cards.amount, held.cards.probability);
    held.byList.set(c.records, totals);
    return totals;
  }), [columns, held]);
}

export function BoardView({ schema, rows, field, canWrite = true, partial = false, patch }: Props) {
  const db = useDb();
  const grouping = boardGrouping(field);
  const [pipelineId, setPipelineId] = useState(schema.pipelines[0]?.id);
  const [editingPipelines, setEditingPipelines] = useState(false);
  const canShape = useCanShape();
  const [activeId, setActiveId] = useState<string>();
  const [errors, setErrors] = useState<string[]>([]);
  // The live region says what really happened to a drop, once the write has answered.
  const [outcome, setOutcome] = useState('');
  const { ask, attempt, clear } = useMandatoryAsk();
  const [asking, setAsking] = useState<{ recordId: string; column: BoardColumn }>();
  // A drop on a lost stage waits for its (optional) reason before it moves.
  const [askingLost, setAskingLost] = useState<{ recordId: string; column: BoardColumn; field: Field }>();
  const pipeline = schema.pipelines.find((p) => p.id === pipelineId) ?? schema.pipelines[0];
  // Grouping and totals are passes over what the folder index holds: no read, whatever the change.
  const columns = useColumns(rows, field, pipeline, patch);
  useEffect(() => void performance.mark('tl-board:mounted'), []);
  const cards = useMemo(() => cardFields(schema.fields), [schema.fields]);
  const totals = useTotals(columns, cards);
  const ctx = useMemo(() => formatContext(schema.pipelines, () => undefined), [schema.pipelines]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }));
  // A lookup, not a map of every row: rebuilding 20,000 entries per change cost more than the few look-ups a drag makes.
  const byId = useMemo(() => ({ get: (id: string) => rows.find((r) => r.id === id) }), [rows]);
  const titleOf = (id: unknown) => byId.get(String(id))?.title || t('common.untitled');
  const colOf = (id: unknown) => columns.find((c) => c.id === id);

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('views.board.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('views.board.over', { title: titleOf(active.id), column: columnName(colOf(over.id)!) }) : undefined),
    // Not "moved" yet: the write may refuse it; onDragEnd below announces its answer.
    onDragEnd: ({ active, over }) => (over ? t('mandatory.dropping', { title: titleOf(active.id), column: columnName(colOf(over.id)!) }) : t('views.board.cancelled', { title: titleOf(active.id) })),
    onDragCancel: ({ active }) => t('views.board.cancelled', { title: titleOf(active.id) }),
  };

  async function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(undefined);
    const target = colOf(over?.id);
    const record = byId.get(String(active.id));
    if (!target || !record || target.records.some((r) => r.id === record.id)) return;
    const reasonField = lostReasonToAsk(schema.fields, schema.pipelines, record.values, field.id, target.value);
    if (!reasonField) return move(record.id, target, {});
    clear();
    setAsking(undefined);
    setAskingLost({ recordId: record.id, column: target, field: reasonField });
    setOutcome(t('mandatory.lost.boardAsk', { title: titleOf(record.id), column: columnName(target) }));
  }

  /** The move itself, with what an ask added (`given`); empty mandatory fields ask on the card. */
  async function move(recordId: string, target: BoardColumn, given: RecordValues) {
    const title = titleOf(recordId);
    const column = columnName(target);
    try {
      const done = await attempt(schema.folder.id, (extra) => updateRecord(db, recordId, { ...given, ...extra, [field.id]: target.value }));
      setErrors([]);
      if (done === 'saved') {
        setAsking(undefined);
        setOutcome(t('mandatory.boardMoved', { title, column }));
      } else {
        setAsking({ recordId, column: target });
        setOutcome(t('mandatory.boardAsk', { title, column, fields: done.fields.map((f) => f.label).join(', ') }));
      }
    } catch (e) {
      const reasons = describeError(e);
      setErrors(reasons);
      setOutcome(t('mandatory.boardNotMoved', { title, column, reason: reasons.join(' ') }));
    }
  }

  const cancelAsk = () => {
    if (asking) setOutcome(t('mandatory.boardStays', { title: titleOf(asking.recordId), column: columnName(columns.find((c) => c.records.some((r) => r.id === asking.recordId)) ?? asking.column) }));
    setAsking(undefined);
    clear();
  };
  const askFor = (recordId: string) =>
    askingLost?.recordId === recordId ? (
      <LostReasonAsk
        name={titleOf(recordId)}
        stage={columnName(askingLost.column)}
        field={askingLost.field}
        pipelines={schema.pipelines}
        onCancel={() => {
          setOutcome(t('mandatory.boardStays', { title: titleOf(recordId), column: columnName(columns.find((c) => c.records.some((r) => r.id === recordId)) ?? askingLost.column) }));
          setAskingLost(undefined);
        }}
        onSave={async (values) => {
          setAskingLost(undefined);
          await move(recordId, askingLost.column, values);
        }}
      />
    ) : ask && asking?.recordId === recordId ? (
      <MissingFieldsForm
        name={titleOf(recordId)}
        fields={ask.fields}
        pipelines={schema.pipelines}
        saveLabel={t('mandatory.moveTo', { column: columnName(asking.column) })}
        onCancel={cancelAsk}
        onSave={async (values) => {
          await ask.retry(values);
          setOutcome(t('mandatory.boardMoved', { title: titleOf(recordId), column: columnName(asking.column) }));
          setAsking(undefined);
          clear();
        }}
      />
    ) : undefined;

  return (
    <div className="tl-board-wrap">
      {grouping?.perPipeline && (
        <div className="tl-toolbar tl-board-toolbar">
          <label>
            {t('views.board.pipeline')}{' '}
            <select value={pipeline?.id} onChange={(e) => setPipelineId(e.target.value)}>
              {schema.pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          {canShape && <button type="button" onClick={() => setEditingPipelines(true)}>{t('views.board.editPipelines')}</button>}
        </div>
      )}
      {canShape && editingPipelines && <PipelineDialog pipelines={schema.pipelines} initialId={pipeline?.id} onClose={() => setEditingPipelines(false)} />}
      <ErrorAlert errors={errors} onDismiss={() => setErrors([])} />
      {canWrite && <p id="tl-board-help" className="tl-muted tl-small">{t('views.board.moveHelp')}</p>}
      <p role="status" aria-live="polite" className="tl-visually-hidden" data-testid="board-outcome">{outcome}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={({ active }) => setActiveId(String(active.id))}
        onDragCancel={() => setActiveId(undefined)}
        onDragEnd={(e) => void onDragEnd(e)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('views.board.moveHelp') } }}
      >
        <div className="tl-board" role="region" aria-label={t('views.board.label')}>
          {columns.map((c, i) => (
            <BoardColumnView key={c.id} column={c} pipelines={schema.pipelines} partial={partial} totals={partial ? undefined : <TotalsLine totals={totals[i]!} amountField={cards.amount} ctx={ctx} />}
              card={(r, cardCtx, task) => <BoardCard record={r} schema={schema} cards={cards} ctx={cardCtx} task={task} dimmed={r.id === activeId} canWrite={canWrite} ask={askFor(r.id)} />} />
          ))}
        </div>
        <DragOverlay>
          {activeId && byId.get(activeId) ? <CardBody record={byId.get(activeId)!} schema={schema} cards={cards} ctx={ctx} /> : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}
