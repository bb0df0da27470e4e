import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from '../../storage/csv/cells';
import { CsvReadError, previewCsv, streamCsvRows, type CsvBatch } from '../../storage/csv/parse';

async function collect(source: string | Blob, batchSize = 3, signal?: AbortSignal) {
  const batches: CsvBatch[] = [];
  let headers: string[] = [];
  const result = await streamCsvRows(source, { batchSize, signal, onHeaders: (h) => (headers = h), onBatch: async (b) => void batches.push(b) });
  return { headers, batches, result };
}

describe('CSV reading', () => {
  it('previews the header (byte-order mark removed) and the first rows', async () => {
    const preview = await previewCsv('\ufeffName , Email\r\nAna,ana@x.es\r\nBea,bea@x.es\r\nCai,cai@x.es\r\n', 2);
    expect(preview.headers).toEqual(['Name', 'Email']);
    expect(preview.rows).toEqual([['Ana', 'ana@x.es'], ['Bea', 'bea@x.es']]);
  });

  it('refuses an empty file with a specific error', async () => {
    await expect(previewCsv('')).rejects.toBeInstanceOf(CsvReadError);
    await expect(previewCsv('\r\n\r\n')).rejects.toThrow(/empty or has no header/);
  });

  it('streams data rows in batches with their indexes, quoted commas and line breaks intact', async () => {
    const csv = 'a,b\n1,"x, y"\n2,"multi\nline"\n3,"say ""hi"""\n4,\n5,last';
    const { headers, batches, result } = await collect(csv);
    expect(result.aborted).toBe(false);
    expect(headers).toEqual(['a', 'b']);
    expect(batches.map((b) => b.rows.length)).toEqual([3, 2]);
    expect(batches.flatMap((b) => b.rows)).toEqual([
      { index: 0, cells: ['1', 'x, y'] },
      { index: 1, cells: ['2', 'multi\nline'] },
      { index: 2, cells: ['3', 'say "hi"'] },
      { index: 3, cells: ['4', ''] },
      { index: 4, cells: ['5', 'last'] },
    ]);
    expect(batches.at(-1)!.fraction).toBe(1);
  });

  it('reads a File in slices, rows split across slices included, with growing progress', async () => {
    const lines = ['name,note', ...Array.from({ length: 20_000 }, (_, i) => `Person ${i},"note ${i}, with ñ"`)];
    const { batches } = await collect(new File([lines.join('\r\n')], 'big.csv'), 500);
    const rows = batches.flatMap((b) => b.rows);
    expect(rows).toHaveLength(20_000);
    expect(rows[12_345]).toEqual({ index: 12_345, cells: ['Person 12345', 'note 12345, with ñ'] });
    const fractions = batches.map((b) => b.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBeLessThan(0.5);
  });

  it('moves progress batch by batch even when the whole file is one slice', async () => {
    const csv = `h\n${Array.from({ length: 1_000 }, (_, i) => `row ${i}`).join('\n')}`;
    const { batches } = await collect(csv, 200);
    const fractions = batches.map((b) => Math.round(b.fraction * 100));
    expect(fractions).toEqual([20, 40, 60, 80, 100]);
  });

  it('stops without error when aborted, and rejects when a batch fails', async () => {
    const controller = new AbortController();
    const csv = `h\n${Array.from({ length: 100 }, (_, i) => i).join('\n')}`;
    const seen: number[] = [];
    const result = await streamCsvRows(csv, {
      batchSize: 10,
      signal: controller.signal,
      onBatch: async (b) => {
        seen.push(b.rows.length);
        controller.abort();
      },
    });
    expect(result.aborted).toBe(true);
    expect(seen).toEqual([10]);
    await expect(streamCsvRows(csv, { batchSize: 10, onBatch: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
  });
});

describe('formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+34 600', "'+34 600"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-5', '-5'],
    ['1e+21', '1e+21'],
    ["'quoted", "''quoted"],
    ['plain', 'plain'],
  ])('%s is written as %s and read back unchanged', (value, written) => {
    expect(guardCell(value)).toBe(written);
    expect(unguardCell(guardCell(value))).toBe(value);
  });

  it('leaves an apostrophe a person typed before ordinary text alone', () => {
    expect(unguardCell("'tis")).toBe("'tis");
  });
});
