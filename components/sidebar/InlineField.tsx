import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { updateRecord } from '../../storage/write/records';
import { describeError } from '../errors';
import { FieldValue } from '../fields/FieldValue';
import { formatContext } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useMandatoryAsk } from '../mandatory/useMandatoryAsk';
import { LazyFieldEditor, LazyMissingFieldsForm, Later } from './lazy';

type Props = { record: CrmRecord; field: Field; pipelines: readonly Pipeline[]; canWrite: boolean };

/**
 * One of a card's common fields: its value, and a click (or Enter) on it edits it in place with
 * its type's editor. Enter saves, Escape cancels; a save a mandatory field blocks asks for it.
 */
export function InlineField({ record, field, pipelines, canWrite }: Props) {
  const db = useDb();
  const [draft, setDraft] = useState<{ value: unknown }>();
  const [error, setError] = useState<string>();
  const { ask, attempt, clear } = useMandatoryAsk();
  const value = record.values[field.id];
  const inputId = `${record.id}-${field.id}`;
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);

  const stop = () => {
    setDraft(undefined);
    setError(undefined);
    clear();
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    try {
      const outcome = await attempt(record.folderId, (extra) => updateRecord(db, record.id, { ...extra, [field.id]: draft.value }));
      if (outcome === 'saved') stop();
    } catch (err) {
      setError(describeError(err).join(' '));
    }
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stop();
    }
  };

  if (ask && draft) {
    return (
      <Later>
        <LazyMissingFieldsForm name={record.title} fields={ask.fields} pipelines={ask.pipelines} onCancel={stop}
          onSave={async (values) => {
            await ask.retry(values);
            stop();
          }} />
      </Later>
    );
  }
  if (draft) {
    return (
      <form className="tl-row tl-inline-edit" onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} aria-label={t('sidebar.editField', { field: field.label })}>
        <label htmlFor={inputId}>{field.label}</label>
        <div className="tl-inline-editor">
          <Later inline>
            <LazyFieldEditor field={field} value={draft.value} pipelines={pipelines} inputId={inputId} onChange={(v) => setDraft({ value: v })} />
          </Later>
          <button type="submit" className="tl-primary tl-small-button">{t('mandatory.save')}</button>
        </div>
        {error && <div role="alert" className="tl-error">{error}</div>}
      </form>
    );
  }
  return (
    <div className="tl-row">
      <span className="tl-field-label">{field.label}</span>
      {canWrite ? (
        <button type="button" className="tl-field-value" aria-label={t('sidebar.editFieldValue', { field: field.label })}
          onClick={() => setDraft({ value })}>
          {empty ? <span className="tl-muted">{t('sidebar.emptyValue')}</span> : <FieldValue field={field} value={value} ctx={formatContext(pipelines)} />}
        </button>
      ) : (
        <span>{empty ? '—' : <FieldValue field={field} value={value} ctx={formatContext(pipelines)} />}</span>
      )}
    </div>
  );
}
