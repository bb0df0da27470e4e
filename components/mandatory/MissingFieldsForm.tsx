import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Pipeline, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { isEmptyValue } from '../../storage/model/fieldRegistry';
import { describeError } from '../errors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import './mandatory.css';

type Props = {
  /** The record the fields belong to (its title, or what it will be called). */
  name: string;
  fields: readonly Field[];
  pipelines: readonly Pipeline[];
  /** One write with the filled values; a refusal stays on the form, worded, with what was typed. */
  onSave: (values: RecordValues) => Promise<void>;
  onCancel: () => void;
  /** What the save button says ("Save", "Move to Won"). */
  saveLabel?: string;
};

/**
 * Exactly the mandatory fields a quick action left empty, each with its type's editor, in place
 * (in the sidebar card, over the board card). Enter saves, Escape cancels and writes nothing.
 */
export function MissingFieldsForm({ name, fields, pipelines, onSave, onCancel, saveLabel }: Props) {
  const id = useId();
  const [values, setValues] = useState<RecordValues>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const complete = fields.every((f) => !isEmptyValue(f, values[f.id]));

  // The ask replaces the action the person just took: their focus goes to the first missing field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!complete || busy) return;
    setBusy(true);
    try {
      await onSave(values);
    } catch (err) {
      setErrors(describeError(err));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    // Inside a board card: the drag library must not take this Escape as its own.
    e.stopPropagation();
    e.preventDefault();
    onCancel();
  }

  return (
    <form ref={form} className="tl-missing" aria-label={t('mandatory.form', { name })} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}
      // A form inside a draggable card: pointer and key presses here are typing, not dragging.
      onPointerDown={(e) => e.stopPropagation()}>
      <strong className="tl-missing-title">{t('mandatory.heading')}</strong>
      <p className="tl-missing-intro">{t('mandatory.intro', { name })}</p>
      {fields.map((f) => (
        <div key={f.id} className="tl-missing-field">
          <label htmlFor={`${id}-${f.id}`}>{f.label}</label>
          <FieldEditor field={f} value={values[f.id]} pipelines={pipelines} inputId={`${id}-${f.id}`}
            onChange={(v) => setValues((old) => ({ ...old, [f.id]: v }))} />
        </div>
      ))}
      {errors.length > 0 && (
        <div role="alert" className="tl-error">
          <strong>{t('common.notSaved')}</strong> {errors.join(' ')}
        </div>
      )}
      <div className="tl-missing-actions">
        <button type="submit" className="tl-primary" disabled={!complete || busy}>{saveLabel ?? t('mandatory.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        <small className="tl-muted">{t('mandatory.keys')}</small>
      </div>
    </form>
  );
}
