import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Pipeline, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { describeError } from '../errors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import './mandatory.css';

type Props = {
  /** The deal's title. */
  name: string;
  /** The lost stage it is moving to. */
  stage: string;
  /** The "Lost reason" dropdown (lostReasonToAsk). */
  field: Field;
  pipelines: readonly Pipeline[];
  /** The move, with the reason when one was picked ({} when skipped); a refusal stays on the form, worded. */
  onSave: (values: RecordValues) => Promise<void>;
  /** Nothing moves. */
  onCancel: () => void;
};

/**
 * Asks why a deal was lost as it moves to a lost stage, in place (the board card, the sidebar
 * card, the record page), the way MissingFieldsForm asks for mandatory fields. The reason is
 * optional: Skip moves it without one. Enter saves, Escape cancels the move.
 */
export function LostReasonAsk({ name, stage, field, pipelines, onSave, onCancel }: Props) {
  const id = useId();
  const [reason, setReason] = useState<unknown>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  async function save(values: RecordValues) {
    if (busy) return;
    setBusy(true);
    try {
      await onSave(values);
    } catch (err) {
      setErrors(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason !== undefined) void save({ [field.id]: reason });
  };
  function onKeyDown(e: KeyboardEvent) {
    // A select never submits its form on Enter by itself; here Enter means "save".
    if (e.key === 'Enter' && e.target instanceof HTMLSelectElement && reason !== undefined) {
      e.preventDefault();
      void save({ [field.id]: reason });
      return;
    }
    if (e.key !== 'Escape') return;
    // Inside a board card: the drag library must not take this Escape as its own.
    e.stopPropagation();
    e.preventDefault();
    onCancel();
  }

  return (
    <form ref={form} className="tl-missing tl-lost" aria-label={t('mandatory.lost.form', { name })} onSubmit={submit} onKeyDown={onKeyDown}
      // A form inside a draggable card: pointer presses here are choosing, not dragging.
      onPointerDown={(e) => e.stopPropagation()}>
      <strong className="tl-missing-title">{t('mandatory.lost.heading')}</strong>
      <p className="tl-missing-intro">{t('mandatory.lost.intro', { name, stage })}</p>
      <div className="tl-missing-field">
        <label htmlFor={`${id}-reason`}>{field.label}</label>
        <FieldEditor field={field} value={reason} pipelines={pipelines} inputId={`${id}-reason`} onChange={setReason} />
      </div>
      {errors.length > 0 && (
        <div role="alert" className="tl-error">
          <strong>{t('common.notSaved')}</strong> {errors.join(' ')}
        </div>
      )}
      <div className="tl-missing-actions">
        <button type="submit" className="tl-primary" disabled={busy || reason === undefined}>{t('mandatory.moveTo', { column: stage })}</button>
        <button type="button" disabled={busy} onClick={() => void save({})}>{t('mandatory.lost.skip')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        <small className="tl-muted">{t('mandatory.lost.keys')}</small>
      </div>
    </form>
  );
}
