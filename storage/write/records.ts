import { db } from '../db/db';
import { deriveIndexes } from '../model/derive';
import type { ActivityOf, CrmRecord, RecordValues } from '../model/entities';
import type { Field } from '../model/field';
import type { StageValue } from '../model/fieldValues';
import { newId } from '../model/ids';
import { RecordValidationError, validateRecordValues } from '../model/recordSchema';
import { mutate, type PutEntry, type Writer } from './mutate';
import { loadFolderSchema, NotFoundError, type FolderSchema } from '../folders/schema';
import { runAutomations, runAutomationsForEach } from '../automations/run';

/**
 * Auto-numbers come from a local counter, assigned inside the creating transaction: one read and
 * one write per auto-number field whatever the number of new records.
 */
async function assignAutoNumbers(fields: readonly Field[], valuesList: readonly RecordValues[]): Promise<RecordValues[]> {
  const out = valuesList.map((values) => ({ ...values }));
  const numbered = fields.filter((f) => f.type === 'autoNumber');
  if (numbered.length === 0 || out.length === 0) return out;
  for (const field of numbered) {
    if (out.some((values) => values[field.id] !== undefined)) {
      throw new RecordValidationError([{ fieldId: field.id, label: field.label, message: 'is numbered automatically and cannot be set' }]);
    }
  }
  const keys = numbered.map((f) => `autoNumber:${f.id}`);
  const counters = await db.meta.bulkGet(keys);
  await db.meta.bulkPut(
    numbered.map((field, i) => {
      let last = (counters[i]?.value as number | undefined) ?? 0;
      for (const values of out) values[field.id] = ++last;
      return { key: keys[i]!, value: last };
    }),
  );
  return out;
}

function buildRecord(schema: FolderSchema, base: Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>): CrmRecord {
  return { ...base, ...deriveIndexes(schema.folder, schema.fields, base.values) };
}

export async function createRecord(folderId: string, values: RecordValues, opts: { id?: string } = {}): Promise<CrmRecord> {
  return mutate(async (w) => {
    const schema = await loadFolderSchema(folderId);
    const [numbered] = await assignAutoNumbers(schema.fields, [values]);
    const clean = validateRecordValues(schema.folder, schema.fields, schema, numbered!);
    const now = Date.now();
    const record = buildRecord(schema, {
      id: opts.id ?? newId('rec'),
      folderId,
      values: clean,
      stats: {},
      createdAt: now,
      updatedAt: now,
    });
    if (await db.records.get(record.id)) throw new Error(`A record with id ${record.id} already exists`);
    await w.put('records', record, Object.keys(clean));
    await w.putMany('activities', stageChanges(schema, record, {}, now));
    await runAutomations(w, { kind: 'recordWritten', record, before: undefined, schema });
    return record;
  });
}

/**
 * Applies `patch` (field id → new value; undefined or null clears the field) to a record. The whole
 * resulting record is validated, so a patch can never leave a record breaking its folder's rules.
 */
export async function updateRecord(id: string, patch: RecordValues): Promise<CrmRecord> {
  return mutate((w) => updateRecordIn(w, id, patch));
}

/** updateRecord inside the caller's transaction (automations): one writer, one clock, one commit. */
export async function updateRecordIn(w: Writer, id: string, patch: RecordValues): Promise<CrmRecord> {
  const current = await db.records.get(id);
  if (!current) throw new NotFoundError(`Record ${id}`);
  const schema = await loadFolderSchema(current.folderId);
  for (const field of schema.fields) {
    if (field.type === 'autoNumber' && field.id in patch && patch[field.id] !== current.values[field.id]) {
      throw new RecordValidationError([{ fieldId: field.id, label: field.label, message: 'is numbered automatically and cannot be changed' }]);
    }
  }
  // Values of fields deleted since (a teammate removed the field) are dropped, not kept: a record
  // holding them would fail validation on every later edit. The patch itself is still checked.
  const merged: RecordValues = { ...ownValues(schema, current.values), ...patch };
  const clean = validateRecordValues(schema.folder, schema.fields, schema, merged);
  const changed = Object.keys(patch).filter((k) => JSON.stringify(clean[k]) !== JSON.stringify(current.values[k]));
  if (changed.length === 0) return current;
  const now = Date.now();
  const record = buildRecord(schema, { ...current, values: clean, updatedAt: now });
  await w.put('records', record, changed);
  await w.putMany('activities', stageChanges(schema, record, current.values, now));
  await runAutomations(w, { kind: 'recordWritten', record, before: current.values, schema });
  return record;
}

