import type { IndexableType } from 'dexie';
import type { Field, FieldType } from '../model/field';
import { isEmptyValue } from '../model/fieldRegistry';
import { foldText } from '../model/normalize';

/**
 * Sort keys of a record, one `[folderId, fieldId, key]` entry per sortable field with a value,
 * stored in the multi-entry `sortKeys` index (schema v7) so a table sorted by a field reads its
 * rows in order through the index instead of loading the folder. Empty values get no entry: they
 * are appended after the keyed ones, last whichever the direction, as `sortRecords` puts them.
 *
 * Each key orders as `compareValues` does. Text follows the comparator's collation
 * (`Intl.Collator('en', { sensitivity: 'base', numeric: true })`) closely: case and accents
 * folded away, digit runs compared as numbers. Where the collator's table and code-point order
 * differ (punctuation between digits and letters), the index order is an approximation.
 */
export type SortKeyEntry = [folderId: string, fieldId: string, key: IndexableType];

/** Digit runs become their length (one char) then the digits: "item 9" < "item 10", as numeric collation does. */
export function textKey(raw: string): string {
  return foldText(raw).replace(/\d+/g, (run) => String.fromCharCode(0x30 + Math.min(run.length, 0x2f)) + run);
}

const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
const firstText = (v: unknown) => (Array.isArray(v) && typeof v[0] === 'string' ? textKey(v[0]) : undefined);
const plainText = (v: unknown) => (typeof v === 'string' ? textKey(v) : undefined);

/**
 * The types an index can order, and how. Dropdowns order by their options' order, which a field
 * edit can change without rewriting records, so they (and computed, linked or composite values)
 * are sorted by the in-memory folder index instead.
 */
const ENCODERS: Partial<Record<FieldType, (v: unknown) => IndexableType | undefined>> = {
  text: plainText,
  longText: plainText,
  user: plainText,
  url: plainText,
  email: firstText,
  phone: firstText,
  number: finite,
  autoNumber: finite,
  percent: finite,
  currency: (v) => finite((v as { amount?: unknown } | null)?.amount),
  // ISO days ("2024-03-09") order as strings.
  date: (v) => (typeof v === 'string' ? v : undefined),
  checkbox: (v) => (typeof v === 'boolean' ? Number(v) : undefined),
};

/** Whether the `sortKeys` index orders this field. */
export function indexSortable(field: Field): boolean {
  return ENCODERS[field.type] !== undefined;
}

/** The key of one value, or undefined when it is empty or the field is not index-sortable. */
export function sortKeyOf(field: Field, value: unknown): IndexableType | undefined {
  const encode = ENCODERS[field.type];
  if (!encode || isEmptyValue(field, value)) return undefined;
  try {
    return encode(value);
  } catch {
    return undefined;
  }
}

export function recordSortKeys(folderId: string, fields: readonly Field[], values: Record<string, unknown>): SortKeyEntry[] {
  const out: SortKeyEntry[] = [];
  for (const field of fields) {
    const key = sortKeyOf(field, values[field.id]);
    if (key !== undefined) out.push([folderId, field.id, key]);
  }
  return out;
}
