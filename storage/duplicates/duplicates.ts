import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, RecordStats, RecordValues } from '../model/entities';
import type { Field } from '../model/field';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import { foldText, normalizePhone } from '../model/normalize';
import { validateRecordValues } from '../model/recordSchema';
import { mutate } from '../write/mutate';
import { removeRecordsIn, updateRecordIn } from '../write/records';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import { NotFoundError, StorageError } from '../model/errors';
import { importableFields } from '../csv/mapping';

export type DuplicateReason = { kind: 'email' | 'phone' | 'name'; key: string; label: string };
export type DuplicateGroup = { id: string; recordIds: string[]; reasons: DuplicateReason[] };

/** Shorter numbers ("0", "112", extensions typed alone) are too common to mean "same person". */
const MIN_PHONE_DIGITS = 6;
/** Phone numbers have no registry property to find them by; this is the one type check here. */
const isPhoneField = (f: Field) => f.type === 'phone';
const isLinkField = (f: Field) => FIELD_REGISTRY[f.type].indexAs === 'linkedIds';
const foldName = (s: string) => foldText(s).replace(/\s+/g, ' ').trim();

/** The company a record belongs to: its `company` field (a link or text), folded for comparison. */
function companyKey(schema: FolderSchema, record: CrmRecord): string | undefined {
  const field = schema.fields.find((f) => f.key === 'company');
  const v = field ? record.values[field.id] : undefined;
  if (Array.isArray(v)) return v.length ? [...v].sort().join(',') : undefined;
  return typeof v === 'string' && v.trim() ? foldName(v) : undefined;
}

/** What makes two records likely the same: an email, a phone number, or name + company. */
export function matchKeys(schema: FolderSchema, record: CrmRecord): DuplicateReason[] {
  const keys: DuplicateReason[] = record.emails.map((e) => ({ kind: 'email', key: `email:${e}`, label: e }));
  for (const field of schema.fields.filter(isPhoneField)) {
    const phones = record.values[field.id];
    if (!Array.isArray(phones)) continue;
    for (const p of phones as string[]) {
      const n = normalizePhone(p);
      if (n.replace('+', '').length >= MIN_PHONE_DIGITS) keys.push({ kind: 'phone', key: `phone:${n}`, label: p });
    }
  }
  const name = foldName(record.title);
  // A company's own name is enough; a person's name needs the same company too ("Ana García" is common).
  const company = schema.folder.kind === 'companies' ? '' : companyKey(schema, record);
  if (name && company !== undefined) keys.push({ kind: 'name', key: `name:${name}|${company}`, label: record.title });
  return keys;
}

