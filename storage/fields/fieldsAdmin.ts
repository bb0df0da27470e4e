import type { ThreadlineDB } from '../db/db';
import { fieldValue } from './computed';
import type { CrmRecord, View } from '../model/entities';
import { fieldSchema, type DropdownOption, type Field, type FieldType } from '../model/field';
import { FIELD_REGISTRY, normalizeValue, type CsvRefusal, type FieldTypeSpec, type SchemaContext } from '../model/fieldRegistry';
import { issueFromZod } from '../model/issues';
import { inputRefusal } from '../model/inputErrors';
import { filterOps } from '../model/filterRegistry';
import { formulaRefs, parseFormula } from '../model/formula';
import { newId, slugKey } from '../model/ids';
import { LIMITS } from '../model/limits';
import { foldText } from '../model/normalize';
import { mutate, type Writer } from '../write/mutate';
import { saveRecordsIn, type RecordSave } from '../write/records';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import { NotFoundError } from '../model/errors';
import { FIELD_SETUP, FieldAdminError, setupError } from './fieldSetup';

export { FieldAdminError } from './fieldSetup';

export type FieldInput = {
  label: string;
  type: FieldType;
  mandatory?: boolean;
  hidden?: boolean;
  options?: DropdownOption[];
  settings?: Field['settings'];
};

