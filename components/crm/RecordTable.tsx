import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { fieldValue } from '../../storage/computed';
import type { CrmRecord } from '../../storage/model/entities';
import { listRecords } from '../../storage/queries';
import type { FolderSchema } from '../../storage/schemaLoad';
import { FieldValue } from '../fields/FieldValue';
import { formatContext } from '../hooks';
import { t } from '../i18n';

/** The first page of a folder's records; the full virtualised table belongs to the CRM views. */
export function RecordTable({ schema, onOpen }: { schema: FolderSchema; onOpen: (r: CrmRecord) => void }) {
  const records = useLiveQuery(() => listRecords(schema.folder.id, { limit: 200 }), [schema.folder.id]);
  const linkedTitles = useLiveQuery(async () => {
    const ids = [...new Set((records ?? []).flatMap((r) => r.linkedIds))];
    const linked = await db.records.bulkGet(ids);
    return new Map(linked.filter((r) => r !== undefined).map((r) => [r.id, r.title]));
  }, [records]);
  const view = useLiveQuery(() => db.views.where('folderId').equals(schema.folder.id).first(), [schema.folder.id]);
  const columns = (view?.columns ?? schema.folder.titleFieldIds)
    .map((id) => schema.fields.find((f) => f.id === id))
    .filter((f) => f !== undefined);
  const ctx = formatContext(schema.pipelines, (id) => linkedTitles?.get(id));

  if (!records) return <p aria-busy="true">{t('common.loading')}</p>;
  if (records.length === 0) return <p className="tl-empty">{t('crm.empty', { folder: schema.folder.name.toLowerCase() })}</p>;
  return (
    <table className="tl-table" aria-label={schema.folder.name}>
      <thead>
        <tr>
          {columns.map((f) => (
            <th key={f.id} scope="col">
              {f.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id} onClick={() => onOpen(r)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onOpen(r)}>
            {columns.map((f) => (
              <td key={f.id}>
                <FieldValue field={f} value={fieldValue(r, f, schema.fields)} ctx={ctx} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
