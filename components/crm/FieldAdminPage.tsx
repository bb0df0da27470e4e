import { useState, type FormEvent } from 'react';
import { addField, reorderFields, type ConversionReport } from '../../storage/fields/fieldsAdmin';
import { FIELD_TYPES, type Field, type FieldType } from '../../storage/model/field';
import { describeError } from '../errors';
import { FIELD_SETTINGS_EDITORS, type FieldSetup } from '../fields/settingsEditors';
import { FIELD_TYPE_LABELS } from '../fields/typeLabels';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { useCanShape } from '../workspace/useWorkspaceRole';
import { EditArea, ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { ErrorAlert } from './ErrorAlert';
import { FieldRow } from './FieldRow';
import { useSchemaOrNull } from './FolderPage';
import { routeHref } from '../shell/router';
import { TypeChangeReport } from './TypeChangeReport';
import { useDb } from '../shell/DbProvider';

function AddFieldForm({ folderId, fields, run }: { folderId: string; fields: readonly Field[]; run: (w: Promise<unknown>) => Promise<void> }) {
  const db = useDb();
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [mandatory, setMandatory] = useState(false);
  const [setup, setSetup] = useState<FieldSetup>({ settings: {} });
  const Settings = FIELD_SETTINGS_EDITORS[type];
  const draft: Field = { id: 'new', folderId, key: 'new', label, type, mandatory, hidden: false, order: 0, settings: setup.settings, createdAt: 0, updatedAt: 0 };

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(addField(db, folderId, { label, type, mandatory, ...setup }).then(() => {
      setLabel('');
      setMandatory(false);
      setSetup({ settings: {} });
    }));
  }

  return (
    <form className="tl-panel tl-add-field" onSubmit={submit} aria-label={t('views.fields.add')}>
      <h3>{t('views.fields.add')}</h3>
      <label>{t('views.fields.label')} <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={120} /></label>
      <label>
        {t('views.fields.type')}{' '}
        <select value={type} onChange={(e) => { setType(e.target.value as FieldType); setSetup({ settings: {} }); }}>
          {FIELD_TYPES.map((x) => <option key={x} value={x}>{t(FIELD_TYPE_LABELS[x])}</option>)}
        </select>
      </label>
      <label className="tl-check"><input type="checkbox" checked={mandatory} onChange={(e) => setMandatory(e.target.checked)} /> {t('views.fields.mandatory')}</label>
      {Settings && <Settings field={draft} setup={setup} folderFields={fields} onChange={setSetup} />}
      <button type="submit" className="tl-primary">{t('views.fields.addButton')}</button>
    </form>
  );
}

/** The field editor of one folder: every field in order, with adding, changing and deleting fields. */
export function FieldAdminPage({ folderId }: { folderId: string }) {
  const db = useDb();
  const schema = useSchemaOrNull(folderId);
  const [errors, setErrors] = useState<string[]>([]);
  const [report, setReport] = useState<{ field: Field; report: ConversionReport }>();
  const canWrite = useCanShape();
  if (schema === null) return <p className="tl-empty">{t('views.folderMissing')}</p>;
  if (!schema) return <p aria-busy="true">{t('common.loading')}</p>;
  const run = (work: Promise<unknown>) => work.then(() => setErrors([]), (e: unknown) => setErrors(describeError(e)));
  const ids = schema.fields.map((f) => f.id);
  const move = (i: number, by: number) => {
    const next = [...ids];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    void run(reorderFields(db, folderId, next));
  };
  const preserved = report?.report.preservedFieldId ? schema.fields.find((f) => f.id === report.report.preservedFieldId)?.label : undefined;

  return (
    <section className="tl-page" aria-label={t('views.fields.title', { folder: schema.folder.name })}>
      <nav className="tl-crumbs"><a href={routeHref({ page: 'folder', folderId })}><Icon name="back" size={14} /> {t('views.record.back', { folder: schema.folder.name })}</a></nav>
      <h2>{t('views.fields.title', { folder: schema.folder.name })}</h2>
      <ViewOnlyNote canWrite={canWrite} reason="shape" />
      <ErrorAlert errors={errors} onDismiss={() => setErrors([])} />
      {report && <TypeChangeReport field={report.field} report={report.report} preservedLabel={preserved} onClose={() => setReport(undefined)} />}
      <EditArea canWrite={canWrite}>
        <ol className="tl-field-list">
          {schema.fields.map((f, i) => (
            <FieldRow key={`${f.id}-${f.updatedAt}`} field={f} folderFields={schema.fields} position={i} count={ids.length}
              onMove={(by) => move(i, by)} onReport={(field, r) => setReport({ field, report: r })} run={run} />
          ))}
        </ol>
      </EditArea>
      {canWrite && <AddFieldForm folderId={folderId} fields={schema.fields} run={run} />}
    </section>
  );
}
