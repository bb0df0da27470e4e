import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../storage/db';
import type { CrmRecord } from '../../storage/model/entities';
import { countRecords } from '../../storage/queries';
import { useFolderSchema, useFolders } from '../hooks';
import { RecordForm, singular } from './RecordForm';
import { RecordTable } from './RecordTable';
import { t } from '../i18n';

type Pane = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; recordId: string };

/** The CRM page: folders on the left, the selected folder's records, and a form to create or edit. */
export function CrmApp() {
  const folders = useFolders();
  const [folderId, setFolderId] = useState<string>();
  const activeId = folderId ?? folders?.[0]?.id;
  const schema = useFolderSchema(activeId);
  const [pane, setPane] = useState<Pane>({ kind: 'list' });
  const counts = useLiveQuery(async () => Promise.all((folders ?? []).map((f) => countRecords(f.id))), [folders]);
  const editing = useLiveQuery(() => (pane.kind === 'edit' ? db.records.get(pane.recordId) : undefined), [pane]);

  return (
    <div className="tl-crm">
      <nav className="tl-folders" aria-label={t('crm.folders')}>
        <h1 className="tl-brand">Threadline</h1>
        <ul>
          {folders?.map((f, i) => (
            <li key={f.id}>
              <button
                aria-current={f.id === activeId ? 'page' : undefined}
                onClick={() => {
                  setFolderId(f.id);
                  setPane({ kind: 'list' });
                }}
              >
                <span aria-hidden="true">{f.icon}</span> {f.name}
                <span className="tl-count">{counts?.[i] ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="tl-main">
        {schema && (
          <>
            <header className="tl-toolbar">
              <h2>{schema.folder.name}</h2>
              <button onClick={() => setPane({ kind: 'new' })}>{t('crm.new', { item: singular(schema.folder.name) })}</button>
            </header>
            {pane.kind === 'new' && (
              <RecordForm key="new" schema={schema} onSaved={() => setPane({ kind: 'list' })} onCancel={() => setPane({ kind: 'list' })} />
            )}
            {pane.kind === 'edit' && editing && (
              <RecordForm key={editing.id} schema={schema} record={editing} onSaved={() => setPane({ kind: 'list' })} onCancel={() => setPane({ kind: 'list' })} />
            )}
            <RecordTable schema={schema} onOpen={(r: CrmRecord) => setPane({ kind: 'edit', recordId: r.id })} />
          </>
        )}
      </main>
    </div>
  );
}
