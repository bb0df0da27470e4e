import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { convertRow } from '../../storage/csv/convert';
import { exportRecordsCsv, recordsToCsv } from '../../storage/csv/exportCsv';
import type { DedupMode } from '../../storage/csv/importJob';
import { autoMap, ID_TARGET } from '../../storage/csv/mapping';
import { previewCsv } from '../../storage/csv/parse';
import { runImport } from '../../storage/csv/runImport';
import type { CrmRecord, Folder } from '../../storage/model/entities';
import { FIELD_TYPES, type Field, type FieldType } from '../../storage/model/field';
import { mutate } from '../../storage/write/mutate';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, deleteRecord } from '../../storage/write/records';
import { loadFolderSchema, type FolderSchema } from '../../storage/folders/schema';
import { db, resetDb, shareWorkspace } from '../support/db';

const FOLDER = 'folder_everything';

/** One field of every type, so a new field type fails this test until its CSV codec round-trips. */
const FIELDS: Record<FieldType, Partial<Field>> = {
  text: {},
  longText: {},
  number: {},
  autoNumber: {},
  percent: {},
  currency: { settings: { defaultCurrency: 'EUR' } },
  date: {},
  checkbox: {},
  dropdown: { options: [{ id: 'a', label: 'Álpha' }, { id: 'b', label: 'Beta; gamma' }] },
  multiDropdown: { options: [{ id: 'x', label: 'X-ray' }, { id: 'y', label: 'Yankee' }, { id: 'z', label: 'Zulu' }] },
  user: {},
  email: {},
  phone: {},
  url: {},
  address: {},
  socials: {},
  link: { settings: { targetFolderId: PRESET_FOLDER_IDS.contacts } },
  stage: {},
  formula: { settings: { expression: 'number * percent' } },
  statistic: { settings: { statistic: 'createdAt' } },
};

async function createFolder() {
  const now = Date.now();
  const folder: Folder = { id: FOLDER, name: 'Everything', icon: '🧪', kind: 'custom', titleFieldIds: ['f_text'], order: 9, createdAt: now, updatedAt: now };
  await mutate(db, async (w) => {
    await w.put('folders', folder, Object.keys(folder));
    for (const [order, type] of FIELD_TYPES.entries()) {
      const field: Field = { id: `f_${type}`, folderId: FOLDER, key: type, label: `The ${type}`, type, mandatory: false, hidden: false, order, settings: {}, createdAt: now, updatedAt: now, ...FIELDS[type] };
      await w.put('fields', field, Object.keys(field));
    }
  });
}

async function seed(): Promise<CrmRecord[]> {
  const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
  const bea = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Bea' });
  const full = {
    f_text: '=SUM(A1:A9), "quoted"; \'apostrophe\'',
    f_longText: 'Line one\nLine two, with a comma\r\n  indented «ñ» 🎉',
    f_number: -1234.5678,
    f_percent: 12.5,
    f_currency: { amount: -99.99, currency: 'USD' },
    f_date: '2024-02-29',
    f_checkbox: false,
    f_dropdown: 'b',
    f_multiDropdown: ['z', 'x'],
    f_user: 'ana@acme.es',
    f_email: ['ana@acme.es', 'a.perez@acme.es'],
    f_phone: ['+34 600 111 222', '(555) 010-2000 ext 12'],
    f_url: 'https://acme.es/path?q=1,2&r=3',
    f_address: { street: 'Calle Mayor, 5', city: 'Madrid', postalCode: '28013', country: 'España' },
    f_socials: { linkedin: 'https://linkedin.com/in/ana', github: 'anap' },
    f_link: [bea.id, ana.id],
    f_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' },
  };
  return [
    await createRecord(db, FOLDER, full),
    await createRecord(db, FOLDER, { f_text: "'leading apostrophe", f_number: 1e21, f_checkbox: true, f_currency: { amount: 1234567.89, currency: 'EUR' }, f_percent: 0.1 + 0.2 }),
    await createRecord(db, FOLDER, { f_text: '+34 not a formula', f_number: 0 }),
    await createRecord(db, FOLDER, {}),
  ];
}

async function importText(csv: string, dedup: DedupMode) {
  const { headers } = await previewCsv(csv);
  const mapping = autoMap(headers, (await loadFolderSchema(db, FOLDER)).fields);
  return runImport(db, { source: csv, start: { folderId: FOLDER, file: { name: 'x.csv', size: csv.length }, headers, mapping, dedup } });
}

