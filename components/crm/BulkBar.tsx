import { useId, useState } from 'react';
import { bulkDeleteRecords, bulkUpdateRecords } from '../../storage/folders/folders';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { FIELD_EDITORS } from '../fields/editors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import { ConfirmButton } from './ConfirmButton';
import { ErrorAlert } from './ErrorAlert';
import { useDb } from '../shell/DbProvider';

/** Actions on the selected records: set one field to one value for all, or delete them, all or nothing. */
export function BulkBar({ schema, selected, onDone }: { schema: FolderSchema; selected: ReadonlySet<string>; onDone: () => void }) {
  const db = useDb();
  const fields = schema.fields.filter((f) => FIELD_EDITORS[f.type] !== null && !FIELD_REGISTRY[f.type].computed && !f.hidden);
  const [fieldId, setFieldId] = useState(fields[0]?.id ?? '');
  const [value, setValue] = useState<unknown>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const field = fields.find((f) => f.id === fieldId);
  const ids = [...selected];
  const count = ids.length;

  const run = async (work: Promise<unknown>) => {
    setBusy(true);
    try {
      await work;
      setErrors([]);
      onDone();
    } catch (e) {
      setErrors(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tl-bulk" aria-label={t('views.selected', { count })}>
      <strong>{t('views.selected', { count })}</strong>
      <label>
        {t('views.bulkField')}
        <select value={fieldId} onChange={(e) => { setFieldId(e.target.value); setValue(undefined); }}>
          {fields.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
      </label>
      {field && (
        <span className="tl-bulk-editor">
          <label htmlFor={inputId} className="tl-visually-hidden">{t('views.bulkValue', { field: field.label })}</label>
          <FieldEditor key={field.id} field={field} value={value} onChange={setValue} pipelines={schema.pipelines} inputId={inputId} />
        </span>
      )}
      <button type="button" className="tl-primary" disabled={busy || !field} onClick={() => field && void run(bulkUpdateRecords(db, ids, { [field.id]: value }))}>
        {t('views.bulkApply', { count })}
      </button>
      <ConfirmButton
        label={t('views.bulkDelete', { count })}
        question={t('views.bulkDeleteQuestion', { count })}
        confirmLabel={t('views.deleteConfirm')}
        onConfirm={() => void run(bulkDeleteRecords(db, ids))}
      />
      <button type="button" onClick={onDone}>{t('views.clearSelection')}</button>
      <ErrorAlert errors={errors} />
    </section>
  );
}
