import type { ThreadlineDB } from '../db/db';
import type { ActivityOf, CrmRecord } from '../model/entities';
import { searchRecords } from '../search/index';
import { SUGGESTIONS } from '../search/suggest';

export type Task = ActivityOf<'task'>;
export type TaskListData = { tasks: Task[]; titles: Map<string, string>; ownerOf: Map<string, string>; owners: string[] };

/** Every task with its records' titles and owners (the tasks page). Activities have no index on kind: a scan. */
export async function loadTaskList(db: ThreadlineDB): Promise<TaskListData> {
  const tasks = (await db.activities.filter((a) => a.kind === 'task').toArray()) as Task[];
  const ids = [...new Set(tasks.flatMap((t) => t.recordIds))];
  const [records, ownerFields] = await Promise.all([db.records.bulkGet(ids), db.fields.filter((f) => f.key === 'owner').toArray()]);
  const ownerField = new Map(ownerFields.map((f) => [f.folderId, f.id]));
  const titles = new Map<string, string>();
  const ownerOf = new Map<string, string>();
  for (const r of records) {
    if (!r) continue;
    titles.set(r.id, r.title);
    const fieldId = ownerField.get(r.folderId);
    const owner = fieldId ? r.values[fieldId] : undefined;
    if (typeof owner === 'string' && owner) ownerOf.set(r.id, owner);
  }
  const owners = [...new Set(ownerOf.values())].sort((a, b) => a.localeCompare(b));
  return { tasks, titles, ownerOf, owners };
}

/** One line of the Tasks page's record picker: the record, and its folder as the line that tells it apart. */
export type TaskRecordOption = { id: string; title: string; secondary: string };

/**
 * Records a new task can be about, across folders: the search index's best hits for `query`, or
 * with nothing typed the most recently changed records (the updatedAt index, never a scan).
 */
export async function suggestTaskRecords(db: ThreadlineDB, query: string, limit = SUGGESTIONS): Promise<TaskRecordOption[]> {
  const records = query.trim()
    ? (await db.records.bulkGet((await searchRecords(db, query, limit)).map((h) => h.id))).filter((r): r is CrmRecord => !!r)
    : await db.records.orderBy('updatedAt').reverse().limit(limit).toArray();
  const folders = new Map((await db.folders.bulkGet([...new Set(records.map((r) => r.folderId))])).flatMap((f) => (f ? [[f.id, f.name] as const] : [])));
  return records.map((r) => ({ id: r.id, title: r.title, secondary: [folders.get(r.folderId), r.emails[0] ?? r.domains[0]].filter(Boolean).join(' · ') }));
}
