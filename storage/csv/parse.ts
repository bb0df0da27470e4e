import Papa, { type Parser } from 'papaparse';
import { StorageError, type StorageErrorCode } from '../model/errors';
import { unguardCell } from './cells';
import { checkFileSize, checkHeader, checkRow, checkStall } from './limits';
import { readCsvText, type CsvEncoding, type DecodedText } from './encoding';
import type { ColumnValues } from './reading';
import { scanColumns } from './scan';

/** A picked file, or text (tests, pasted data). */
export type CsvSource = Blob | string;
export type CsvRow = { /** 0-based index among data rows (the header is not counted). */ index: number; cells: string[] };
export type CsvBatch = { rows: CsvRow[]; /** 0..1, how much of the source has been read. */ fraction: number };

/**
 * Papaparse reads a file in slices of this many bytes; each slice is parsed synchronously, so it
 * is kept small enough (a few milliseconds of parsing) that the page stays responsive.
 */
const SLICE_BYTES = 256 * 1024;

const sizeOf = (source: CsvSource) => (typeof source === 'string' ? source.length : source.size);
const stripBom = (s: string) => s.replace(/^\ufeff/, '');
/** A header cell as its column is named: exports guard labels against formulas like any cell (cells.ts). */
const headerCell = (h: string, i: number) => unguardCell((i === 0 ? stripBom(h) : h).trim()).trim();

/** What CSV exports separate cells with: commas, the semicolons of European spreadsheets, tabs, pipes. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
/** The start of the file the delimiter is guessed from, and how many of its rows are looked at. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 20;

/**
 * The delimiter of a CSV, guessed from its first rows. The header decides: only a delimiter that
 * splits it into several columns is a candidate, and the one whose data rows most often have the
 * header's width wins (ties: the earlier in DELIMITERS). A header that no delimiter splits is a
 * one-column file, read with a separator that cannot occur in text, so a list of names or emails
 * keeps its commas, semicolons and pipes inside cells. (papaparse's own guess picks any character
 * that splits the data rows evenly, so a one-column list of "A; B" names became two columns.)
 * `truncated`: the sample was cut from a longer file, so its last row may be partial.
 */
export function guessDelimiter(sample: string, truncated = false): string {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(stripBom(sample), { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' }).data;
    if (truncated && rows.length > 1) rows.pop();
    const [header, ...data] = rows;
    if (!header || header.length < 2) continue;
    const score = data.length === 0 ? 1 : data.filter((r) => r.length === header.length).length / data.length;
    if (!best || score > best.score) best = { delimiter, score };
  }
  if (best) return best.delimiter;
  return sample.includes(Papa.RECORD_SEP) ? Papa.UNIT_SEP : Papa.RECORD_SEP;
}

/**
 * The start of the source: its delimiter, guessed from the sample, after the size and the header
 * are checked against CSV_LIMITS (the header must end within the sample), so a file past them is
 * refused before anything reads on.
 */
async function openCsv(source: CsvSource): Promise<{ delimiter: string }> {
  checkFileSize(sizeOf(source));
  const truncated = sizeOf(source) > SAMPLE_CHARS;
  const sample = typeof source === 'string' ? source.slice(0, SAMPLE_CHARS) : await readText(source.slice(0, SAMPLE_CHARS));
  const delimiter = guessDelimiter(sample, truncated);
  const text = stripBom(sample);
  let header: { cells: string[]; end: number } | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (row: Papa.ParseStepResult<string[]>, parser: Parser) => {
      if (row.data.every((c) => c.trim() === '')) return;
      header = { cells: row.data, end: row.meta.cursor };
      parser.abort();
    },
  });
  if (header) checkHeader(header.cells, !truncated || header.end < text.length, header.end);
  return { delimiter };
}

/** Blob.text() where the environment has it, FileReader otherwise (older test DOMs). */
function readText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The file could not be read as CSV; `csvEmpty` is worded by the UI, a parser's own message is kept as `detail`. */
export class CsvReadError extends StorageError {
  constructor(message: string, code: StorageErrorCode = 'invalid') {
    super(code, code === 'invalid' ? { detail: message } : {}, message);
    this.name = 'CsvReadError';
  }
}

/** How much of the start of a file the mapping screen's preview reads (papaparse would read 10 MB). */
const PREVIEW_CHARS = 1024 * 1024;

/**
 * A picked file as text, under `encoding` or the one detected: decoded whole, so a multi-byte
 * letter is never cut at a slice boundary (papaparse decodes each byte slice on its own).
 */
async function decodeSource(source: CsvSource, encoding?: CsvEncoding): Promise<{ text: string; decoded?: DecodedText & { detected: CsvEncoding } }> {
  if (typeof source === 'string') return { text: source };
  checkFileSize(source.size);
  const decoded = await readCsvText(source, encoding);
  return { text: decoded.text, decoded };
}

