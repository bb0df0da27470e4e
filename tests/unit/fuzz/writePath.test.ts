import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addField } from '../../../storage/fields/fieldsAdmin';
import { createFolder } from '../../../storage/folders/folders';
import type { CrmRecord, Pipeline, RecordValues } from '../../../storage/model/entities';
import { FIELD_TYPES, type Field, type FieldType } from '../../../storage/model/field';
import { FIELD_REGISTRY, isEmptyValue, normalizeValue } from '../../../storage/model/fieldRegistry';
import { RecordValidationError, validateRecordValues } from '../../../storage/model/recordSchema';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { loadFolderSchema, type FolderSchema } from '../../../storage/folders/schema';
import { db, resetDb, shareWorkspace } from '../../support/db';
import { nastyKey } from './arbitraries';
import { valueFor } from './fieldValues';

/** The stored record less its sort keys, which the database's middleware derives (tests/unit/views-sortKeys.test.ts). */
const withoutSortKeys = (r: object | undefined) => {
  if (!r) return r;
  const { sortKeys: _derived, ...rest } = r as { sortKeys?: unknown };
  return rest;
};

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * The write path with arbitrary values for every field type: each write is either saved and
 * reads back exactly as the normalised input, or refused with a RecordValidationError whose every
 * issue names a field (or the unknown key), and then nothing at all changed in the database.
 */
type Dump = Record<string, unknown[]>;

async function dumpAll(): Promise<Dump> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries);
}

const SETUP: Partial<Record<FieldType, Partial<Parameters<typeof addField>[2]>>> = {
  dropdown: { options: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }] },
  multiDropdown: { options: [{ id: 'x', label: 'X-ray' }, { id: 'y', label: 'Yankee' }] },
  link: { settings: { targetFolderId: PRESET_FOLDER_IDS.contacts } },
  formula: { settings: { expression: 'number * percent' } },
  statistic: { settings: { statistic: 'createdAt' } },
};

let folderId: string;
let schema: FolderSchema;
let fields: Field[];
let pipeline: Pipeline;

beforeAll(async () => {
  await resetDb();
  // The shared workspace: every save also stamps clocks and queues an entry, all rolled back on refusal.
  await shareWorkspace(db);
  folderId = (await createFolder(db, { name: 'Fuzz', icon: '' })).id;
  // One field of every type, labelled by type so formula keys are predictable ("number", "percent").
  for (const type of FIELD_TYPES) await addField(db, folderId, { label: type, type, ...SETUP[type] });
  schema = await loadFolderSchema(db, folderId);
  fields = schema.fields;
  pipeline = (await db.pipelines.get(DEFAULT_PIPELINE_ID))!;
});

const ctx = () => ({ pipelineId: pipeline.id, stageIds: pipeline.stages.map((s) => s.id) });

/** Some fields with values near their type, plus now and then a key that is no field. */
const valuesArb = () =>
  fc
    .tuple(
      fc.shuffledSubarray(fields, { maxLength: 4 }).chain((chosen) => fc.tuple(...chosen.map((f) => valueFor(f, ctx()).map((v) => [f.id, v] as const)))),
      // Now and then (1 in 6) a key that is no field.
      fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.oneof(nastyKey, fc.string({ maxLength: 12 })), fc.jsonValue()) }),
      // The mandatory name, mostly (7 in 8) filled, so that saves happen about as often as refusals.
      fc.option(fc.string({ minLength: 1, maxLength: 30 }), { freq: 8 }),
    )
    .map(([pairs, extra, name]) => {
      const values: RecordValues = {};
      if (name !== null) values[fields.find((f) => f.mandatory)!.id] = name;
      for (const [k, v] of pairs) values[k] = v;
      // defineProperty: a "__proto__" key must arrive as data, as it would from JSON.parse.
      if (extra) Object.defineProperty(values, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return values;
    });

/** What the write path must store for `input` applied over `base`: normalised, empties dropped. */
function expectedValues(base: RecordValues, input: RecordValues): RecordValues {
  // A saved write never carried a value for a key that is not a field (clearing one is harmless).
  const unknown = Object.entries(input).filter(([k, v]) => !fields.some((f) => f.id === k) && v !== null && v !== undefined);
  expect(unknown).toEqual([]);
  const out: RecordValues = {};
  for (const [k, v] of Object.entries({ ...base, ...input })) {
    const field = fields.find((f) => f.id === k);
    if (v === undefined || v === null || !field) continue;
    const n = normalizeValue(field, v);
    if (!isEmptyValue(field, n)) out[k] = n;
  }
  return out;
}

function expectWellFormedRefusal(error: unknown, input: RecordValues) {
  expect(error).toBeInstanceOf(RecordValidationError);
  const issues = (error as RecordValidationError).issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    if (issue.fieldId) expect(fields.map((f) => f.id)).toContain(issue.fieldId);
    else expect(Object.keys(input).some((k) => issue.label === `"${k.slice(0, 64)}"`)).toBe(true);
  }
}

