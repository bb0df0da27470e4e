import { useId, useState, type FormEvent } from 'react';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import type { CrmRecord, RecordValues } from '../../storage/model/entities';
import { createRecord, updateRecord } from '../../storage/write/records';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import { ErrorAlert } from './ErrorAlert';
import { EditArea } from '../workspace/ViewOnlyNote';
import { useDb } from '../shell/DbProvider';
import { presetItemName } from '../../storage/folders/presets';
import type { Field } from '../../storage/model/field';
import { LostReasonAsk } from '../mandatory/LostReasonAsk';
import { lostReasonToAsk, stageOf } from '../mandatory/lostReason';

type Props = {
  schema: FolderSchema;
  /** Editing an existing record; without it the form creates one. */
  record?: CrmRecord;
  initialValues?: RecordValues;
  onSaved: (record: CrmRecord) => void;
  onCancel?: () => void;
  submitLabel?: string;
  /** A viewer's record page: the values in their editors, greyed out, and nothing to save. */
  readOnly?: boolean;
};

/** Every editable field of a folder through its registry editor; the write path does the validation. */
export function RecordForm({ schema, record, initialValues, onSaved, onCancel, submitLabel, readOnly = false }: Props) {
  const db = useDb();
  const formId = useId();
  const [values, setValues] = useState<RecordValues>(record?.values ?? initialValues ?? {});
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const editable = schema.fields.filter((f) => !f.hidden && !FIELD_REGISTRY[f.type].computed && f.type !== 'autoNumber');
  // Saving a move into a lost stage first asks why (optional), as the board and the sidebar do.
  const [askingLost, setAskingLost] = useState<{ field: Field; stage: string }>();
  const lostAsk = () => {
    for (const f of editable.filter((x) => x.type === 'stage')) {
      const reason = lostReasonToAsk(schema.fields, schema.pipelines, { ...(record?.values ?? {}), ...values, [f.id]: record?.values[f.id] }, f.id, values[f.id]);
      if (reason) return { field: reason, stage: stageOf(schema.pipelines, values[f.id])?.name ?? '' };
    }
    return undefined;
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const ask = lostAsk();
    if (ask) setAskingLost(ask);
    else void save(values);
  }

  async function save(values: RecordValues) {
    setSaving(true);
    try {
      const saved = record
        ? await updateRecord(db, record.id, Object.fromEntries(editable.map((f) => [f.id, values[f.id]])))
        : await createRecord(db, schema.folder.id, values);
      setErrors([]);
      onSaved(saved);
    } catch (err) {
      setErrors(describeError(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <form className="tl-form" onSubmit={submit} aria-label={record ? t('crm.editRecord', { title: record.title }) : t('crm.new', { item: singular(schema.folder.name) })}>
        <ErrorAlert errors={errors} />
        <EditArea canWrite={!readOnly}>
          {editable.map((field) => {
            const inputId = `${formId}-${field.id}`;
            return (
              <div className="tl-field" key={field.id}>
                <label htmlFor={inputId}>
                  {field.label}
                  {field.mandatory && <span aria-hidden="true" className="tl-required"> *</span>}
                </label>
                <FieldEditor
                  field={field}
                  value={values[field.id]}
                  pipelines={schema.pipelines}
                  inputId={inputId}
                  onChange={(v) => setValues((prev) => ({ ...prev, [field.id]: v }))}
                />
              </div>
            );
          })}
        </EditArea>
        {!readOnly && !askingLost && (
          <div className="tl-actions">
            <button type="submit" disabled={saving}>
              {submitLabel ?? (record ? t('common.save') : t('crm.create', { item: singular(schema.folder.name) }))}
            </button>
            {onCancel && (
              <button type="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        )}
      </form>
      {askingLost && (
        <LostReasonAsk name={record?.title ?? ''} stage={askingLost.stage} field={askingLost.field} pipelines={schema.pipelines} onCancel={() => setAskingLost(undefined)}
          onSave={async (extra) => {
            setAskingLost(undefined);
            const next = { ...values, ...extra };
            setValues(next);
            await save(next);
          }} />
      )}
    </>
  );
}

/** "New: {item}": a preset folder's own word in its language, else English-style plural trimming (a custom name). */
export const singular = (folderName: string) => presetItemName(folderName) ?? folderName.replace(/ies$/, 'y').replace(/s$/, '').toLowerCase();
