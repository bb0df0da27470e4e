import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { folderSchema, viewSchema, type Folder, type RecordValues, type View } from '../model/entities';
import type { Field } from '../model/field';
import { filterOps } from '../model/filterRegistry';
import { newId } from '../model/ids';
import { RecordValidationError } from '../model/recordSchema';
import { mutate } from '../write/mutate';
import { presetLabels } from './presetLabels';
import { getLocale } from '../../i18n/locale';
import { removeRecordsIn, updateRecordIn } from '../write/records';
import { NotFoundError, StorageError, type StorageErrorCode, type StorageErrorParams } from '../model/errors';
import { inputRefusal, type InputEntity } from '../model/inputErrors';
import { DEFAULT_FOLDER_ICON, FOLDER_ICONS } from '../model/folderIcons';

/** A refused change to folders or views: `message` is English (logs, tests); the UI words `code` and `params` for the person who asked. */
export class FolderError extends StorageError {
  constructor(message: string, code: StorageErrorCode, params: StorageErrorParams = {}) {
    super(code, params, message);
    this.name = 'FolderError';
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, entity: Extract<InputEntity, 'folder' | 'view'>): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const refusal = inputRefusal(entity, r.error, value);
    throw new FolderError(refusal.message, refusal.code, refusal.params);
  }
  return r.data;
}

/** What a person picks: a name of the icon set (an old emoji is only ever read, never written). */
const folderIcon = z.object({ icon: z.enum(FOLDER_ICONS) });
const folderInput = z.object({ name: z.string().trim().min(1).max(120), icon: z.enum(FOLDER_ICONS).or(z.literal('')) });

/** A custom folder with a mandatory "Name" field as its title and an "All" view, in one transaction. */
export async function createFolder(db: ThreadlineDB, input: { name: string; icon: string }): Promise<Folder> {
  const { name, icon } = check(folderInput, input, 'folder');
  // Named in the language of the page that creates it; the user renames them like any other.
  const names = presetLabels(getLocale()).custom;
  return mutate(db, async (w) => {
    const now = Date.now();
    const order = ((await w.db.folders.toArray()).reduce((m, f) => Math.max(m, f.order), -1)) + 1;
    const id = newId('folder');
    const nameField: Field = {
      id: newId('field'), folderId: id, key: 'name', label: names.nameField, type: 'text', mandatory: true, hidden: false,
      order: 0, settings: {}, createdAt: now, updatedAt: now,
    };
    const folder = check(folderSchema, { id, name, icon: icon || DEFAULT_FOLDER_ICON, kind: 'custom', titleFieldIds: [nameField.id], order, createdAt: now, updatedAt: now }, 'folder');
    await w.put('folders', folder, Object.keys(folder));
    await w.put('fields', nameField, Object.keys(nameField));
    const view: View = {
      id: newId('view'), folderId: id, name: names.allView.replace('{name}', name.toLowerCase()), layout: 'list', columns: [nameField.id], sort: [], filters: [],
      order: 0, createdAt: now, updatedAt: now,
    };
    await w.put('views', view, Object.keys(view));
    return folder;
  });
}

export function updateFolder(db: ThreadlineDB, id: string, patch: { name?: string; icon?: string }): Promise<Folder> {
  return mutate(db, async (w) => {
    const current = await w.db.folders.get(id);
    if (!current) throw new NotFoundError('folder', id);
    if (patch.icon !== undefined) check(folderIcon, { icon: patch.icon }, 'folder');
    const next = check(folderSchema, { ...current, ...patch, name: (patch.name ?? current.name).trim(), updatedAt: Date.now() }, 'folder');
    const changed = (['name', 'icon'] as const).filter((k) => next[k] !== current[k]);
    if (changed.length) await w.put('folders', next, changed);
    return next;
  });
}

/**
 * Deletes a custom folder with its records (and their history and links), fields and views, in
 * one transaction. Preset folders stay: the sidebar files people and deals into them. A folder
 * other folders link to is refused until those link fields go, so no field points at nothing.
 */
