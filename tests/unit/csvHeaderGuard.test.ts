import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportRecordsCsv, issuesToCsv } from '../../storage/csv/exportCsv';
import { autoMap } from '../../storage/csv/mapping';
import { previewCsv } from '../../storage/csv/parse';
import type { Folder } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { mutate } from '../../storage/write/mutate';
import { createRecord } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb } from '../support/db';

const FOLDER = 'folder_hostile';
/** Labels a teammate could give fields, each of which a spreadsheet would run as a formula. */
const LABELS = ['=HYPERLINK("http://evil.example","Open")', '+cmd', "-2+3", '@SUM(A1)', '\tTabbed', "'Quoted", 'Plain'];

async function seed() {
  const now = Date.now();
  const folder: Folder = { id: FOLDER, name: 'Hostile', icon: 'x', kind: 'custom', titleFieldIds: ['f_0'], order: 9, createdAt: now, updatedAt: now };
  await mutate(db, async (w) => {
    await w.put('folders', folder, Object.keys(folder));
    for (const [order, label] of LABELS.entries()) {
      const field: Field = { id: `f_${order}`, folderId: FOLDER, key: `k${order}`, label, type: 'text', mandatory: false, hidden: false, order, settings: {}, createdAt: now, updatedAt: now };
      await w.put('fields', field, Object.keys(field));
    }
  });
  return createRecord(db, FOLDER, { f_0: 'Ana' });
}

describe('CSV export header cells', () => {
  beforeEach(resetDb);

  it('are guarded against formulas like value cells, and read back as the labels they were', async () => {
    const record = await seed();
    const ids = LABELS.map((_, i) => `f_${i}`);
    const csv = await exportRecordsCsv(db, FOLDER, [record], ids);
    const [header] = Papa.parse<string[]>(csv.replace(/^\ufeff/, '')).data;
    expect(header!.slice(0, LABELS.length)).toEqual([
      '\'=HYPERLINK("http://evil.example","Open")',
      "'+cmd",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTabbed",
      "''Quoted",
      'Plain',
    ]);

    const { headers } = await previewCsv(csv);
    expect(headers.slice(0, LABELS.length)).toEqual(LABELS.map((l) => l.trim()));
    const schema = await loadFolderSchema(db, FOLDER);
    expect(autoMap(headers, schema.fields).slice(0, LABELS.length)).toEqual(ids);
  });

  it('of an import report are guarded too (the column labels are the UI’s words)', () => {
    const csv = issuesToCsv([], { row: '=Row', column: 'Column', reason: '+Reason', value: 'Value' }, () => '');
    expect(Papa.parse<string[]>(csv.replace(/^\ufeff/, '')).data[0]).toEqual(["'=Row", 'Column', "'+Reason", 'Value']);
  });
});
