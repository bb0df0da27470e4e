import Papa from 'papaparse';

export type CsvColumn<R> = { header: string; value: (row: R) => string | number | undefined };

/**
 * A report table as CSV. Text cells starting with = + - @ are prefixed with ' so a spreadsheet
 * never runs a campaign name as a formula; numbers are written as they are.
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const safe = (v: string | number | undefined) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));
  return Papa.unparse({ fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => safe(c.value(r)))) });
}
