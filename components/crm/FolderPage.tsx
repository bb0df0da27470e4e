import { ExportButton } from '../import/ExportButton';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { View } from '../../storage/model/entities';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import { loadFolderSchema, type FolderSchema } from '../../storage/folders/schema';
import type { ViewInput } from '../../storage/folders/folders';
import { t } from '../../i18n';
import { FolderIcon } from '../icons/folderIcons';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { boardFields } from './boardModel';
import { BulkBar } from './BulkBar';
import { useFolderViews } from './data';
import { useBoardRows } from './useBoardRows';
import { useTableRows } from './useTableRows';
import { countRecords } from './labels';
import { RecordForm, singular } from './RecordForm';
import { TableView } from './TableView';
import { ViewToolbar } from './ViewToolbar';
import { useDb } from '../shell/DbProvider';
import { CREATE_RECORD_EVENT } from '../shell/shortcuts';

/** The board (drag and drop, the stage asks) loads when a board view is first opened, not with every table. */
const loadBoard = () => import('./BoardView');
type BoardModule = Awaited<ReturnType<typeof loadBoard>>;

/** A folder's schema, or null once it is known not to exist (deleted, or a stale link). */
export function useSchemaOrNull(folderId: string): FolderSchema | null | undefined {
  const db = useDb();
  return useLiveQuery(() => loadFolderSchema(db, folderId).catch(() => null), [db, folderId]);
}

const pick = (v: ViewInput): ViewInput => ({
  name: v.name, layout: v.layout, columns: v.columns, sort: v.sort, filters: v.filters, ...(v.boardFieldId ? { boardFieldId: v.boardFieldId } : {}),
});

/** What a folder without saved views shows: its visible, non-computed fields, title first. */
function defaultView(schema: FolderSchema): ViewInput {
  const shown = schema.fields.filter((f) => !f.hidden && !FIELD_REGISTRY[f.type].computed).slice(0, 6).map((f) => f.id);
  return { name: t('views.allRecords'), layout: 'list', columns: [...new Set([...schema.folder.titleFieldIds, ...shown])], sort: [], filters: [] };
}

export function FolderPage({ folderId, viewId }: { folderId: string; viewId?: string }) {
  const schema = useSchemaOrNull(folderId);
  const views = useFolderViews(folderId);
  if (schema === null) return <p className="tl-empty">{t('views.folderMissing')}</p>;
  if (!schema || !views) return <p aria-busy="true">{t('common.loading')}</p>;
  const view = views.find((v) => v.id === viewId) ?? views[0];
  return <ViewWorkspace key={view?.id ?? folderId} schema={schema} view={view} />;
}

/**
 * A view being looked at: its filters, sort, columns and layout can be changed freely (a draft),
 * then saved into the view or as a new one.
 */
