import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { fieldValue } from '../../storage/fields/computed';
import { getRecord } from '../../storage/queries/crm';
import { deleteRecord } from '../../storage/write/records';
import { describeError } from '../errors';
import { FIELD_EDITORS } from '../fields/editors';
import { FieldValue } from '../fields/FieldValue';
import { formatContext } from '../hooks';
import { t } from '../../i18n';
import { FolderIcon } from '../icons/folderIcons';
import { Icon } from '../icons/icons';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { Timeline } from '../timeline/Timeline';
import { RecordActivities } from '../activities/RecordActivities';
import { ConfirmButton } from './ConfirmButton';
import { ErrorAlert } from './ErrorAlert';
import { useSchemaOrNull } from './FolderPage';
import { LinkedRecords } from './LinkedRecords';
import { RecordForm } from './RecordForm';
import { RecordTasks } from './RecordTasks';
import { useDb } from '../shell/DbProvider';
import { ComputedAmount } from '../lines/ComputedAmount';
import { DealLines } from '../lines/DealLines';
import { PurchaseHistory } from '../lines/PurchaseHistory';
import { recordLines } from '../../storage/lines/recordLines';
import { amountField as amountFieldOf } from '../../storage/lines/dealAmount';
import { formKey } from '../lines/formKey';
import { navigate, routeHref } from '../shell/router';

/** One record: every field through its editor, computed values, links both ways, tasks and history. */
export function RecordPage({ recordId }: { recordId: string }) {
  const db = useDb();
  const record = useLiveQuery(async () => (await getRecord(db, recordId)) ?? null, [db, recordId]);
  if (record === null) return <p className="tl-empty">{t('views.record.notFound')}</p>;
  if (!record) return <p aria-busy="true">{t('common.loading')}</p>;
  return <RecordDetails key={record.id} recordId={record.id} folderId={record.folderId} />;
}

function RecordDetails({ recordId, folderId }: { recordId: string; folderId: string }) {
  const db = useDb();
  const schema = useSchemaOrNull(folderId);
  const record = useLiveQuery(() => getRecord(db, recordId), [db, recordId]);
  const canWrite = useCanWrite();
  const [errors, setErrors] = useState<string[]>([]);
  if (!schema || !record) return <p aria-busy="true">{t('common.loading')}</p>;
  const ctx = formatContext(schema.pipelines);
  // Types without an editor (formula, statistics, auto-number) are shown as values.
  const readOnly = schema.fields.filter((f) => !f.hidden && FIELD_EDITORS[f.type] === null);
  const title = record.title || t('common.untitled');
  const kind = schema.folder.kind;
  // A deal with products has its amount from them: the form leaves it out and it shows as computed.
  const amountField = kind === 'deals' && recordLines(record).length ? amountFieldOf(schema.fields) : undefined;
  const formSchema = amountField ? { ...schema, fields: schema.fields.filter((f) => f !== amountField) } : schema;
  // A refused delete (full disk, closed database) stays on the page and says why.
  const remove = () => deleteRecord(db, recordId).then(() => navigate({ page: 'folder', folderId }), (e: unknown) => setErrors(describeError(e)));
  return (
    <article className="tl-record-page" aria-label={title}>
      <nav className="tl-crumbs">
        <a href={routeHref({ page: 'folder', folderId })}><Icon name="back" size={14} /> {t('views.record.back', { folder: schema.folder.name })}</a>
      </nav>
      <header className="tl-toolbar">
        <h2><FolderIcon icon={schema.folder.icon} size={20} /> <bdi>{title}</bdi></h2>
        {canWrite && (
          <ConfirmButton label={t('views.record.delete')} question={t('views.record.deleteQuestion', { title })} confirmLabel={t('views.deleteConfirm')}
            onConfirm={() => void remove()} />
        )}
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      <ErrorAlert errors={errors} onDismiss={() => setErrors([])} />
      <div className="tl-record-grid">
        <section aria-label={t('views.record.details')}>
          <h3 className="tl-section">{t('views.record.details')}</h3>
          {/* Keyed by updatedAt: a change made elsewhere (sync, another tab) reloads the form. A deal's
              line edits change only its lines and amount, so they key on the other values instead
              and leave what is being typed in the form alone. */}
          <RecordForm key={amountField ? formKey(record, amountField.id) : record.updatedAt} schema={formSchema} record={record} onSaved={() => undefined} readOnly={!canWrite} />
          {readOnly.length > 0 && (
            <dl className="tl-computed" aria-label={t('views.record.computed')}>
              {readOnly.map((f) => (
                <div key={f.id}>
                  <dt>{f.label}</dt>
                  <dd><FieldValue field={f} value={fieldValue(record, f, schema.fields)} ctx={ctx} /></dd>
                </div>
              ))}
            </dl>
          )}
          {amountField && <ComputedAmount deal={record} field={amountField} fields={schema.fields} />}
        </section>
        <div className="tl-record-side">
          <LinkedRecords record={record} schema={schema} />
          {(kind === 'contacts' || kind === 'companies') && <PurchaseHistory recordId={record.id} />}
          <RecordTasks recordId={record.id} canWrite={canWrite} />
          <section aria-label={t('views.record.history')}>
            <h3 className="tl-section">{t('views.record.history')}</h3>
            <RecordActivities recordId={record.id} />
            <Timeline rollupOf={record.id} pipelines={schema.pipelines} />
          </section>
        </div>
      </div>
      {/* Full width: the lines' table has seven columns. */}
      {kind === 'deals' && <DealLines deal={record} fields={schema.fields} canWrite={canWrite} />}
    </article>
  );
}
