import type { ThreadlineDB } from '../db/db';
import type { ActivityOf, CrmRecord, Folder, Pipeline, View } from '../model/entities';
import { compareByDue } from '../activities/taskTime';
import type { Field } from '../model/field';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import type { FolderSchema } from '../folders/schema';
import { byRecentChange } from '../views/viewQuery';
import { recordsLinking } from './queries';
import { countRead } from './readStats';

/** The reads the CRM page makes (folders, views, records, their links and tasks). */

const byOrder = <T extends { order: number }>(list: T[]): T[] => list.sort((a, b) => a.order - b.order);

/** Folders in the order people gave them (the id order first, so equal orders stay put). */
export async function listFolders(db: ThreadlineDB): Promise<Folder[]> {
  return byOrder(await db.folders.orderBy('id').toArray());
}

export async function listPipelines(db: ThreadlineDB): Promise<Pipeline[]> {
  return byOrder(await db.pipelines.toArray());
}

export async function folderViews(db: ThreadlineDB, folderId: string): Promise<View[]> {
  return byOrder(await db.views.where('folderId').equals(folderId).toArray());
}

export async function listViews(db: ThreadlineDB): Promise<View[]> {
  return byOrder(await db.views.toArray());
}

export function getView(db: ThreadlineDB, id: string): Promise<View | undefined> {
  return db.views.get(id);
}

export function getRecord(db: ThreadlineDB, id: string): Promise<CrmRecord | undefined> {
  return db.records.get(id);
}

/** A folder's records, newest change first: one query for the whole table, never one per row. */
export async function folderRecords(db: ThreadlineDB, folderId: string): Promise<CrmRecord[]> {
  const all = await db.records.where('folderId').equals(folderId).toArray();
  countRead('wholeFolder', all.length);
  return byRecentChange(all);
}

/** Record counts per folder through the folderId index: counting keys reads no records. */
export async function folderCounts(db: ThreadlineDB, folderIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(folderIds.map((id) => db.records.where('folderId').equals(id).count()));
  return new Map(folderIds.map((id, i) => [id, counts[i]!]));
}

/** Titles of the records named, found or not (a deleted link has no title). */
export async function recordTitles(db: ThreadlineDB, ids: readonly string[]): Promise<Map<string, string>> {
  const found = await db.records.bulkGet([...new Set(ids)]);
  return new Map(found.flatMap((r) => (r ? [[r.id, r.title] as [string, string]] : [])));
}

/** The next open task (earliest due) of each record, from one query for all of them. */
export async function nextOpenTasks(db: ThreadlineDB, recordIds: readonly string[]): Promise<Map<string, ActivityOf<'task'>>> {
  const next = new Map<string, ActivityOf<'task'>>();
  if (recordIds.length === 0) return next;
  const tasks = await db.activities.where('recordIds').anyOf([...recordIds]).filter((a) => a.kind === 'task' && !a.done).toArray();
  for (const task of tasks as ActivityOf<'task'>[]) {
    for (const id of task.recordIds) {
      const seen = next.get(id);
      if (!seen || compareByDue(task, seen) < 0) next.set(id, task);
    }
  }
  return next;
}

/** A record's tasks, open ones first by due date. */
export async function recordTasks(db: ThreadlineDB, recordId: string): Promise<ActivityOf<'task'>[]> {
  const all = (await db.activities.where('recordIds').equals(recordId).toArray()).filter((a): a is ActivityOf<'task'> => a.kind === 'task');
  return all.sort((a, b) => Number(a.done) - Number(b.done) || compareByDue(a, b));
}

/**
 * Links of a record both ways, one group per link field: `out`, the records a field of this record
 * points at; `in`, the records of another folder pointing at it through their field (a company's
 * contacts and deals), with that folder.
 */
export type LinkGroup = { key: string; field: Field; records: CrmRecord[] } & ({ direction: 'out' } | { direction: 'in'; folder: Folder | undefined });

export async function linkGroups(db: ThreadlineDB, record: CrmRecord, schema: FolderSchema): Promise<LinkGroup[]> {
  const groups: LinkGroup[] = [];
  for (const field of schema.fields.filter((f) => FIELD_REGISTRY[f.type].indexAs === 'linkedIds')) {
    const ids = (record.values[field.id] as string[] | undefined) ?? [];
    const found = (await db.records.bulkGet(ids)).filter((r) => r !== undefined);
    if (found.length) groups.push({ key: `out-${field.id}`, direction: 'out', field, records: found });
  }
  const incoming = await recordsLinking(db, record.id);
  const [folders, fields] = await Promise.all([db.folders.toArray(), db.fields.toArray()]);
  const byGroup = new Map<string, LinkGroup>();
  for (const other of incoming) {
    const via = fields.filter((f) => f.folderId === other.folderId && Array.isArray(other.values[f.id]) && (other.values[f.id] as string[]).includes(record.id));
    for (const field of via) {
      const key = `in-${field.id}`;
      const group = byGroup.get(key) ?? { key, direction: 'in', field, folder: folders.find((x) => x.id === other.folderId), records: [] };
      group.records.push(other);
      byGroup.set(key, group);
    }
  }
  return [...groups, ...byGroup.values()];
}
