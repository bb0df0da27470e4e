import { withoutRecordAt } from '../db/activityIndex';
import type { ThreadlineDB } from '../db/db';
import type { Activity, ThreadLink } from '../model/entities';
import { mutate } from '../write/mutate';
import { removeRecordsIn } from '../write/records';
import { NotFoundError } from '../model/errors';

export type ContactExport = {
  exportedAt: string;
  record: { id: string; folder: string; createdAt: string; updatedAt: string; fields: Record<string, unknown> };
  activities: Activity[];
  threadLinks: ThreadLink[];
  linkedFrom: { id: string; title: string }[];
};

/** Everything Threadline holds about one person (GDPR access request), fields named by label. */
export async function exportContact(db: ThreadlineDB, id: string): Promise<ContactExport> {
  const record = await db.records.get(id);
  if (!record) throw new NotFoundError('record', id);
  const [folder, fields, activities, threadLinks, linking] = await Promise.all([
    db.folders.get(record.folderId),
    db.fields.where('folderId').equals(record.folderId).toArray(),
    db.activities.where('recordIds').equals(id).toArray(),
    db.threadLinks.where('recordId').equals(id).toArray(),
    db.records.where('linkedIds').equals(id).toArray(),
  ]);
  const byId = new Map(fields.map((f) => [f.id, f.label]));
  const named = Object.fromEntries(Object.entries(record.values).map(([k, v]) => [byId.get(k) ?? k, v]));
  return {
    exportedAt: new Date().toISOString(),
    record: { id, folder: folder?.name ?? record.folderId, createdAt: new Date(record.createdAt).toISOString(), updatedAt: new Date(record.updatedAt).toISOString(), fields: named },
    activities: activities.map(withoutRecordAt),
    threadLinks,
    linkedFrom: linking.map((r) => ({ id: r.id, title: r.title })),
  };
}

/**
 * Erases a person everywhere (GDPR erasure): the record, every activity that mentions them (an
 * email logged against them carries their address, so it goes whole), their thread links, and
 * links to them from other records. Through the write path, so each delete syncs as a tombstone,
 * and a tombstone keeps no values on any device or on the server (sync/merge.ts).
 */
export async function eraseContact(db: ThreadlineDB, id: string): Promise<{ activities: number; links: number }> {
  return mutate(db, async (w) => {
    const record = await w.db.records.get(id);
    if (!record) throw new NotFoundError('record', id);
    const activities = await w.db.activities.where('recordIds').equals(id).toArray();
    const linkCount = await w.db.threadLinks.where('recordId').equals(id).count();
    for (const a of activities) await w.remove('activities', a.id);
    // The write owner drops the thread links and every link to the person from other records.
    await removeRecordsIn(w, [id]);
    return { activities: activities.length, links: linkCount };
  });
}
