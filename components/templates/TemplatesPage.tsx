import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '../../i18n';
import type { Template } from '../../storage/model/template';
import { listTemplates } from '../../storage/queries/templates';
import { deleteTemplate, templateUses } from '../../storage/templates/templates';
import { ConfirmButton } from '../crm/ConfirmButton';
import { describeError } from '../errors';
import { formatCount } from '../format';
import { Icon } from '../icons/icons';
import { useDb } from '../shell/DbProvider';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { TemplateEditor } from './TemplateEditor';
import '../pages.css';
import './templates.css';

/** Which template the editor holds: none, a new one, or one of the list's by id. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

/** The workspace's compose templates: list with uses, the editor with its preview, delete. */
export function TemplatesPage() {
  const db = useDb();
  const templates = useLiveQuery(() => listTemplates(db), [db]);
  const canWrite = useCanWrite();
  const [editing, setEditingState] = useState<Editing>({ kind: 'none' });
  const [status, setStatus] = useState('');
  // A new edit starts without the last one's "Saved" or "Deleted".
  const setEditing = (next: Editing) => {
    if (next.kind !== 'none') setStatus('');
    setEditingState(next);
  };
  const [error, setError] = useState<string>();
  const current = editing.kind === 'edit' ? templates?.find((x) => x.id === editing.id) : undefined;

  const remove = (template: Template) =>
    deleteTemplate(db, template.id).then(
      () => {
        setError(undefined);
        setStatus(t('templates.deleted', { name: template.name }));
        if (editing.kind === 'edit' && editing.id === template.id) setEditing({ kind: 'none' });
      },
      (e: unknown) => setError(describeError(e).join(' ')),
    );

  return (
    <div className="tl-data-page tl-tpl-page">
      <header className="tl-toolbar">
        <h2>{t('templates.title')}</h2>
        {canWrite && editing.kind === 'none' && (
          <button type="button" className="tl-primary" onClick={() => setEditing({ kind: 'new' })}>
            <Icon name="add" size={14} /> {t('templates.new')}
          </button>
        )}
      </header>
      <p className="tl-muted tl-tpl-intro">{t('templates.intro', { example: '{{contact.firstName}}' })}</p>
      <ViewOnlyNote canWrite={canWrite} />
      <p role="status" aria-live="polite" className="tl-tpl-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="tl-error">
          {error}
        </p>
      )}
      {canWrite && (editing.kind === 'new' || current) && (
        <TemplateEditor
          key={current?.id ?? 'new'}
          template={current}
          onCancel={() => setEditing({ kind: 'none' })}
          onSaved={(saved) => {
            setStatus(t('templates.saved', { name: saved.name }));
            setEditing({ kind: 'none' });
          }}
        />
      )}
      {!templates ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : templates.length === 0 ? (
        // While the first one is being written, the editor says enough.
        editing.kind === 'new' ? null : <p className="tl-empty">{t('templates.empty')}</p>
      ) : (
        <TemplateTable templates={templates} canWrite={canWrite} onEdit={(id) => setEditing({ kind: 'edit', id })} onDelete={(x) => void remove(x)} />
      )}
    </div>
  );
}

function TemplateTable({ templates, canWrite, onEdit, onDelete }: { templates: Template[]; canWrite: boolean; onEdit: (id: string) => void; onDelete: (t: Template) => void }) {
  return (
    <table className="tl-tpl-table" aria-label={t('templates.list')}>
      <thead>
        <tr>
          <th scope="col">{t('templates.col.name')}</th>
          <th scope="col">{t('templates.col.language')}</th>
          <th scope="col">{t('templates.col.subject')}</th>
          <th scope="col" className="tl-tpl-num">{t('templates.col.uses')}</th>
          {canWrite && <td />}
        </tr>
      </thead>
      <tbody>
        {templates.map((x) => (
          <tr key={x.id}>
            <th scope="row" dir="auto">
              {canWrite ? (
                <button type="button" className="tl-link-button" onClick={() => onEdit(x.id)} aria-label={t('templates.edit', { name: x.name })}>
                  {x.name}
                </button>
              ) : (
                x.name
              )}
            </th>
            <td>{t(`language.name.${x.language}`)}</td>
            <td dir="auto" className="tl-tpl-subject">{x.subject || <span className="tl-muted">{t('templates.noSubject')}</span>}</td>
            <td className="tl-tpl-num">{formatCount(templateUses(x))}</td>
            {canWrite && (
              <td className="tl-tpl-row-actions">
                <ConfirmButton label={t('templates.delete')} question={t('templates.deleteQuestion', { name: x.name })} confirmLabel={t('templates.deleteConfirm')}
                  onConfirm={() => onDelete(x)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
