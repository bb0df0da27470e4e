import { withoutRecordAt } from '../db/activityIndex';
import { db as defaultDb, type ThreadlineDB } from '../db/db';
import { deriveIndexes } from '../model/derive';
import type { Activity, CrmRecord, ThreadLink } from '../model/entities';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import { mutateIn } from '../write/mutate';
import { NotFoundError } from '../folders/schema';

export type ContactExport = {
  exportedAt: string;
  record: { id: string; folder: string; createdAt: string; updatedAt: string; fields: Record<string, unknown> };
  activities: Activity[];
  threadLinks: ThreadLink[];
  linkedFrom: { id: string; title: string }[];
};

/** Everything Threadline holds about one person (GDPR access request), fields named by label. */
export async function exportContact(id: string, db: ThreadlineDB = defaultDb): Promise<ContactExport> {
  const record = await db.records.get(id);
  if (!record) throw new NotFoundError(`Record ${id}`);
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
export async function eraseContact(id: string, db: ThreadlineDB = defaultDb): Promise<{ activities: number; links: number }> {
  return mutateIn(db, async (w) => {
    const record = await db.records.get(id);
    if (!record) throw new NotFoundError(`Record ${id}`);
    const activities = await db.activities.where('recordIds').equals(id).toArray();
    const links = await db.threadLinks.where('recordId').equals(id).toArray();
    for (const a of activities) await w.remove('activities', a.id);
    for (const l of links) await w.remove('threadLinks', l.id);
    for (const other of await db.records.where('linkedIds').equals(id).toArray()) await w.put('records', await withoutLink(db, other, id), ['linkedIds']);
    await w.remove('records', id);
    return { activities: activities.length, links: links.length };
  });
}

async function withoutLink(db: ThreadlineDB, record: CrmRecord, id: string): Promise<CrmRecord> {
  const [folder, fields] = await Promise.all([db.folders.get(record.folderId), db.fields.where('folderId').equals(record.folderId).toArray()]);
  const linkFields = new Set(fields.filter((f) => FIELD_REGISTRY[f.type].indexAs === 'linkedIds').map((f) => f.id));
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record.values)) {
    const rest = linkFields.has(k) && Array.isArray(v) ? v.filter((x) => x !== id) : v;
    if (!Array.isArray(rest) || rest.length) values[k] = rest;
  }
  return { ...record, values, updatedAt: Date.now(), ...(folder ? deriveIndexes(folder, fields, values) : {}) };
}