export async function deleteFolder(db: ThreadlineDB, id: string): Promise<{ deletedRecords: number }> {
  return mutate(db, async (w) => {
    const folder = await w.db.folders.get(id);
    if (!folder) throw new NotFoundError('folder', id);
    if (folder.kind !== 'custom') throw new FolderError(`${folder.name} is a built-in folder and cannot be deleted`, 'builtInFolder', { folder: folder.name });
    const linking = (await w.db.fields.toArray()).filter((f) => f.folderId !== id && f.type === 'link' && f.settings.targetFolderId === id);
    if (linking.length) {
      const names = await Promise.all(linking.map(async (f) => `${f.label} (${(await w.db.folders.get(f.folderId))?.name ?? f.folderId})`));
      throw new FolderError(`${folder.name} is linked from ${names.join(', ')}; delete those fields first`, 'folderLinked', { folder: folder.name, names: names.join(', ') });
    }
    const recordIds = await w.db.records.where('folderId').equals(id).primaryKeys();
    await removeRecordsIn(w, recordIds);
    for (const view of await w.db.views.where('folderId').equals(id).toArray()) await w.remove('views', view.id);
    for (const field of await w.db.fields.where('folderId').equals(id).toArray()) await w.remove('fields', field.id);
    await w.remove('folders', id);
    return { deletedRecords: recordIds.length };
  });
}

export type ViewInput = Pick<View, 'name' | 'layout' | 'columns' | 'sort' | 'filters'> & { boardFieldId?: string };

/** Every column, sort key and filter must name a field of the folder, with an operator its type has. */
async function checkViewAgainstFields(db: ThreadlineDB, folderId: string, view: ViewInput) {
  const fields = await db.fields.where('folderId').equals(folderId).toArray();
  const byId = new Map(fields.map((f) => [f.id, f]));
  const unknown = [...view.columns, ...view.sort.map((s) => s.fieldId), ...view.filters.map((f) => f.fieldId)].filter((id) => !byId.has(id));
  const missing = [...new Set(unknown)];
  if (missing.length) {
    throw new FolderError(`View "${view.name}" uses fields that are not in this folder: ${missing.join(', ')}`, 'viewUnknownFields', { view: view.name, count: missing.length });
  }
  for (const f of view.filters) {
    const field = byId.get(f.fieldId)!;
    if (!filterOps(field).some((o) => o.op === f.op)) throw new FolderError(`"${f.op}" is not a filter for ${field.label}`, 'viewBadFilter', { op: f.op, field: field.label });
  }
  if (view.boardFieldId && !byId.has(view.boardFieldId)) {
    throw new FolderError(`View "${view.name}" groups by a field that is not in this folder`, 'viewBoardField', { view: view.name });
  }
}

export function createView(db: ThreadlineDB, folderId: string, input: ViewInput): Promise<View> {
  return mutate(db, async (w) => {
    if (!(await w.db.folders.get(folderId))) throw new NotFoundError('folder', folderId);
    await checkViewAgainstFields(w.db, folderId, input);
    const siblings = await w.db.views.where('folderId').equals(folderId).toArray();
    const now = Date.now();
    const view = check(viewSchema, {
      ...input, name: input.name.trim(), id: newId('view'), folderId, order: siblings.reduce((m, v) => Math.max(m, v.order), -1) + 1,
      createdAt: now, updatedAt: now,
    }, 'view');
    await w.put('views', view, Object.keys(view));
    return view;
  });
}

export function updateView(db: ThreadlineDB, id: string, patch: Partial<ViewInput>): Promise<View> {
  return mutate(db, async (w) => {
    const current = await w.db.views.get(id);
    if (!current) throw new NotFoundError('view', id);
    const next = check(viewSchema, { ...current, ...patch, updatedAt: Date.now() }, 'view');
    await checkViewAgainstFields(w.db, current.folderId, next);
    const changed = (Object.keys(patch) as (keyof ViewInput)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
    if (changed.length) await w.put('views', next, changed);
    return next;
  });
}

export async function deleteView(db: ThreadlineDB, id: string): Promise<void> {
  await mutate(db, async (w) => {
    if (await w.db.views.get(id)) await w.remove('views', id);
  });
}

/** One patch applied to many records, all or nothing: a refused record leaves every record as it was. */
export function bulkUpdateRecords(db: ThreadlineDB, ids: readonly string[], patch: RecordValues): Promise<number> {
  return mutate(db, async (w) => {
    for (const id of ids) {
      const title = (await w.db.records.get(id))?.title || id;
      try {
        await updateRecordIn(w, id, patch);
      } catch (e) {
        // Name the record at fault: the same message for 200 rows would not say which one to fix.
        if (!(e instanceof RecordValidationError)) throw e;
        throw new RecordValidationError(e.issues.map((i) => ({ ...i, label: `${title}: ${i.label}` })));
      }
    }
    return ids.length;
  });
}

export function bulkDeleteRecords(db: ThreadlineDB, ids: readonly string[]): Promise<number> {
  return mutate(db, async (w) => {
    // Records already gone (a teammate deleted them) are skipped: removing them again would queue a tombstone.
    const existing = (await w.db.records.bulkGet([...ids])).flatMap((r) => (r ? [r.id] : []));
    await removeRecordsIn(w, existing);
    return ids.length;
  });
}