function uniqueKey(label: string, fields: readonly Field[], except?: string): string {
  const base = slugKey(label).slice(0, 60);
  const taken = new Set(fields.filter((f) => f.id !== except).map((f) => f.key));
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

async function validated(db: ThreadlineDB, field: Field, schema: FolderSchema): Promise<Field> {
  const r = fieldSchema.safeParse(field);
  if (!r.success) {
    const refusal = inputRefusal('field', r.error, field);
    throw new FieldAdminError(refusal.message, refusal.code, refusal.params);
  }
  const problem = await FIELD_SETUP[field.type]?.(db, field, schema);
  if (problem) throw setupError(field.label, problem);
  return r.data;
}

export function addField(db: ThreadlineDB, folderId: string, input: FieldInput): Promise<Field> {
  return mutate(db, async (w) => {
    const schema = await loadFolderSchema(w.db, folderId);
    const now = Date.now();
    const computed = FIELD_REGISTRY[input.type].computed;
    const field = await validated(w.db, {
      id: newId('field'), folderId, key: uniqueKey(input.label, schema.fields), label: input.label.trim(), type: input.type,
      // Nobody can fill a computed field, so it can never be mandatory.
      mandatory: !computed && (input.mandatory ?? false), hidden: input.hidden ?? false,
      order: schema.fields.reduce((m, f) => Math.max(m, f.order), -1) + 1,
      ...(input.options ? { options: input.options } : {}), settings: input.settings ?? {}, createdAt: now, updatedAt: now,
    }, schema);
    await w.put('fields', field, Object.keys(field));
    return field;
  });
}

export type FieldPatch = Partial<Pick<Field, 'label' | 'mandatory' | 'hidden' | 'options' | 'settings'>>;

/** Renames keep the key, so formulas and CSV mappings that use it keep working. */
export function updateField(db: ThreadlineDB, fieldId: string, patch: FieldPatch): Promise<Field> {
  return mutate(db, async (w) => {
    const current = await w.db.fields.get(fieldId);
    if (!current) throw new NotFoundError('field', fieldId);
    const schema = await loadFolderSchema(w.db, current.folderId);
    const next = await validated(w.db, { ...current, ...patch, label: (patch.label ?? current.label).trim(), updatedAt: Date.now() }, schema);
    if (FIELD_REGISTRY[next.type].computed && next.mandatory) throw setupError(next.label, { code: 'computedMandatory' });
    if (patch.options) await refuseRemovedOptionsInUse(w.db, current, next);
    const changed = (Object.keys(patch) as (keyof FieldPatch)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
    if (changed.length) await w.put('fields', next, changed);
    return next;
  });
}

async function refuseRemovedOptionsInUse(db: ThreadlineDB, before: Field, after: Field) {
  const kept = new Set(after.options?.map((o) => o.id));
  const removed = (before.options ?? []).filter((o) => !kept.has(o.id));
  if (removed.length === 0) return;
  const uses = new Map<string, number>();
  await db.records.where('folderId').equals(before.folderId).each((r) => {
    const v = r.values[before.id];
    for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string') uses.set(id, (uses.get(id) ?? 0) + 1);
  });
  const inUse = removed.filter((o) => uses.get(o.id));
  if (inUse.length) {
    const count = inUse.reduce((n, o) => n + (uses.get(o.id) ?? 0), 0);
    const options = inUse.map((o) => `"${o.label}"`).join(', ');
    throw new FieldAdminError(`${count} record(s) use the option(s) ${options}; change them first`, 'optionsInUse', { count, options });
  }
}

export function reorderFields(db: ThreadlineDB, folderId: string, orderedIds: readonly string[]): Promise<void> {
  return mutate(db, async (w) => {
    const fields = await w.db.fields.where('folderId').equals(folderId).toArray();
    const byId = new Map(fields.map((f) => [f.id, f]));
    // Fields missing from the list (e.g. added meanwhile by another device) keep their place after it.
    const rest = fields.filter((f) => !orderedIds.includes(f.id)).sort((a, b) => a.order - b.order);
    const ordered = [...orderedIds.flatMap((id) => byId.get(id) ?? []), ...rest];
    for (const [order, field] of ordered.entries()) {
      if (field.order !== order) await w.put('fields', { ...field, order, updatedAt: Date.now() }, ['order']);
    }
  });
}

/** A record with new values, to store once the fields are final (see saveRecordsIn). */
function rewritten(record: CrmRecord, values: CrmRecord['values'], changed: string[]): RecordSave {
  return { record: { ...record, values, updatedAt: Date.now() }, before: record, changed };
}

/** Views that mention a field lose it (columns, sort, filters, grouping); what was removed is returned. */
async function dropFromViews(w: Writer, folderId: string, keep: (view: View) => View): Promise<View[]> {
  const touched: View[] = [];
  for (const view of await w.db.views.where('folderId').equals(folderId).toArray()) {
    const next = keep(view);
    if (JSON.stringify(next) !== JSON.stringify(view)) {
      await w.put('views', { ...next, updatedAt: Date.now() }, ['columns', 'sort', 'filters', 'boardFieldId']);
      touched.push(view);
    }
  }
  return touched;
}

/**
 * Deletes a field and its values in one transaction. Refused while the field makes the folder's
 * title or feeds a formula: deleting it would silently break those.
 */
export function deleteField(db: ThreadlineDB, fieldId: string): Promise<{ clearedRecords: number }> {
  return mutate(db, async (w) => {
    const field = await w.db.fields.get(fieldId);
    if (!field) throw new NotFoundError('field', fieldId);
    const schema = await loadFolderSchema(w.db, field.folderId);
    if (schema.folder.titleFieldIds.includes(fieldId)) {
      throw new FieldAdminError(`${field.label} makes the title of ${schema.folder.name} and cannot be deleted`, 'titleField', { field: field.label, folder: schema.folder.name });
    }
    const users = schema.fields.filter((f) => f.settings.expression && formulaUses(f.settings.expression, field.key));
    if (users.length) {
      const formulas = users.map((f) => f.label).join(', ');
      throw new FieldAdminError(`${field.label} is used by the formula ${formulas}; change it first`, 'formulaUsesField', { field: field.label, formulas });
    }
    await w.remove('fields', fieldId);
    const saves: RecordSave[] = [];
    for (const record of await w.db.records.where('folderId').equals(field.folderId).toArray()) {
      if (!(fieldId in record.values)) continue;
      const { [fieldId]: _gone, ...values } = record.values;
      saves.push(rewritten(record, values, [fieldId]));
    }
    // The schema as it is now, without the field: the records are indexed against what remains.
    await saveRecordsIn(w, await loadFolderSchema(w.db, field.folderId), saves);
    await dropFromViews(w, field.folderId, (v) => {
      const { boardFieldId, ...view } = v;
      return {
        ...view,
        columns: v.columns.filter((id) => id !== fieldId),
        sort: v.sort.filter((s) => s.fieldId !== fieldId),
        filters: v.filters.filter((f) => f.fieldId !== fieldId),
        ...(boardFieldId && boardFieldId !== fieldId ? { boardFieldId } : {}),
      };
    });
    return { clearedRecords: saves.length };
  });
}

function formulaUses(expression: string, key: string): boolean {
  try {
    return formulaRefs(parseFormula(expression)).has(key);
  } catch {
    return false;
  }
}

/** A value a type change could not convert; the reason is a code the UI words (components/errors.ts). */
export type ConversionFailure = { recordId: string; title: string; oldText: string } & CsvRefusal;
export type ConversionReport = {
  converted: number;
  failed: ConversionFailure[];
  /** The field that keeps, as text, every value that did not convert. */
  preservedFieldId?: string;
  removedFilters: { viewName: string; op: string }[];
  createdOptions: number;
};

type Conversion = { value?: unknown; error?: CsvRefusal };

/** Converts through the CSV codecs both types already have: old value → text → new value. */
function convertOne(text: string, to: Field, spec: FieldTypeSpec<unknown>, ctx: SchemaContext): Conversion {
  if (spec.computed) return { error: { code: 'computed' } };
  const parsed = spec.parseCsv(text, to, ctx);
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.value === undefined) return { error: { code: 'noEquivalent' } };
  const value = normalizeValue(to, parsed.value);
  const valid = spec.value(to, ctx).safeParse(value);
  return valid.success ? { value } : { error: issueFromZod(valid.error.issues[0]) };
}

/** Types whose options a type change derives from the old values: one per value, or several per value. */
const OPTIONS_FROM_VALUES: { [T in FieldType]: 'one' | 'many' | null } = {
  dropdown: 'one', multiDropdown: 'many',
  text: null, longText: null, number: null, autoNumber: null, percent: null, currency: null, date: null, checkbox: null, user: null,
  email: null, phone: null, url: null, address: null, socials: null, link: null, stage: null, formula: null, statistic: null,
};

/** Dropdowns made from text get one option per distinct value, so the common conversion just works. */
function optionsFromTexts(texts: readonly string[], split: boolean): DropdownOption[] {
  const seen = new Map<string, string>();
  for (const text of texts) {
    for (const part of split ? text.split(/\s*;\s*/) : [text]) {
      const label = part.trim().slice(0, LIMITS.label);
      if (label && !seen.has(foldText(label)) && seen.size < LIMITS.options) seen.set(foldText(label), label);
    }
  }
  return [...seen.values()].map((label, i) => ({ id: `opt${i + 1}_${slugKey(label).slice(0, 40)}`, label }));
}

/** Link values must name records of the target folder; text naming a record by its title is resolved. */
async function resolveLinks(db: ThreadlineDB, value: unknown, to: Field): Promise<Conversion> {
  const target = to.settings.targetFolderId ?? '';
  const ids: string[] = [];
  for (const raw of value as string[]) {
    const byId = await db.records.get(raw);
    if (byId?.folderId === target) {
      ids.push(byId.id);
      continue;
    }
    const folded = foldText(raw);
    const byTitle = (await db.records.where('folderId').equals(target).toArray()).find((r) => foldText(r.title) === folded);
    if (!byTitle) return { error: { code: 'notALinkedRecord', params: { value: raw } } };
    ids.push(byTitle.id);
  }
  return { value: ids };
}

async function preservedField(w: Writer, from: Field, schema: FolderSchema): Promise<Field> {
  const now = Date.now();
  const label = `${from.label} (old value)`.slice(0, LIMITS.label);
  const field: Field = {
    id: newId('field'), folderId: from.folderId, key: uniqueKey(`${from.key} old`, schema.fields), label, type: 'longText',
    mandatory: false, hidden: false, order: from.order + 0.5, settings: {}, createdAt: now, updatedAt: now,
  };
  await w.put('fields', field, Object.keys(field));
  return field;
}

/**
 * Changes a field's type in one transaction with every record's conversion. Values that convert
 * are stored in the new type; each one that does not is reported (record, old text, reason) and
 * kept, as text, in a new "<label> (old value)" field, so nothing is dropped silently. View
 * filters whose operator the new type lacks are removed and reported too.
 */
export function changeFieldType(db: ThreadlineDB, fieldId: string, type: FieldType, extra: Pick<FieldInput, 'options' | 'settings'> = {}): Promise<ConversionReport> {
  return mutate(db, async (w) => {
    const from = await w.db.fields.get(fieldId);
    if (!from) throw new NotFoundError('field', fieldId);
    const schema = await loadFolderSchema(w.db, from.folderId);
    if (from.type === type) return { converted: 0, failed: [], removedFilters: [], createdOptions: 0 };
    if (schema.folder.titleFieldIds.includes(fieldId)) {
      throw new FieldAdminError(`${from.label} makes the title of ${schema.folder.name}; its type cannot change`, 'titleFieldType', { field: from.label, folder: schema.folder.name });
    }
    // Oldest first, so options made from text take the spelling people used first.
    const records = (await w.db.records.where('folderId').equals(from.folderId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    const oldSpec = FIELD_REGISTRY[from.type] as FieldTypeSpec<unknown>;
    const newSpec = FIELD_REGISTRY[type] as FieldTypeSpec<unknown>;
    const sources = records.flatMap((record) => {
      const v = fieldValue(record, from, schema.fields);
      return v === undefined || v === null ? [] : [{ record, text: oldSpec.toCsv(v, from) }];
    });
    const derive = OPTIONS_FROM_VALUES[type];
    const wantsOptions = derive !== null && !extra.options;
    const options = wantsOptions ? optionsFromTexts(sources.map((s) => s.text), derive === 'many') : (extra.options ?? from.options);
    const { options: _old, ...base } = from;
    const to = await validated(w.db, {
      ...base, type, ...(options ? { options } : {}), settings: extra.settings ?? from.settings,
      mandatory: from.mandatory && !newSpec.computed, updatedAt: Date.now(),
    }, schema);
    await w.put('fields', to, ['type', 'options', 'settings', 'mandatory']);
    const after = { ...schema, fields: schema.fields.map((f) => (f.id === fieldId ? to : f)) };
    const report: ConversionReport = { converted: 0, failed: [], removedFilters: [], createdOptions: wantsOptions ? (options?.length ?? 0) : 0 };
    let keeper: Field | undefined;
    const saves: RecordSave[] = [];
    for (const { record, text } of sources) {
      let result = convertOne(text, to, newSpec, schema);
      if (result.value !== undefined && newSpec.indexAs === 'linkedIds') result = await resolveLinks(w.db, result.value, to);
      const { [fieldId]: _prev, ...values } = record.values;
      if (result.value !== undefined) {
        report.converted++;
        saves.push(rewritten(record, { ...values, [fieldId]: result.value }, [fieldId]));
        continue;
      }
      keeper ??= await preservedField(w, from, after);
      report.failed.push({ recordId: record.id, title: record.title, oldText: text, ...(result.error ?? { code: 'invalid' }) });
      saves.push(rewritten(record, { ...values, [keeper.id]: text.slice(0, LIMITS.longText) }, [fieldId, keeper.id]));
    }
    // Loaded after the field changes (the new type, the kept-text field), in this transaction.
    await saveRecordsIn(w, await loadFolderSchema(w.db, from.folderId), saves);
    report.preservedFieldId = keeper?.id;
    const validOps = new Set(filterOps(to).map((o) => o.op));
    for (const view of await w.db.views.where('folderId').equals(from.folderId).toArray()) {
      for (const f of view.filters) if (f.fieldId === fieldId && !validOps.has(f.op)) report.removedFilters.push({ viewName: view.name, op: f.op });
    }
    await dropFromViews(w, from.folderId, (v) => ({ ...v, filters: v.filters.filter((f) => f.fieldId !== fieldId || validOps.has(f.op)) }));
    return report;
  });
}
