import type { Field, FieldType } from '../model/field';
import type { CsvResult } from '../model/fieldRegistry';
import type { IssueCode, IssueParams } from '../model/issues';
import { foldHeader } from './cells';
import { readDate } from './dates';
import { readAmount, readPercent, readPlainNumber } from './numbers';
import type { CellReading } from './reading';
import { presetOptionFor } from './synonyms';

/**
 * How an import reads the cells whose meaning depends on the file (its decimal mark, its date
 * order, the language of its dropdown values). The other types read through the field registry's
 * own parseCsv, which needs no such choice.
 */
type Reader = (raw: string, field: Field, reading: CellReading) => CsvResult<unknown>;

const ok = <V>(value: V | undefined): CsvResult<V> => ({ ok: true, value });
const fail = (code: IssueCode, value: string, params: IssueParams = {}): CsvResult<never> => ({ ok: false, error: { code, params: { ...params, value: value.slice(0, 200) } } });

const LIST_SEPARATOR = /\s*;\s*/;

/** The option a cell names: its id, its label, or (preset fields) its label in any language. */
export function optionIdFor(field: Field, raw: string): string | undefined {
  const value = raw.trim();
  const folded = foldHeader(value);
  const options = field.options ?? [];
  const direct = options.find((o) => o.id === value) ?? options.find((o) => foldHeader(o.label) === folded && folded !== '');
  if (direct) return direct.id;
  const preset = presetOptionFor(field.id, value);
  return options.some((o) => o.id === preset) ? preset : undefined;
}

/** Values the field's options do not name are left empty: the preview listed them and offered to add them first. */
const dropdown: Reader = (raw, field) => ok(optionIdFor(field, raw));

const multiDropdown: Reader = (raw, field) => {
  const ids = raw
    .split(LIST_SEPARATOR)
    .filter((p) => p.trim())
    .flatMap((p) => optionIdFor(field, p) ?? []);
  return ok(ids.length ? [...new Set(ids)] : undefined);
};

const number: Reader = (raw, _field, { decimal }) => {
  const n = readPlainNumber(raw, decimal);
  return n === undefined ? ok(undefined) : Number.isNaN(n) ? fail('notANumber', raw) : ok(n);
};

const percent: Reader = (raw, _field, { decimal }) => {
  const n = readPercent(raw, decimal);
  return n === undefined ? ok(undefined) : Number.isNaN(n) ? fail('notANumber', raw) : ok(n);
};

const currency: Reader = (raw, field, { decimal }) => {
  const read = readAmount(raw, decimal);
  if (read === 'invalid') return fail('notAnAmount', raw);
  if (read === undefined) return ok(undefined);
  return ok({ amount: read.amount, currency: read.currency ?? field.settings.defaultCurrency ?? 'EUR' });
};

const date: Reader = (raw, _field, { dateOrder }) => {
  const read = readDate(raw, dateOrder);
  if (!read) return ok(undefined);
  if ('iso' in read) return ok(read.iso);
  return read.refused === 'noSuchDay' ? fail('noSuchDay', raw) : fail('dateNotInOrder', raw, { order: dateOrder });
};

export const CELL_READERS: Partial<Record<FieldType, Reader>> = { number, percent, currency, date, dropdown, multiDropdown };

/** A dropdown cell's values that no option names (after trimming; none for other types). */
export function unknownOptionValues(field: Field, raw: string): string[] {
  if (field.type !== 'dropdown' && field.type !== 'multiDropdown') return [];
  const parts = field.type === 'dropdown' ? [raw] : raw.split(LIST_SEPARATOR);
  return parts.map((p) => p.trim()).filter((p) => p && !optionIdFor(field, p));
}
