import { db } from './db';
import { deriveIndexes } from './derive';
import type { ActivityOf, CrmRecord, RecordValues } from './model/entities';
import type { Field } from './model/field';
import type { StageValue } from './model/fieldValues';
import { newId } from './model/ids';
import { RecordValidationError, validateRecordValues } from './model/recordSchema';
import { mutate, type Writer } from './mutate';
import { loadFolderSchema, NotFoundError, type FolderSchema } from './schemaLoad';
import { runAutomations } from './automations/run';

/** Auto-numbers come from a local counter, assigned inside the creating transaction. */
async function assignAutoNumbers(fields: readonly Field[], values: RecordValues): Promise<RecordValues> {
  const out = { ...values };
  for (const field of fields) {
    if (field.type !== 'autoNumber') continue;
    if (out[field.id] !== undefined) {
      throw new RecordValidationError([{ fieldId: field.id, label: field.label, message: 'is numbered automatically and cannot be set' }]);
    }
    const key = `autoNumber:${field.id}`;
    const next = (((await db.meta.get(key))?.value as number | undefined) ?? 0) + 1;
    await db.meta.put({ key, value: next });
    out[field.id] = next;
  }
  return out;
}

function buildRecord(schema: FolderSchema, base: Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>): CrmRecord {
  return { ...base, ...deriveIndexes(schema.folder, schema.fields, base.values) };
}

export async function createRecord(folderId: string, values: RecordValues, opts: { id?: string } = {}): Promise<CrmRecord> {
  return mutate(async (w) => {
    const schema = await loadFolderSchema(folderId);
    const clean = validateRecordValues(schema.folder, schema.fields, schema, await assignAutoNumbers(schema.fields, values));
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
    await recordStageChanges(w, schema, record, {}, clean, now);
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
  const merged: RecordValues = { ...current.values, ...patch };
  const clean = validateRecordValues(schema.folder, schema.fields, schema, merged);
  const changed = Object.keys(patch).filter((k) => JSON.stringify(clean[k]) !== JSON.stringify(current.values[k]));
  if (changed.length === 0) return current;
  const now = Date.now();
  const record = buildRecord(schema, { ...current, values: clean, updatedAt: now });
  await w.put('records', record, changed);
  await recordStageChanges(w, schema, record, current.values, clean, now);
  await runAutomations(w, { kind: 'recordWritten', record, before: current.values, schema });
  return record;
}

/** Every stage change, from any screen, leaves a history entry on the deal. */
async function recordStageChanges(w: Writer, schema: FolderSchema, record: CrmRecord, before: RecordValues, after: RecordValues, now: number) {
  for (const field of schema.fields) {
    if (field.type !== 'stage') continue;
    const from = before[field.id] as StageValue | undefined;
    const to = after[field.id] as StageValue | undefined;
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
    await w.put('activities', activity, Object.keys(activity));
  }
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
