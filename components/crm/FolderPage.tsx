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
import { BoardView } from './BoardView';
import { boardFields } from './boardModel';
import { BulkBar } from './BulkBar';
import { useFolderRecords, useFolderViews, useViewRows } from './data';
import { countRecords } from './labels';
import { RecordForm, singular } from './RecordForm';
import { TableView } from './TableView';
import { ViewToolbar } from './ViewToolbar';
import { useDb } from '../shell/DbProvider';
import { CREATE_RECORD_EVENT } from '../shell/shortcuts';

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

  const records = useFolderRecords(schema.folder.id);
  const query = useMemo(() => ({ filters: draft.filters, sort: draft.sort }), [draft.filters, draft.sort]);
  const result = useViewRows(records, schema, query);
  const columns = draft.columns.flatMap((id) => schema.fields.find((f) => f.id === id) ?? []);
  const boardField = schema.fields.find((f) => f.id === draft.boardFieldId) ?? boardFields(schema.fields)[0];
  const rows = result?.records;
  const visibleSelection = new Set(rows?.filter((r) => selected.has(r.id)).map((r) => r.id));
  const item = singular(schema.folder.name);

  return (
    <section className="tl-workspace" aria-label={schema.folder.name}>
      <header className="tl-toolbar">
        <h2><FolderIcon icon={schema.folder.icon} size={20} /> {schema.folder.name}</h2>
        <span className="tl-muted" aria-live="polite">
          {rows && records && (rows.length === records.length ? countRecords(records.length) : t('views.shown', { shown: rows.length, total: countRecords(records.length) }))}
        </span>
        {canWrite && <button type="button" className="tl-primary" onClick={() => setCreating(true)}>{t('crm.new', { item })}</button>}
        {rows && <ExportButton folderId={schema.folder.id} records={rows} fieldIds={draft.columns} />}
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      <ViewToolbar schema={schema} view={view} draft={draft} dirty={dirty} problems={result?.problems ?? []} onChange={setDraft} onDiscard={() => setDraft(saved)} canWrite={canWrite} />
      {canWrite && creating && <RecordForm key="new" schema={schema} onSaved={() => setCreating(false)} onCancel={() => setCreating(false)} />}
      {canWrite && visibleSelection.size > 0 && <BulkBar schema={schema} selected={visibleSelection} onDone={() => setSelected(new Set())} />}
      {!rows || !records ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : records.length === 0 ? (
        <p className="tl-empty">{t('crm.empty', { folder: schema.folder.name.toLowerCase() })}</p>
      ) : draft.layout === 'board' && boardField ? (
        <BoardView schema={schema} rows={rows} field={boardField} canWrite={canWrite} />
      ) : draft.layout === 'board' ? (
        <p className="tl-empty">{t('views.board.noField')}</p>
      ) : rows.length === 0 ? (
        <p className="tl-empty">{t('views.noMatches')}</p>
      ) : (
        <TableView schema={schema} rows={rows} columns={columns} selected={visibleSelection} onSelect={setSelected} sort={draft.sort} onSort={(sort) => setDraft({ ...draft, sort })} canWrite={canWrite}
          orderKey={JSON.stringify(query)} />
      )}
    </section>
  );
}
