import type { ThreadlineDB } from '../db/db';
import type { ActivityOf } from '../model/entities';

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
