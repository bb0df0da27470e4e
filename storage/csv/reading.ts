import { z } from 'zod';
import type { Field } from '../model/field';
import { csvEncodingSchema } from './encoding';
import { dateEvidence, dateOrderSchema, localeDateOrder, type DateOrder } from './dates';
import { decimalEvidence, decimalMarkSchema, type DecimalMark } from './numbers';
import type { ColumnMapping } from './mapping';

export const UNKNOWN_OPTION_MODES = ['add', 'empty'] as const;
export type UnknownOptionMode = (typeof UNKNOWN_OPTION_MODES)[number];

/**
 * How an import reads its cells, decided in the preview and kept on the import job so a resumed
 * import reads the rest of the file exactly as it read the start.
 */
export const cellReadingSchema = z.object({
  encoding: csvEncodingSchema.optional(),
  dateOrder: dateOrderSchema,
  decimal: decimalMarkSchema,
  /** Dropdown values that match no option: added as new options before the import, or left empty. */
  unknownOptions: z.enum(UNKNOWN_OPTION_MODES),
});
export type CellReading = z.infer<typeof cellReadingSchema>;

/** What imports read before they had a choice: day first, a dot decimal for "1.234", unknown options refused. */
export const LEGACY_READING: CellReading = { dateOrder: 'dmy', decimal: '.', unknownOptions: 'empty' };

/** A decision and what made it: the file's own cells, or the UI's language when they do not say. */
export type Decided<T> = { value: T; by: 'file' | 'locale' };

const NUMERIC_TYPES = new Set<Field['type']>(['number', 'currency', 'percent']);

/** Distinct values of each column, as the preview's scan collected them (undefined: past the scan's cap). */
export type ColumnValues = readonly (readonly string[] | undefined)[];

function columnsOf(mapping: ColumnMapping, fields: readonly Field[], types: ReadonlySet<Field['type']>): number[] {
  return mapping.flatMap((target, i) => (fields.some((f) => f.id === target && types.has(f.type)) ? [i] : []));
}

/** The answer most cells give, if any gives one. */
function vote<T extends string>(values: Iterable<string>, evidence: (v: string) => T | undefined): T | undefined {
  const votes = new Map<T, number>();
  for (const v of values) {
    const e = evidence(v);
    if (e) votes.set(e, (votes.get(e) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const cellsOf = (values: ColumnValues, columns: number[]) => columns.flatMap((c) => values[c] ?? []);

/**
 * Day or month first: the file's date cells decide when one can only be read one way (a day above
 * 12), else the UI's locale (formatLocale: en-US is month first, en-GB, es and it day first).
 */
export function decideDateOrder(values: ColumnValues, mapping: ColumnMapping, fields: readonly Field[], locale: string): Decided<DateOrder> {
  const fromFile = vote(cellsOf(values, columnsOf(mapping, fields, new Set(['date']))), dateEvidence);
  return fromFile ? { value: fromFile, by: 'file' } : { value: localeDateOrder(locale), by: 'locale' };
}

/**
 * The decimal mark of "1.234": the file's numeric cells decide when one says ("1.234,56", "12,5"),
 * else a semicolon-separated file is from a comma-decimal spreadsheet, else the UI's language.
 */
export function decideDecimal(values: ColumnValues, mapping: ColumnMapping, fields: readonly Field[], locale: string, delimiter: string): Decided<DecimalMark> {
  const fromFile = vote(cellsOf(values, columnsOf(mapping, fields, NUMERIC_TYPES)), decimalEvidence);
  if (fromFile) return { value: fromFile, by: 'file' };
  if (delimiter === ';') return { value: ',', by: 'file' };
  const comma = new Intl.NumberFormat(locale).format(1.5).includes(',');
  return { value: comma ? ',' : '.', by: 'locale' };
}