const allFieldIds = () => FIELD_TYPES.map((type) => `f_${type}`);
const folderRecords = async () => (await db.records.where('folderId').equals(FOLDER).toArray()).sort((a, b) => a.id.localeCompare(b.id));

describe('export → re-import is lossless for every field type', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    await createFolder();
  });

  it('covers every field type', async () => {
    const { fields } = await loadFolderSchema(db, FOLDER);
    expect(new Set(fields.map((f) => f.type))).toEqual(new Set(FIELD_TYPES));
  });

  it.each(['update', 'skip'] as const)('re-importing an export with "%s" changes nothing', async (dedup) => {
    await shareWorkspace();
    const records = await seed();
    const before = { records: await db.records.toArray(), outbox: await db.outbox.count(), activities: await db.activities.count() };
    const csv = await exportRecordsCsv(db, FOLDER, records, allFieldIds());
    const job = await importText(csv, dedup);
    expect(job.counts).toMatchObject({ bad: 0, created: 0, updated: 0, ...(dedup === 'update' ? { unchanged: 4 } : { skipped: 4 }) });
    expect({ records: await db.records.toArray(), outbox: await db.outbox.count(), activities: await db.activities.count() }).toEqual(before);
  });

  it('an export imported into an emptied folder recreates the same records, ids and links included', async () => {
    const records = await seed();
    const csv = await exportRecordsCsv(db, FOLDER, records, allFieldIds());
    for (const r of records) await deleteRecord(db, r.id);
    const job = await importText(csv, 'skip');
    expect(job.counts).toMatchObject({ created: 4, bad: 0 });
    const after = await folderRecords();
    const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(after.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    after.forEach((r, i) => {
      // Auto-numbers are the workspace's own counter: new records get new numbers, never the file's.
      const { f_autoNumber: was, ...before } = sorted[i]!.values;
      const { f_autoNumber: now, ...values } = r.values;
      expect(values).toEqual(before);
      expect(typeof was).toBe('number');
      expect(now).toBeGreaterThan(4);
    });
    expect(after.find((r) => r.id === sorted.find((s) => s.values.f_link)!.id)!.linkedIds.sort()).toEqual([...(records[0]!.values.f_link as string[])].sort());
  });

  it('guards cells against spreadsheet formulas, and the guard comes off on import', async () => {
    const [full, second, third] = await seed();
    const csv = await exportRecordsCsv(db, FOLDER, [full!, second!, third!], ['f_text', 'f_number', 'f_phone']);
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, '')).data;
    expect(rows[1]![0]).toBe(`'${full!.values.f_text as string}`);
    expect(rows[1]![2]).toBe(`'+34 600 111 222; (555) 010-2000 ext 12`);
    expect(rows[2]![0]).toBe("''leading apostrophe");
    expect(rows[3]![0]).toBe("'+34 not a formula");
    expect(rows[2]![1]).toBe('1e+21');
    expect(rows[0]!.at(-1)).toBe('Threadline ID');
  });
});

describe('cell round trip, for any text and number', () => {
  let schema: FolderSchema;
  beforeEach(async () => {
    await resetDb();
    await createFolder();
    schema = await loadFolderSchema(db, FOLDER);
  });

  const roundTrip = (values: Record<string, unknown>) => {
    const record = { id: 'rec_1', folderId: FOLDER, values, title: '', emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 1, updatedAt: 1 };
    const csv = recordsToCsv(schema, [record], Object.keys(values));
    const [headers, cells] = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const mapping = autoMap(headers!, schema.fields);
    expect(mapping.at(-1)).toBe(ID_TARGET);
    return convertRow(cells!, 0, headers!, mapping, schema);
  };

  it('text survives export and import whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ''), (text) => {
        const row = roundTrip({ f_text: text, f_longText: `${text}\n${text}` });
        expect(row.issues).toEqual([]);
        expect(row.values).toEqual({ f_text: text, f_longText: `${text}\n${text}` });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('numbers and amounts survive export and import exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('EUR', 'USD', 'JPY'), (n, currency) => {
        const row = roundTrip({ f_number: n, f_percent: n, f_currency: { amount: n, currency } });
        expect(row.issues).toEqual([]);
        expect(row.values).toEqual({ f_number: n === 0 ? 0 : n, f_percent: n === 0 ? 0 : n, f_currency: { amount: n === 0 ? 0 : n, currency } });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