function expectStoredValid(record: CrmRecord) {
  for (const [k, v] of Object.entries(record.values)) {
    const field = fields.find((f) => f.id === k)!;
    expect(FIELD_REGISTRY[field.type].value(field, { pipelines: [pipeline] }).safeParse(v).success).toBe(true);
  }
}

describe('the write path (fuzz)', () => {
  it('validateRecordValues: returns the normalised input or throws a RecordValidationError, nothing else', () => {
    let saved = 0;
    fc.assert(
      fc.property(valuesArb(), (values) => {
        let clean: RecordValues;
        try {
          clean = validateRecordValues(schema.folder, fields, schema, values);
        } catch (e) {
          expectWellFormedRefusal(e, values);
          return;
        }
        saved++;
        expect(clean).toEqual(expectedValues({}, values));
      }),
      { numRuns: 600 },
    );
    expect(saved).toBeGreaterThan(60);
  }, 30_000);

  it('createRecord: saved as the normalised input, or refused naming fields with nothing changed', async () => {
    let saved = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(valuesArb(), async (values) => {
        const before = await dumpAll();
        let record: CrmRecord;
        try {
          record = await createRecord(db, folderId, values);
        } catch (e) {
          refused++;
          expectWellFormedRefusal(e, values);
          expect(await dumpAll()).toEqual(before);
          return;
        }
        saved++;
        const autoField = fields.find((f) => f.type === 'autoNumber')!;
        expect(withoutSortKeys(await db.records.get(record.id))).toEqual(record);
        const { [autoField.id]: auto, ...rest } = record.values;
        expect(rest).toEqual(expectedValues({}, values));
        expect(Number.isInteger(auto) && (auto as number) > 0).toBe(true);
        expectStoredValid(record);
        expect(await db.outbox.where('table').equals('records').filter((o) => o.docId === record.id).count()).toBe(1);
      }),
      { numRuns: 150 },
    );
    // The generators must exercise both outcomes, or the property proves little.
    expect(saved).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 60_000);

  it('updateRecord: saved as the merged, normalised patch, or refused with nothing changed', async () => {
    const nameField = fields.find((f) => f.mandatory)!;
    const base = await createRecord(db, folderId, { [nameField.id]: 'Base' });
    let saved = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(valuesArb(), async (patch) => {
        const current = (await db.records.get(base.id))!;
        const before = await dumpAll();
        let record: CrmRecord;
        try {
          record = await updateRecord(db, base.id, patch);
        } catch (e) {
          refused++;
          expectWellFormedRefusal(e, patch);
          expect(await dumpAll()).toEqual(before);
          return;
        }
        saved++;
        // The record handed back was built from the stored one, sort keys and all: compare without them.
        expect(withoutSortKeys(await db.records.get(base.id))).toEqual(withoutSortKeys(record));
        expect(record.values).toEqual(expectedValues(current.values, patch));
        expectStoredValid(record);
      }),
      { numRuns: 100 },
    );
    expect(saved).toBeGreaterThan(15);
    expect(refused).toBeGreaterThan(15);
  }, 60_000);
});
