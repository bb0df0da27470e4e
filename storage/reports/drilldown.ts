import type { ThreadlineDB } from '../db/db';
import { viewSchema, type View } from '../model/entities';
import { LIMITS } from '../model/limits';
import { newId } from '../model/ids';
import { mutate } from '../write/mutate';

/**
 * A report figure's records as a saved view: the agreed pseudo-field `_id` with `in` holds the
 * record ids, so the view shows exactly the records behind the figure, frozen when drilled.
 */
export const ID_FILTER_FIELD = '_id';
export const ID_FILTER_OP = 'in';
/** Keeps a view document far below sync's 1 MB document limit (ids are ~36 characters). */
export const MAX_DRILL_IDS = 5_000;

export type DrillTarget = { folderId: string; folderName: string; count: number; recordIds: string[] };

/** The records behind a figure, split by folder (activity figures span contacts and deals). */
export async function drillTargets(db: ThreadlineDB, recordIds: readonly string[]): Promise<DrillTarget[]> {
  const [records, folders] = await Promise.all([db.records.bulkGet([...new Set(recordIds)]), db.folders.toArray()]);
  const byFolder = new Map<string, string[]>();
  for (const r of records) if (r) byFolder.set(r.folderId, [...(byFolder.get(r.folderId) ?? []), r.id]);
  return [...byFolder.entries()]
    .map(([folderId, ids]) => ({ folderId, folderName: folders.find((f) => f.id === folderId)?.name ?? folderId, count: ids.length, recordIds: ids }))
    .sort((a, b) => b.count - a.count);
}

/** The columns of the folder's first list view, so a drill looks like the table people know. */
async function defaultColumns(db: ThreadlineDB, folderId: string): Promise<string[]> {
  const views = await db.views.where('folderId').equals(folderId).toArray();
  const list = views.filter((v) => v.layout === 'list').sort((a, b) => a.order - b.order)[0];
  if (list) return list.columns;
  const fields = await db.fields.where('folderId').equals(folderId).sortBy('order');
  return fields.filter((f) => !f.hidden).slice(0, 6).map((f) => f.id);
}

/**
 * Saves (or reuses, when the same figure was drilled before) a list view of these records in
 * one folder, through the write path. Returns the view id for `dashboard.html#/view/<id>`.
 */
export async function createDrillView(db: ThreadlineDB, folderId: string, name: string, recordIds: readonly string[]): Promise<string> {
  const ids = [...new Set(recordIds)].slice(0, MAX_DRILL_IDS).sort();
  const title = name.slice(0, LIMITS.label);
  const columns = await defaultColumns(db, folderId);
  return mutate(db, async (w) => {
    const existing = await w.db.views.where('folderId').equals(folderId).toArray();
    const same = existing.find((v) => v.name === title && v.filters.length === 1 && v.filters[0]?.fieldId === ID_FILTER_FIELD && JSON.stringify(v.filters[0].value) === JSON.stringify(ids));
    if (same) return same.id;
    const now = Date.now();
    const view: View = viewSchema.parse({
      id: newId('view'),
      folderId,
      name: title,
      layout: 'list',
      columns,
      sort: [],
      filters: [{ fieldId: ID_FILTER_FIELD, op: ID_FILTER_OP, value: ids }],
      order: Math.max(0, ...existing.map((v) => v.order)) + 1,
      createdAt: now,
      updatedAt: now,
    });
    await w.put('views', view, Object.keys(view));
    return view.id;
  });
}

export const viewHref = (viewId: string) => `dashboard.html#/view/${encodeURIComponent(viewId)}`;