/** A record's values of fields its folder still has. */
export function ownValues(schema: FolderSchema, values: RecordValues): RecordValues {
  const ids = new Set(schema.fields.map((f) => f.id));
  return Object.fromEntries(Object.entries(values).filter(([k]) => ids.has(k)));
}

/**
 * One record of a bulk write: its values already validated by `recordSchema` for the folder (the
 * caller reports refusals row by row, so they must not abort the batch), auto-numbers not yet set.
 * `before` is the stored record for an update, undefined for a new one.
 */
export type ValidatedRecordWrite = {
  id: string;
  before: CrmRecord | undefined;
  values: RecordValues;
  changed: string[];
  /** The id was just minted for this new record (see PutEntry.fresh): nothing to read under it. */
  fresh?: boolean;
};

/**
 * Writes many records of one folder inside the caller's transaction (CSV import), with exactly what
 * createRecord/updateRecord add: auto-numbers, derived indexes, stage history, automations, clocks
 * and outbox; but in a few bulk requests instead of a dozen round trips per record.
 */
export async function writeValidatedRecordsIn(w: Writer, schema: FolderSchema, writes: readonly ValidatedRecordWrite[]): Promise<CrmRecord[]> {
  const now = Date.now();
  const created = writes.filter((x) => !x.before);
  const numbered = await assignAutoNumbers(schema.fields, created.map((x) => x.values));
  const valuesOf = new Map(created.map((x, i) => [x.id, numbered[i]!]));
  const records = writes.map((x) =>
    x.before
      ? buildRecord(schema, { ...x.before, values: x.values, updatedAt: now })
      : buildRecord(schema, { id: x.id, folderId: schema.folder.id, values: valuesOf.get(x.id)!, stats: {}, createdAt: now, updatedAt: now }),
  );
  await w.putMany('records', records.map((record, i) => ({ doc: record, changed: writes[i]!.before ? writes[i]!.changed : Object.keys(record.values), fresh: writes[i]!.fresh })));
  await w.putMany('activities', records.flatMap((record, i) => stageChanges(schema, record, writes[i]!.before?.values ?? {}, now)));
  await runAutomationsForEach(
    w,
    records.map((record, i) => ({ kind: 'recordWritten', record, before: writes[i]!.before?.values, schema })),
  );
  return records;
}

/** Every stage change, from any screen, leaves a history entry on the deal. */
function stageChanges(schema: FolderSchema, record: CrmRecord, before: RecordValues, now: number): PutEntry<ActivityOf<'stageChange'>>[] {
  const out: PutEntry<ActivityOf<'stageChange'>>[] = [];
  for (const field of schema.fields) {
    if (field.type !== 'stage') continue;
    const from = before[field.id] as StageValue | undefined;
    const to = record.values[field.id] as StageValue | undefined;
    if (!to || (from && from.pipelineId === to.pipelineId && from.stageId === to.stageId)) continue;
    const activity: ActivityOf<'stageChange'> = {
      id: newId('act'),
      kind: 'stageChange',
      recordIds: [record.id],
      fieldId: field.id,
      ...(from ? { from } : {}),
      to,
      at: now,
      createdAt: now,
      updatedAt: now,
    };
    out.push({ doc: activity, changed: Object.keys(activity), fresh: true });
  }
  return out;
}

/**
 * Deletes a record, its thread links, the history that belonged to it alone, and every link to
 * it from other records, so nothing points at a record that is gone.
 */
export async function deleteRecord(id: string): Promise<void> {
  await mutate(async (w) => {
    const record = await db.records.get(id);
    if (!record) return;
    await w.remove('records', id);
    for (const link of await db.threadLinks.where('recordId').equals(id).toArray()) await w.remove('threadLinks', link.id);
    for (const activity of await db.activities.where('recordIds').equals(id).toArray()) {
      const rest = activity.recordIds.filter((r) => r !== id);
      if (rest.length === 0) await w.remove('activities', activity.id);
      else await w.put('activities', { ...activity, recordIds: rest, updatedAt: Date.now() }, ['recordIds']);
    }
    for (const other of await db.records.where('linkedIds').equals(id).toArray()) {
      const schema = await loadFolderSchema(other.folderId);
      const values = { ...other.values };
      const changed: string[] = [];
      for (const field of schema.fields) {
        const v = values[field.id];
        if (field.type === 'link' && Array.isArray(v) && v.includes(id)) {
          const rest = v.filter((x) => x !== id);
          if (rest.length) values[field.id] = rest;
          else delete values[field.id];
          changed.push(field.id);
        }
      }
      await w.put('records', buildRecord(schema, { ...other, values, updatedAt: Date.now() }), changed);
    }
  });
}
