import Papa, { type Parser } from 'papaparse';

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

export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

/** The header and the first `maxRows` data rows, for the mapping screen. */
export function previewCsv(source: CsvSource, maxRows = 10): Promise<{ headers: string[]; rows: string[][] }> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source as never, {
      preview: maxRows + 1,
      skipEmptyLines: 'greedy',
      complete: (result: Papa.ParseResult<string[]>) => {
        const [header, ...rows] = result.data;
        if (!header || header.every((h) => h.trim() === '')) reject(new CsvReadError('The file is empty or has no header row.'));
        else resolve({ headers: header.map((h, i) => (i === 0 ? stripBom(h) : h).trim()), rows });
      },
      error: (e: Error) => reject(new CsvReadError(e.message)),
    });
  });
}

/**
 * Streams the data rows of `source` to `onBatch` in batches of `batchSize`, waiting for each batch
 * to be handled before reading on (papaparse's pause/resume), and giving the event loop a turn
 * between batches so progress can render and clicks (Cancel) are heard. Stops early, without an
 * error, when `signal` aborts; a rejected `onBatch` stops the stream and rejects.
 */
export function streamCsvRows(
  source: CsvSource,
  opts: { batchSize: number; onHeaders?: (headers: string[]) => void; onBatch: (batch: CsvBatch) => Promise<void>; signal?: AbortSignal },
): Promise<{ aborted: boolean }> {
  const total = Math.max(1, sizeOf(source));
  let headers: string[] | undefined;
  // Each row with where it (roughly) ends in the source: a slice's rows share its span evenly, so
  // progress moves batch by batch even when the whole file fits in one slice.
  let buffer: { row: CsvRow; at: number }[] = [];
  let next = 0;
  let cursor = 0;

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
        headers = cells.map((h, i) => (i === 0 ? stripBom(h) : h).trim());
        opts.onHeaders?.(headers);
      } else buffer.push({ row: { index: next++, cells }, at: start + ((end - start) * (i + 1)) / data.length });
    });
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
      error: (e: Error) => fail(new CsvReadError(e.message)),
    });
  });
}
