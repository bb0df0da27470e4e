import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, CsvLimitError } from '../../storage/csv/limits';
import { previewCsv, streamCsvRows, type CsvSource } from '../../storage/csv/parse';

/** A Blob that remembers the furthest byte any reader asked for, to show a refusal read no further. */
function trackedBlob(text: string) {
  const blob = new Blob([text]);
  const reach = { end: 0 };
  const tracked = new Proxy(blob, {
    get(target, key) {
      if (key === 'slice') {
        return (start = 0, end = target.size, type?: string) => {
          reach.end = Math.max(reach.end, Math.min(end, target.size));
          return target.slice(start, end, type);
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { blob: tracked, reach };
}

/** The code and params of what `run` refused with (it must refuse with a CsvLimitError). */
async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvLimitError);
  const { code, params } = error as CsvLimitError;
  return { code, params };
}

/** Streams `source`, collecting what reached the caller before the stream ended or was refused. */
function stream(source: CsvSource) {
  const seen = { headers: undefined as string[] | undefined, rows: 0 };
  const done = streamCsvRows(source, { batchSize: 500, onHeaders: (h) => (seen.headers = h), onBatch: async (b) => void (seen.rows += b.rows.length) });
  return { seen, done };
}

const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');

describe('CSV limits', () => {
  it('refuses a 1,000,000-column header from the start of the file, before reading on or building the columns', async () => {
    const header = ','.repeat(999_999);
    const { blob, reach } = trackedBlob(`${header}\r\n${'1,'.repeat(10)}\r\n`);
    expect(await refusal(previewCsv(blob))).toEqual({ code: 'csvHeaderTooLong', params: { max: CSV_LIMITS.headerChars } });
    expect(reach.end).toBeLessThanOrEqual(64 * 1024);

    const { seen, done } = stream(blob);
    expect((await refusal(done)).code).toBe('csvHeaderTooLong');
    expect(seen).toEqual({ headers: undefined, rows: 0 });
    expect(reach.end).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses more columns than the limit in a header short enough to read, and takes exactly the limit', async () => {
    expect(await refusal(previewCsv(`${columns(CSV_LIMITS.columns + 1)}\n1\n`))).toEqual({ code: 'csvTooManyColumns', params: { max: CSV_LIMITS.columns, row: 1 } });
    expect((await previewCsv(`${columns(CSV_LIMITS.columns)}\n1\n`)).headers).toHaveLength(CSV_LIMITS.columns);
  });

  it('refuses a file over the size limit before reading any of it', async () => {
    const { blob, reach } = trackedBlob('');
    const big = new Proxy(blob, { get: (target, key) => (key === 'size' ? CSV_LIMITS.fileBytes + 1 : Reflect.get(target, key, target)) });
    expect(await refusal(previewCsv(big))).toEqual({ code: 'csvTooBig', params: { max: CSV_LIMITS.fileBytes } });
    expect((await refusal(stream(big).done)).code).toBe('csvTooBig');
    expect(reach.end).toBe(0);
  });

  it('names the row of a cell longer than any field holds, in the preview and while streaming', async () => {
    const csv = `name,note\nAna,short\nBea,${'x'.repeat(CSV_LIMITS.cellChars + 1)}\nCai,short\n`;
    expect(await refusal(previewCsv(csv))).toEqual({ code: 'csvCellTooLong', params: { max: CSV_LIMITS.cellChars, row: 3 } });
    const { seen, done } = stream(csv);
    expect(await refusal(done)).toEqual({ code: 'csvCellTooLong', params: { max: CSV_LIMITS.cellChars, row: 3 } });
    expect(seen.rows).toBe(0);
  });

  it('refuses a data row wider than the column limit, naming it', async () => {
    const csv = `a,b\n1,2\n${columns(CSV_LIMITS.columns + 1)}\n`;
    expect(await refusal(stream(csv).done)).toEqual({ code: 'csvTooManyColumns', params: { max: CSV_LIMITS.columns, row: 3 } });
  });

  it('stops at a row that never ends (an unclosed quote) instead of re-reading it slice after slice to the end', async () => {
    const size = CSV_LIMITS.rowChars * 4;
    const { blob, reach } = trackedBlob(`name,note\nAna,"${'x'.repeat(size)}`);
    const { seen, done } = stream(blob);
    expect(await refusal(done)).toEqual({ code: 'csvRowTooLong', params: { max: CSV_LIMITS.rowChars, row: 2 } });
    expect(seen.rows).toBe(0);
    expect(reach.end).toBeLessThan(size / 2);
  });

  it('takes exactly the row limit (a closing line break included) and refuses one row more', async () => {
    const rows = (n: number) => `email\n${Array.from({ length: n }, (_, i) => `p${i}@x.es`).join('\n')}\n`;
    const fits = stream(rows(CSV_LIMITS.rows));
    await fits.done;
    expect(fits.seen.rows).toBeGreaterThanOrEqual(CSV_LIMITS.rows);
    expect(await refusal(stream(rows(CSV_LIMITS.rows + 1)).done)).toEqual({ code: 'csvTooManyRows', params: { max: CSV_LIMITS.rows } });
  });
});
