import { useState, type FormEvent } from 'react';
import { useCanShape } from '../workspace/useWorkspaceRole';
import type { View } from '../../storage/model/entities';
import { createView, deleteView, updateView, type ViewInput } from '../../storage/folders/folders';
import type { FolderSchema } from '../../storage/folders/schema';
import type { FilterProblem } from '../../storage/views/viewQuery';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { boardFields } from './boardModel';
import { ConfirmButton } from './ConfirmButton';
import { ErrorAlert } from './ErrorAlert';
import { FilterEditor } from './FilterEditor';
import { FolderDialog } from './FolderDialog';
import { navigate, routeHref } from '../shell/router';
import { ColumnPicker, SortEditor } from './SortColumns';
import { useDb } from '../shell/DbProvider';

type Panel = 'filters' | 'sort' | 'columns' | 'saveAs' | 'folder';
type Props = {
  schema: FolderSchema;
  view: View | undefined;
  draft: ViewInput;
  dirty: boolean;
  problems: readonly FilterProblem[];
  onChange: (draft: ViewInput) => void;
  onDiscard: () => void;
  /** Viewers keep filtering, sorting and switching layout as a draft, but save nothing. */
  canWrite?: boolean;
};

/** Filter, sort, columns and layout of the current view, and saving it (or a copy) for later. */
export function ViewToolbar({ schema, view, draft, dirty, problems, onChange, onDiscard, canWrite = true }: Props) {
  const db = useDb();
  const [panel, setPanel] = useState<Panel>();
  const canShape = useCanShape();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const toggle = (p: Panel) => setPanel(panel === p ? undefined : p);
  const run = (work: Promise<unknown>) => work.then(() => setErrors([]), (e: unknown) => setErrors(describeError(e)));
  const folderId = schema.folder.id;
  const groupable = boardFields(schema.fields);

  async function saveAs(e: FormEvent) {
    e.preventDefault();
    await run(createView(db, folderId, { ...draft, name }).then((v) => {
      setPanel(undefined);
      setName('');
      navigate({ page: 'folder', folderId, viewId: v.id });
    }));
  }

  const panelButton = (p: Panel, label: string) => (
    <button type="button" aria-expanded={panel === p} onClick={() => toggle(p)}>{label}</button>
  );

  return (
    <>
      <div className="tl-toolbar tl-view-toolbar" role="toolbar" aria-label={t('views.viewTools', { view: draft.name })}>
        <strong className="tl-view-name">{draft.name}{dirty && <span className="tl-muted"> · {t('views.unsaved')}</span>}</strong>
        {panelButton('filters', draft.filters.length ? t('views.filterCount', { count: draft.filters.length }) : t('views.filter'))}
        {panelButton('sort', draft.sort.length ? t('views.sortCount', { count: draft.sort.length }) : t('views.sort'))}
        {draft.layout === 'list' && panelButton('columns', t('views.columns'))}
        <span role="radiogroup" aria-label={t('views.layout')} className="tl-segmented">
          {(['list', 'board'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name={`layout-${folderId}`} checked={draft.layout === l} onChange={() => onChange({ ...draft, layout: l })} />
              {t(l === 'list' ? 'views.layout.list' : 'views.layout.board')}
            </label>
          ))}
        </span>
        {draft.layout === 'board' && groupable.length > 1 && (
          <label>
            {t('views.board.groupBy')}{' '}
            <select value={draft.boardFieldId ?? groupable[0]!.id} onChange={(e) => onChange({ ...draft, boardFieldId: e.target.value })}>
              {groupable.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
            </select>
          </label>
        )}
        {canWrite && view && dirty && <button type="button" className="tl-primary" onClick={() => void run(updateView(db, view.id, draft))}>{t('views.saveView')}</button>}
        {dirty && <button type="button" onClick={onDiscard}>{t('views.revert')}</button>}
        {canWrite && panelButton('saveAs', t('views.saveAsNew'))}
        {canShape && <a className="tl-button-link" href={routeHref({ page: 'fields', folderId })}>{t('views.editFields')}</a>}
        {canShape && panelButton('folder', t('views.folder.settings'))}
        {canWrite && view && (
          <ConfirmButton label={t('views.deleteView')} question={t('views.deleteViewQuestion', { view: view.name })} confirmLabel={t('views.deleteConfirm')}
            onConfirm={() => void run(deleteView(db, view.id).then(() => navigate({ page: 'folder', folderId })))} />
        )}
      </div>
      <ErrorAlert errors={errors} onDismiss={() => setErrors([])} />
      {panel === 'filters' && <FilterEditor fields={schema.fields} pipelines={schema.pipelines} filters={draft.filters} problems={problems} onChange={(filters) => onChange({ ...draft, filters })} />}
      {panel === 'sort' && <SortEditor fields={schema.fields} sort={draft.sort} onChange={(sort) => onChange({ ...draft, sort })} />}
      {panel === 'columns' && <ColumnPicker fields={schema.fields} columns={draft.columns} onChange={(columns) => onChange({ ...draft, columns })} />}
      {panel === 'folder' && <FolderDialog folder={schema.folder} onClose={() => setPanel(undefined)} />}
      {panel === 'saveAs' && (
        <form className="tl-panel tl-inline" onSubmit={(e) => void saveAs(e)} aria-label={t('views.saveAsNew')}>
          <label>
            {t('views.viewName')} <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoFocus />
          </label>
          <button type="submit">{t('views.saveViewNamed')}</button>
        </form>
      )}
    </>
  );
}
