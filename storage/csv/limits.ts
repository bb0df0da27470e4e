import { LIMITS } from '../model/limits';
import { StorageError, type StorageErrorParams } from '../model/errors';

/**
 * What an import reads at most. A file past these is refused with a code the import page words,
 * before the parser builds anything large: a 1,000,000-column header once froze the page for
 * minutes (the mapping screen rendered a picker per column).
 */
export const CSV_LIMITS = {
  /** Bytes of the picked file. */
  fileBytes: 50 * 1024 * 1024,
  /** Characters of the header row; it must also end within the sample the delimiter is guessed from (64 KiB). */
  headerChars: 60_000,
  columns: 500,
  /** No field holds more than a long text. */
  cellChars: LIMITS.longText,
  /** Characters of one data row, so a row without an end is not re-read slice after slice. */
  rowChars: 2_000_000,
  rows: 100_000,
} as const;

export type CsvLimitCode = 'csvTooBig' | 'csvHeaderTooLong' | 'csvTooManyColumns' | 'csvCellTooLong' | 'csvRowTooLong' | 'csvTooManyRows';

const EN: Record<CsvLimitCode, (p: StorageErrorParams) => string> = {
  csvTooBig: (p) => `The file is larger than ${p.max} bytes.`,
  csvHeaderTooLong: (p) => `The header row is longer than ${p.max} characters.`,
  csvTooManyColumns: (p) => `Row ${p.row} has more than ${p.max} columns.`,
  csvCellTooLong: (p) => `Row ${p.row} has a cell longer than ${p.max} characters.`,
  csvRowTooLong: (p) => `Row ${p.row} is longer than ${p.max} characters.`,
  csvTooManyRows: (p) => `The file has more than ${p.max} rows.`,
};

/** A file past one of CSV_LIMITS; `row` (when given) is the spreadsheet's row number, the header being 1. */
export class CsvLimitError extends StorageError {
  constructor(code: CsvLimitCode, params: { max: number; row?: number }) {
    super(code, params, EN[code](params));
    this.name = 'CsvLimitError';
  }
}

/** The spreadsheet row number of a 0-based data row (the header is row 1). */
export const sheetRow = (index: number) => index + 2;

export function checkFileSize(size: number): void {
  if (size > CSV_LIMITS.fileBytes) throw new CsvLimitError('csvTooBig', { max: CSV_LIMITS.fileBytes });
}

/** The header row, once parsed from the sample: `ended` is false when the sample ran out inside it. */
export function checkHeader(cells: readonly string[], ended: boolean, chars: number): void {
  if (!ended || chars > CSV_LIMITS.headerChars) throw new CsvLimitError('csvHeaderTooLong', { max: CSV_LIMITS.headerChars });
  if (cells.length > CSV_LIMITS.columns) throw new CsvLimitError('csvTooManyColumns', { max: CSV_LIMITS.columns, row: 1 });
}

/**
 * One data row (0-based `index`): its width, each cell's length, and how many rows came before
 * (an empty line does not count: a file's closing line break reads as one).
 */
export function checkRow(cells: readonly string[], index: number): void {
  const row = sheetRow(index);
  const empty = cells.length === 1 && cells[0] === '';
  if (index >= CSV_LIMITS.rows && !empty) throw new CsvLimitError('csvTooManyRows', { max: CSV_LIMITS.rows });
  if (cells.length > CSV_LIMITS.columns) throw new CsvLimitError('csvTooManyColumns', { max: CSV_LIMITS.columns, row });
  if (cells.some((c) => c.length > CSV_LIMITS.cellChars)) throw new CsvLimitError('csvCellTooLong', { max: CSV_LIMITS.cellChars, row });
}

/**
 * Papaparse carries a row that a slice did not finish into the next slice and parses it again, so
 * one endless row costs (slices)² work. `stalled` counts consecutive slices that ended no row.
 */
export function checkStall(stalled: number, sliceChars: number, index: number): void {
  if (stalled * sliceChars > CSV_LIMITS.rowChars) throw new CsvLimitError('csvRowTooLong', { max: CSV_LIMITS.rowChars, row: sheetRow(index) });
}
