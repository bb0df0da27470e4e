import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, previewCsv, streamCsvRows, type CsvBatch } from '../../storage/csv/parse';

/** Every data row of `source` that says something (the import skips blank lines too). */
async function readAll(source: string | Blob, batchSize = 2) {
  let headers: string[] = [];
  const rows: string[][] = [];
  const onBatch = async (b: CsvBatch) => void rows.push(...b.rows.map((r) => r.cells).filter((cells) => cells.some((c) => c !== '')));
  await streamCsvRows(source, { batchSize, onHeaders: (h) => (headers = h), onBatch });
  return { headers, rows };
}

/** One-column files whose cells hold what papaparse could take for a delimiter. */
const ONE_COLUMN: Record<string, { csv: string; header: string; cells: string[] }> = {
  'names with semicolons': { csv: 'Name\nGarcía; López; Ana\nRossi; Bianchi; Marco\nDupont; Martin; Léa\n', header: 'Name', cells: ['García; López; Ana', 'Rossi; Bianchi; Marco', 'Dupont; Martin; Léa'] },
  'companies with pipes': { csv: 'Company\r\nAcme | Iberia | SL\r\nUmbrella | Stores | SpA\r\n', header: 'Company', cells: ['Acme | Iberia | SL', 'Umbrella | Stores | SpA'] },
  'notes with tabs': { csv: 'Note\nsee\tbelow\tnow\nfoo\tbar\tbaz\n', header: 'Note', cells: ['see\tbelow\tnow', 'foo\tbar\tbaz'] },
  'names with bare commas': { csv: 'Name\nSmith, John\nDoe, Jane\n', header: 'Name', cells: ['Smith, John', 'Doe, Jane'] },
  'names with quoted commas': { csv: 'Name\n"Smith, John"\n"Doe, Jane; Jr"\n', header: 'Name', cells: ['Smith, John', 'Doe, Jane; Jr'] },
  'a list of emails': { csv: '\ufeffEmail\nana@acme.es\nbea@umbrella.it\n', header: 'Email', cells: ['ana@acme.es', 'bea@umbrella.it'] },
};

describe('CSV delimiter: a one-column file imports as one column', () => {
  it.each(Object.entries(ONE_COLUMN))('%s: preview and import both see one column', async (_, { csv, header, cells }) => {
    const preview = await previewCsv(csv);
    expect(preview.headers).toEqual([header]);
    expect(preview.rows).toEqual(cells.map((c) => [c]));
    const read = await readAll(csv);
    expect(read.headers).toEqual([header]);
    expect(read.rows).toEqual(cells.map((c) => [c]));
  });

  it('a header alone ("Email") is one column', async () => {
    expect((await previewCsv('Email\n')).headers).toEqual(['Email']);
    expect((await previewCsv('Email')).headers).toEqual(['Email']);
  });

  it('reads a one-column File the same way, past the sample the guess is made from', async () => {
    const names = Array.from({ length: 8_000 }, (_, i) => `Person ${i}; Dept ${i % 7}; Site ${i % 3}`);
    const { headers, rows } = await readAll(new File([['Name', ...names].join('\n')], 'names.csv'), 1_000);
    expect(headers).toEqual(['Name']);
    expect(rows).toHaveLength(8_000);
    expect(rows.every((r) => r.length === 1)).toBe(true);
    expect(rows[7_999]).toEqual([names[7_999]]);
  });

  it('still finds the delimiter of several columns: comma, semicolon, tab, pipe', async () => {
    expect(guessDelimiter('Name,Notes\nAna,"a; b; c"\nBea,x;y;z\n')).toBe(',');
    expect(guessDelimiter('Nombre;Importe\nAna;1.234,50\nBea;7,25\n')).toBe(';');
    expect(guessDelimiter('Name\tNote\nAna\thello, world\n')).toBe('\t');
    expect(guessDelimiter('Name|Email\nAna|ana@acme.es\n')).toBe('|');
    expect((await previewCsv('Nombre;Importe\r\nAna;1.234,50\r\n')).rows).toEqual([['Ana', '1.234,50']]);
  });

  it('a header that splits two ways goes with the delimiter the rows agree with', () => {
    expect(guessDelimiter('a,b;c\n1,2;3\n4,5;6\n')).toBe(',');
    expect(guessDelimiter('a,b;c\n1;2\n3;4\n')).toBe(';');
  });

  it('any one-column file written by a spreadsheet reads back cell for cell', async () => {
    // Cells with every character a delimiter guess could trip on; the two ASCII separators the
    // one-column reader itself uses are left out (no spreadsheet writes them into a cell).
    const cellArb = fc
      .array(fc.oneof(fc.constantFrom(',', ';', '|', '\t', '"', ' ', '\n', 'é', '\u202e'), fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join(''))
      .filter((c) => c.trim() !== '' && !/[\x1e\x1f\r]/.test(c));
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/), fc.array(cellArb, { minLength: 1, maxLength: 8 }), async (header, cells) => {
        const text = Papa.unparse({ fields: [header], data: cells.map((c) => [c]) }, { newline: '\r\n' });
        const read = await readAll(text, 50);
        expect(read.headers).toEqual([header]);
        expect(read.rows).toEqual(cells.map((c) => [c]));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
