import type { ThreadlineDB } from '../db/db';
import { deriveIndexes } from '../model/derive';
import type { CrmRecord, RecordValues } from '../model/entities';
import type { Field } from '../model/field';
import { newId } from '../model/ids';
import { RecordValidationError, validateRecordValues } from '../model/recordSchema';
import { loadFolderSchema, NotFoundError, type FolderSchema } from '../folders/schema';
import { runRecordsWritten, type RecordWrite } from './hooks';
import { moveReferencesIn, relinkedValues, type Replacement } from './links';
import { mutate, type Writer } from './mutate';
import { stageChangeEntries } from './stageHistory';
import { amountField, hasLines, valuesWithLineAmount } from '../lines/dealAmount';

/**
 * The write owner of records: the only module that puts or removes a record. Every write here
 * validates (callers that write many validate first, row by row), keeps the stage history, runs
 * the after-write hooks (automations) and, on removal, rewrites every reference to the record;
 * the derived index columns are set by storage/db/recordIndex.ts whoever writes.
 */

/**
 * Auto-numbers come from a local counter, assigned inside the creating transaction: one read and
 * one write per auto-number field whatever the number of new records.
 */
async function assignAutoNumbers(db: ThreadlineDB, fields: readonly Field[], valuesList: readonly RecordValues[]): Promise<RecordValues[]> {
  const out = valuesList.map((values) => ({ ...values }));
  const numbered = fields.filter((f) => f.type === 'autoNumber');
  if (numbered.length === 0 || out.length === 0) return out;
  for (const field of numbered) {
    if (out.some((values) => values[field.id] !== undefined)) {
      throw new RecordValidationError([{ fieldId: field.id, label: field.label, code: 'autoNumberSet' }]);
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

/**
 * A record with its derived columns, as the caller gets it back (the stored copy gets the same);
 * a deal with line items gets their sum as its amount, whichever write changed it (an edit, an
 * import, an automation).
 */
function withIndexes(schema: FolderSchema, base: Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>): CrmRecord {
  const values = valuesWithLineAmount(schema.folder, schema.fields, base.values, base.lines);
  return { ...base, values, ...deriveIndexes(schema.folder, schema.fields, values) };
}

/** One record to store: `changed` names the fields that changed (all of them for a new record). */
export type RecordSave = { record: CrmRecord; before: CrmRecord | undefined; changed: readonly string[]; fresh?: boolean };

/**
 * The only put of records. Records of one folder, already validated; with their stage history and
 * the after-write hooks, in the caller's transaction.
 */
export async function saveRecordsIn(w: Writer, schema: FolderSchema, saves: readonly RecordSave[]): Promise<void> {
  if (saves.length === 0) return;
  const now = Date.now();
  const stored = saves.map((s) => ({ ...s, record: withIndexes(schema, s.record) }));
  // putMany even for one: it carries `fresh`, so a record created under a minted id is marked so.
  await w.putMany('records', stored.map((s) => ({ doc: s.record, changed: s.changed, fresh: s.fresh })));
  await w.putMany('activities', stored.flatMap((s) => stageChangeEntries(schema, s.record, s.before?.values, now)));
  await runRecordsWritten(w, schema, stored.map((s): RecordWrite => ({ record: s.record, before: s.before })));
}

export async function createRecord(db: ThreadlineDB, folderId: string, values: RecordValues, opts: { id?: string } = {}): Promise<CrmRecord> {
  return mutate(db, (w) => createRecordIn(w, folderId, values, opts));
}

export async function createRecordIn(w: Writer, folderId: string, values: RecordValues, opts: { id?: string } = {}): Promise<CrmRecord> {
  const schema = await loadFolderSchema(w.db, folderId);
  const [numbered] = await assignAutoNumbers(w.db, schema.fields, [values]);
  const clean = validateRecordValues(schema.folder, schema.fields, schema, numbered!);
  const now = Date.now();
  const record = withIndexes(schema, { id: opts.id ?? newId('rec'), folderId, values: clean, stats: {}, createdAt: now, updatedAt: now });
  if (await w.db.records.get(record.id)) throw new Error(`A record with id ${record.id} already exists`);
  await saveRecordsIn(w, schema, [{ record, before: undefined, changed: Object.keys(clean), fresh: !opts.id }]);
  return record;
}

/**
 * Applies `patch` (field id → new value; undefined or null clears the field) to a record. The whole
 * resulting record is validated, so a patch can never leave a record breaking its folder's rules.
 */
export async function updateRecord(db: ThreadlineDB, id: string, patch: RecordValues): Promise<CrmRecord> {
  return mutate(db, (w) => updateRecordIn(w, id, patch));
}

/** updateRecord inside the caller's transaction (automations): one writer, one clock, one commit. */
export async function updateRecordIn(w: Writer, id: string, patch: RecordValues, extra: Partial<Pick<CrmRecord, 'stats'>> = {}): Promise<CrmRecord> {
  const current = await w.db.records.get(id);
  if (!current) throw new NotFoundError('record', id);
  const schema = await loadFolderSchema(w.db, current.folderId);
  for (const field of schema.fields) {
    if (field.type === 'autoNumber' && field.id in patch && patch[field.id] !== current.values[field.id]) {
      throw new RecordValidationError([{ fieldId: field.id, label: field.label, code: 'autoNumberChanged' }]);
    }
  }
  refuseTypedAmount(schema, current, patch);
  // Values of fields deleted since (a teammate removed the field) are dropped, not kept: a record
  // holding them would fail validation on every later edit. The patch itself is still checked.
  const merged: RecordValues = { ...ownValues(schema, current.values), ...patch };
  const clean = validateRecordValues(schema.folder, schema.fields, schema, merged);
  const changed = Object.keys(patch).filter((k) => JSON.stringify(clean[k]) !== JSON.stringify(current.values[k]));
  if (extra.stats) changed.push('stats');
  if (changed.length === 0) return current;
  const record = withIndexes(schema, { ...current, ...extra, values: clean, updatedAt: Date.now() });
  await saveRecordsIn(w, schema, [{ record, before: current, changed }]);
  return record;
}

/** A deal with line items has the amount they sum to (storage/lines/dealAmount.ts): typing another is refused. */
function refuseTypedAmount(schema: FolderSchema, current: CrmRecord, patch: RecordValues) {
  if (schema.folder.kind !== 'deals' || !hasLines(current.lines)) return;
  const field = amountField(schema.fields);
  if (field && field.id in patch && JSON.stringify(patch[field.id]) !== JSON.stringify(current.values[field.id])) {
    throw new RecordValidationError([{ fieldId: field.id, label: field.label, code: 'fromLines' }]);
  }
}

/**
 * A record's statistics (last activity, email threads), kept by the history that feeds them: the
 * values are not touched, so they are not validated again (a field made mandatory since must not
 * stop an email from being logged).
 */
export async function setRecordStatsIn(w: Writer, id: string, stats: CrmRecord['stats']): Promise<CrmRecord | undefined> {
  const current = await w.db.records.get(id);
  if (!current || JSON.stringify(stats) === JSON.stringify(current.stats)) return current;
  const schema = await loadFolderSchema(w.db, current.folderId);
  const record = { ...current, stats };
  await saveRecordsIn(w, schema, [{ record, before: current, changed: ['stats'] }]);
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
 * createRecord/updateRecord add: auto-numbers, stage history, hooks, clocks and outbox; but in a few
 * bulk requests instead of a dozen round trips per record.
 */
export async function writeValidatedRecordsIn(w: Writer, schema: FolderSchema, writes: readonly ValidatedRecordWrite[]): Promise<CrmRecord[]> {
  const now = Date.now();
  const created = writes.filter((x) => !x.before);
  const numbered = await assignAutoNumbers(w.db, schema.fields, created.map((x) => x.values));
  const valuesOf = new Map(created.map((x, i) => [x.id, numbered[i]!]));
  const records = writes.map((x) =>
    x.before
      ? withIndexes(schema, { ...x.before, values: x.values, updatedAt: now })
      : withIndexes(schema, { id: x.id, folderId: schema.folder.id, values: valuesOf.get(x.id)!, stats: {}, createdAt: now, updatedAt: now }),
  );
  await saveRecordsIn(
    w,
    schema,
    records.map((record, i) => ({ record, before: writes[i]!.before, changed: writes[i]!.before ? writes[i]!.changed : Object.keys(record.values), fresh: writes[i]!.fresh })),
  );
  return records;
}

/**
 * Every reference to the `gone` records, rewritten: with `into` (a merge) links, history and
 * thread links move to that record; without, links are dropped, thread links go, and history that
 * belonged to them alone goes too.
 */
async function rewriteReferencesIn(w: Writer, replacement: Replacement): Promise<void> {
  const { gone, into } = replacement;
  const now = Date.now();
  const linking = (await w.db.records.where('linkedIds').anyOf([...gone]).distinct().toArray()).filter((r) => !gone.has(r.id) && r.id !== into);
  const byFolder = new Map<string, CrmRecord[]>();
  for (const r of linking) byFolder.set(r.folderId, [...(byFolder.get(r.folderId) ?? []), r]);
  for (const [folderId, others] of byFolder) {
    const schema = await loadFolderSchema(w.db, folderId);
    const saves = others.map((other) => {
      const { values, changed } = relinkedValues(schema, other.values, replacement);
      return { record: { ...other, values, updatedAt: now }, before: other, changed };
    });
    await saveRecordsIn(w, schema, saves.filter((s) => s.changed.length > 0));
  }
  await moveReferencesIn(w, replacement, now);
}

/** The only removal of records: removes `ids` and rewrites every reference to them (see above). */
export async function removeRecordsIn(w: Writer, ids: readonly string[], into?: string): Promise<void> {
  await rewriteReferencesIn(w, { gone: new Set(ids), into });
  for (const id of ids) await w.remove('records', id);
}

/**
 * References that arrived to records already deleted here: a teammate linked, noted or tasked a
 * record while another deleted it. Every device that sees both makes the same repair (the link or
 * entry goes, as a local delete would have done), so replicas converge with nothing dangling.
 */
export async function dropReferencesToIn(w: Writer, deletedIds: readonly string[]): Promise<void> {
  if (deletedIds.length) await rewriteReferencesIn(w, { gone: new Set(deletedIds), into: undefined });
}

/**
 * Deals whose merged copy from the server holds an amount that is not their lines' sum: two
 * teammates edited two lines at once, each stamping the sum it saw. Every device that merges both
 * makes the same repair, a local write of the sum (no hooks: it is not anyone's edit), so every
 * replica and the server end with the same lines and the same amount.
 */
export async function repairLineAmountsIn(w: Writer, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  const records = (await w.db.records.bulkGet([...recordIds])).filter((r): r is CrmRecord => !!r && hasLines(r.lines));
  for (const record of records) {
    const schema = await loadFolderSchema(w.db, record.folderId);
    const values = valuesWithLineAmount(schema.folder, schema.fields, record.values, record.lines);
    if (values !== record.values) await w.put('records', { ...record, values }, [amountField(schema.fields)?.id ?? 'values']);
  }
}

/** Deletes a record, its thread links, the history that was its alone, and every link to it. */
export async function deleteRecord(db: ThreadlineDB, id: string): Promise<void> {
  await mutate(db, async (w) => {
    if (await w.db.records.get(id)) await removeRecordsIn(w, [id]);
  });
}