/** Groups of records sharing any match key (transitively), each with the keys they share. */
export function findDuplicateGroups(schema: FolderSchema, records: readonly CrmRecord[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const byKey = new Map<string, { reason: DuplicateReason; ids: string[] }>();
  for (const record of records) {
    parent.set(record.id, record.id);
    for (const reason of matchKeys(schema, record)) {
      const entry = byKey.get(reason.key) ?? { reason, ids: [] };
      if (!entry.ids.includes(record.id)) entry.ids.push(record.id);
      byKey.set(reason.key, entry);
    }
  }
  for (const { ids } of byKey.values()) for (const id of ids.slice(1)) parent.set(root(id), root(ids[0]!));
  const groups = new Map<string, DuplicateGroup>();
  for (const { reason, ids } of byKey.values()) {
    if (ids.length < 2) continue;
    const r = root(ids[0]!);
    const group = groups.get(r) ?? { id: '', recordIds: [], reasons: [] };
    for (const id of ids) if (!group.recordIds.includes(id)) group.recordIds.push(id);
    group.reasons.push(reason);
    groups.set(r, group);
  }
  const order = new Map(records.map((r, i) => [r.id, i]));
  return [...groups.values()]
    .map((g) => {
      const recordIds = g.recordIds.sort((a, b) => order.get(a)! - order.get(b)!);
      return { ...g, recordIds, id: [...recordIds].sort().join('+') };
    })
    .sort((a, b) => order.get(a.recordIds[0]!)! - order.get(b.recordIds[0]!)!);
}

/** The likely duplicates in a folder, oldest record first in each group. */
export async function findDuplicates(db: ThreadlineDB, folderId: string): Promise<DuplicateGroup[]> {
  const [schema, records] = await Promise.all([loadFolderSchema(db, folderId), db.records.where('folderId').equals(folderId).toArray()]);
  records.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return findDuplicateGroups(schema, records);
}

/** Per field: the id of the record whose value the survivor keeps, or "combine" (lists only). */
export type MergeChoices = Record<string, string>;
export const COMBINE = 'combine';

/** Fields a person chooses between: computed and auto-numbered ones keep the survivor's. */
export const mergeableFields = (schema: FolderSchema) => importableFields(schema.fields);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields whose values differ between the records: the rows of the side-by-side review. */
export function differingFields(schema: FolderSchema, records: readonly CrmRecord[]): Field[] {
  return mergeableFields(schema).filter((f) => records.some((r) => !same(r.values[f.id], records[0]!.values[f.id])));
}

/** Keep the survivor's value when it has one, else the first other one; combine differing lists. */
export function defaultChoices(schema: FolderSchema, records: readonly CrmRecord[]): MergeChoices {
  const choices: MergeChoices = {};
  for (const field of differingFields(schema, records)) {
    const filled = records.filter((r) => r.values[field.id] !== undefined);
    if (filled.length === 0) continue;
    const lists = filled.every((r) => Array.isArray(r.values[field.id]));
    choices[field.id] = lists && filled.length > 1 ? COMBINE : filled[0]!.id;
  }
  return choices;
}

/** The survivor's values after the merge; `records` starts with the survivor. */
export function mergedValues(schema: FolderSchema, records: readonly CrmRecord[], choices: MergeChoices): RecordValues {
  const [survivor] = records;
  const gone = new Set(records.map((r) => r.id));
  const values: RecordValues = { ...survivor!.values };
  const defaults = defaultChoices(schema, records);
  for (const field of mergeableFields(schema)) {
    const choice = choices[field.id] ?? defaults[field.id];
    if (choice === undefined) continue;
    if (choice === COMBINE) {
      const all = records.flatMap((r) => (Array.isArray(r.values[field.id]) ? (r.values[field.id] as unknown[]) : []));
      values[field.id] = all.filter((v, i) => all.findIndex((w) => same(v, w)) === i);
    } else {
      const from = records.find((r) => r.id === choice);
      if (!from) throw new StorageError('mergeChoiceOutside', { field: field.label }, `${field.label}: the chosen record is not part of this merge`);
      values[field.id] = from.values[field.id];
    }
  }
  // A record never links to itself, nor to the records merged into it.
  for (const field of schema.fields.filter(isLinkField)) {
    const ids = values[field.id];
    if (Array.isArray(ids)) values[field.id] = (ids as string[]).filter((id) => !gone.has(id));
  }
  return values;
}

function mergedStats(records: readonly CrmRecord[]): RecordStats {
  const max = (pick: (s: RecordStats) => number | undefined) => {
    const all = records.map((r) => pick(r.stats)).filter((n): n is number => n !== undefined);
    return all.length ? Math.max(...all) : undefined;
  };
  const threads = [...new Set(records.flatMap((r) => r.stats.emailThreadIds ?? []))];
  const stats: RecordStats = {};
  const last = max((s) => s.lastActivityAt);
  const email = max((s) => s.lastEmailReceivedAt);
  if (last !== undefined) stats.lastActivityAt = last;
  if (email !== undefined) stats.lastEmailReceivedAt = email;
  if (threads.length) stats.emailThreadIds = threads;
  return stats;
}

export type MergePlan = { survivorId: string; loserIds: string[]; choices: MergeChoices };

/**
 * Merges `loserIds` into `survivorId` in ONE transaction: the survivor takes the chosen values,
 * links from other records, history and thread links move to it, and the others are deleted. A
 * refused value (RecordValidationError) or any failure leaves every record as it was.
 */
export async function mergeRecords(db: ThreadlineDB, plan: MergePlan): Promise<CrmRecord> {
  const loserIds = [...new Set(plan.loserIds)].filter((id) => id !== plan.survivorId);
  if (loserIds.length === 0) throw new StorageError('mergeNeedsOther', {}, 'Choose at least one other record to merge');
  return mutate(db, async (w) => {
    const records = await w.db.records.bulkGet([plan.survivorId, ...loserIds]);
    const missing = [plan.survivorId, ...loserIds].find((_id, i) => !records[i]);
    if (missing) throw new NotFoundError('record', missing);
    const all = records as CrmRecord[];
    const survivor = all[0]!;
    if (all.some((r) => r.folderId !== survivor.folderId)) throw new StorageError('mergeSameFolder', {}, 'Only records of the same folder can be merged');
    const schema = await loadFolderSchema(w.db, survivor.folderId);
    const values = mergedValues(schema, all, plan.choices);
    // Validate before writing anything, so a refusal names the field and touches nothing.
    validateRecordValues(schema.folder, schema.fields, schema, values);
    // The write owner moves links, history and thread links of the others to the survivor.
    await removeRecordsIn(w, loserIds, survivor.id);
    // Through updateRecordIn so a chosen stage leaves its history entry.
    const patch: RecordValues = {};
    for (const key of new Set([...Object.keys(survivor.values), ...Object.keys(values)])) patch[key] = values[key];
    return updateRecordIn(w, survivor.id, patch, { stats: mergedStats(all) });
  });
}