export type CsvPreview = {
  headers: string[];
  rows: string[][];
  delimiter: string;
  /** How the file was read; absent for text sources. */
  decoded?: Omit<DecodedText, 'text'> & { detected: CsvEncoding };
  /** Each column's distinct values over the whole file (scan.ts), the first SCAN_DISTINCT of each. */
  values: ColumnValues;
  /** Columns whose values were more than that: their list is not complete. */
  truncated: number[];
};

/** The header and the first `maxRows` data rows, for the mapping screen; refuses what CSV_LIMITS does not allow. */
export async function previewCsv(picked: CsvSource, maxRows = 10, encoding?: CsvEncoding): Promise<CsvPreview> {
  const { text: source, decoded } = await decodeSource(picked, encoding);
  const { delimiter } = await openCsv(source);
  const truncated = sizeOf(source) > PREVIEW_CHARS;
  const text = source.slice(0, PREVIEW_CHARS);
  const result = Papa.parse<string[]>(text, { delimiter, preview: maxRows + 1, skipEmptyLines: 'greedy' });
  // A start cut from a longer file may end inside its last row.
  if (truncated && result.data.length < maxRows + 1) result.data.pop();
  const [header, ...rows] = result.data;
  if (!header || header.every((h) => h.trim() === '')) throw new CsvReadError('The file is empty or has no header row.', 'csvEmpty');
  rows.forEach((cells, i) => checkRow(cells, i));
  const read = decoded ? { decoded: { encoding: decoded.encoding, detected: decoded.detected, replaced: decoded.replaced, firstReplacedLine: decoded.firstReplacedLine } } : {};
  return { headers: header.map(headerCell), rows, delimiter, ...read, ...scanColumns(source, delimiter) };
}

/**
 * Streams the data rows of `source` to `onBatch` in batches of `batchSize`, waiting for each batch
 * to be handled before reading on (papaparse's pause/resume), and giving the event loop a turn
 * between batches so progress can render and clicks (Cancel) are heard. Stops early, without an
 * error, when `signal` aborts; a rejected `onBatch` stops the stream and rejects.
 */
export async function streamCsvRows(
  picked: CsvSource,
  opts: { batchSize: number; encoding?: CsvEncoding; onHeaders?: (headers: string[]) => void; onBatch: (batch: CsvBatch) => Promise<void>; signal?: AbortSignal },
): Promise<{ aborted: boolean }> {
  const { text: source } = await decodeSource(picked, opts.encoding);
  const { delimiter } = await openCsv(source);
  const total = Math.max(1, sizeOf(source));
  let headers: string[] | undefined;
  // Each row with where it (roughly) ends in the source: a slice's rows share its span evenly, so
  // progress moves batch by batch even when the whole file fits in one slice.
  const buffer: { row: CsvRow; at: number }[] = [];
  let next = 0;
  let cursor = 0;
  let stalled = 0;

  async function flush(all: boolean) {
    while (buffer.length >= opts.batchSize || (all && buffer.length > 0)) {
      if (opts.signal?.aborted) return;
      const batch = buffer.splice(0, opts.batchSize);
      await opts.onBatch({ rows: batch.map((b) => b.row), fraction: Math.min(1, batch.at(-1)!.at / total) });
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  function take(data: string[][], end: number) {
    const start = cursor;
    data.forEach((cells, i) => {
      if (!headers) {
        headers = cells.map(headerCell);
        opts.onHeaders?.(headers);
      } else {
        checkRow(cells, next);
        buffer.push({ row: { index: next++, cells }, at: start + ((end - start) * (i + 1)) / data.length });
      }
    });
    stalled = data.length === 0 ? stalled + 1 : 0;
    checkStall(stalled, SLICE_BYTES, next);
    cursor = end;
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown, parser?: Parser) => {
      if (settled) return;
      settled = true;
      parser?.abort();
      reject(e);
    };
    Papa.parse<string[]>(source as never, {
      delimiter,
      chunkSize: SLICE_BYTES,
      skipEmptyLines: false,
      chunk: (result: Papa.ParseResult<string[]>, parser: Parser) => {
        parser.pause();
        try {
          take(result.data, result.meta.cursor);
        } catch (e) {
          fail(e, parser);
          return;
        }
        flush(false).then(() => {
          if (settled) return;
          if (opts.signal?.aborted) {
            settled = true;
            parser.abort();
            resolve({ aborted: true });
          } else parser.resume();
        }, (e: unknown) => fail(e, parser));
      },
      complete: () => {
        if (settled) return;
        // A File's cursor counts characters, its size bytes: the last row ends the source.
        if (buffer.length) buffer.at(-1)!.at = total;
        flush(true).then(() => {
          if (settled) return;
          settled = true;
          resolve({ aborted: opts.signal?.aborted ?? false });
        }, (e: unknown) => fail(e));
      },
      error: (e: Error) => fail(new CsvReadError(e.message, 'csvUnreadable')),
    });
  });
}