function ViewWorkspace({ schema, view }: { schema: FolderSchema; view: View | undefined }) {
  const saved = useMemo(() => pick(view ?? defaultView(schema)), [view, schema]);
  const [draft, setDraft] = useState<ViewInput>(saved);
  const [followed, setFollowed] = useState(saved);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const canWrite = useCanWrite();
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // The `c` shortcut (components/shell/shortcuts.ts): the create form of the folder on screen.
  useEffect(() => {
    if (!canWrite) return undefined;
    const open = () => setCreating(true);
    window.addEventListener(CREATE_RECORD_EVENT, open);
    return () => window.removeEventListener(CREATE_RECORD_EVENT, open);
  }, [canWrite]);
  // Another tab (or sync) changed the saved view: follow it unless there are unsaved edits here.
  useEffect(() => {
    if (JSON.stringify(saved) !== JSON.stringify(followed)) {
      if (JSON.stringify(draft) === JSON.stringify(followed)) setDraft(saved);
      setFollowed(saved);
    }
  }, [saved, followed, draft]);

  const query = useMemo(() => ({ filters: draft.filters, sort: draft.sort }), [draft.filters, draft.sort]);
  const board = draft.layout === 'board';
  // The board's code loads beside its first read, not after it (a waterfall of a chunk behind the records).
  // Held in state, not React.lazy: React 19 throttles a Suspense boundary's reveal (up to 300 ms), which held the columns' tops back.
  const [boardModule, setBoardModule] = useState<BoardModule>();
  useEffect(() => {
    let alive = true;
    if (board && !boardModule) void loadBoard().then((m) => (performance.mark('tl-board:module'), alive && setBoardModule(m)));
    return () => {
      alive = false;
    };
  }, [board, boardModule]);
  const BoardView = boardModule?.BoardView;
  // A board route reads no table keys or first page: IndexedDB serves one request after another, and the columns' tops come first.
  const table = useTableRows(schema, query, !board, draft.columns);
  // The board reads the folder once into its shared in-memory index, then follows changed keys (issue 17).
  const boardRows = useBoardRows(schema, query, board);
  const columns = draft.columns.flatMap((id) => schema.fields.find((f) => f.id === id) ?? []);
  const boardField = schema.fields.find((f) => f.id === draft.boardFieldId) ?? boardFields(schema.fields)[0];
  const boardIds = useMemo(() => boardRows.rows?.map((r) => r.id), [boardRows.rows]);
  const ids = board ? boardIds : table.ids;
  // While the board paints its columns' tops from the newest records, neither counts nor exports them.
  const counted = ids && !(board && boardRows.partial) ? ids : undefined;
  const total = board ? boardRows.total : table.total;
  const progress = board ? boardRows.progress : table.progress;
  const visibleSelection = useMemo(() => new Set(ids?.filter((id) => selected.has(id))), [ids, selected]);
  const source = useMemo(() => (table.ids ? { ids: table.ids, get: table.get, want: table.want } : undefined), [table.ids, table.get, table.want]);
  const item = singular(schema.folder.name);

  return (
    <section className="tl-workspace" aria-label={schema.folder.name}>
      <header className="tl-toolbar">
        <h2><FolderIcon icon={schema.folder.icon} size={20} /> {schema.folder.name}</h2>
        <span className="tl-muted" aria-live="polite">
          {counted && total !== undefined && (counted.length === total ? countRecords(total) : t('views.shown', { shown: counted.length, total: countRecords(total) }))}
        </span>
        {canWrite && <button type="button" className="tl-primary" onClick={() => setCreating(true)}>{t('crm.new', { item })}</button>}
        {counted && <ExportButton folderId={schema.folder.id} count={counted.length} load={board && boardRows.rows ? async () => [...(boardRows.rows ?? [])] : table.loadAll} fieldIds={draft.columns} />}
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      <ViewToolbar schema={schema} view={view} draft={draft} dirty={dirty} problems={table.problems} onChange={setDraft} onDiscard={() => setDraft(saved)} canWrite={canWrite} />
      {canWrite && creating && <RecordForm key="new" schema={schema} onSaved={() => setCreating(false)} onCancel={() => setCreating(false)} />}
      {canWrite && visibleSelection.size > 0 && <BulkBar schema={schema} selected={visibleSelection} onDone={() => setSelected(new Set())} />}
      {/* Above the rows, not instead of them: a new filter the index cannot serve keeps the table on screen while it builds. */}
      {progress !== undefined && (
        <p aria-busy="true" role="status" className="tl-muted">{t('views.sorting', { count: total ?? 0, folder: schema.folder.name.toLowerCase(), percent: Math.floor(progress * 100) })}</p>
      )}
      {/* A table's first page shows before the folder is counted (components/crm/useTableRows.ts). */}
      {/* A board paints its columns' tops from the newest records before its count is known. */}
      {!ids || (total === undefined && !board && ids.length === 0) ? (
        progress === undefined && <p aria-busy="true">{t('common.loading')}</p>
      ) : total === 0 ? (
        <p className="tl-empty">{t('crm.empty', { folder: schema.folder.name.toLowerCase() })}</p>
      ) : board && boardField ? (
        boardRows.rows && (BoardView
          ? <BoardView schema={schema} rows={boardRows.rows} field={boardField} canWrite={canWrite} partial={boardRows.partial} patch={boardRows.patch} />
          : <p aria-busy="true">{t('common.loading')}</p>)
      ) : board ? (
        <p className="tl-empty">{t('views.board.noField')}</p>
      ) : ids.length === 0 || !source ? (
        <p className="tl-empty">{t('views.noMatches')}</p>
      ) : (
        <TableView schema={schema} source={source} columns={columns} selected={visibleSelection} onSelect={setSelected} sort={draft.sort} onSort={(sort) => setDraft({ ...draft, sort })} canWrite={canWrite}
          orderKey={table.orderKey} />
      )}
    </section>
  );
}
