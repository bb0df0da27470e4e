import type { KeyboardEvent } from 'react';
import { t } from '../../i18n';

/** A person the activity can be with: the record's contacts (or the thread's). */
export type PersonChoice = { id: string; title: string };

/** What every activity form is given: the records it is about, the people it can involve, the thread it was written beside. */
export type ActivityTarget = {
  recordIds: string[];
  people: readonly PersonChoice[];
  threadId?: string;
};

/** `datetime-local`'s value for an instant, in the user's time zone (the input has none of its own). */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value names in the user's time zone; undefined when empty or unreadable. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The instant to store for the form's "When": the present moment to the millisecond while the box
 * still shows the current minute (its default), so what is logged one after another keeps its
 * order in the history; else the minute the rep picked.
 */
export function whenToStore(value: string, now = Date.now()): number | undefined {
  return value === localInputValue(now) ? now : fromLocalInput(value);
}

/** Minutes typed in a duration box: undefined when empty, NaN when not a whole number of 0–1440. */
export function minutesFrom(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 24 * 60 ? n : NaN;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) submits the form from any of its fields, the textarea included. */
export function submitOnModEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.nativeEvent.isComposing) return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}

export function WhenField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="tl-act-field">
      <label htmlFor={id}>{t('activity.when')}</label>
      <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} required />
    </div>
  );
}

export function DurationField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="tl-act-field tl-act-short">
      <label htmlFor={id}>{t('activity.duration')}</label>
      <input id={id} type="number" inputMode="numeric" min={0} max={1440} step={1} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function SubmitRow({ label, disabled, status }: { label: string; disabled: boolean; status?: string }) {
  return (
    <div className="tl-act-submit">
      <button type="submit" className="tl-primary" disabled={disabled}>
        {label}
      </button>
      <small className="tl-act-hint">{t('activity.submitHint')}</small>
      <span aria-live="polite" className="tl-act-status">{status}</span>
    </div>
  );
}
