import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';

/** Most people offered as attendees of one record's activity; past it the list names the first, by name. */
export const PEOPLE_CAP = 500;

export type PersonRef = { id: string; title: string };

/**
 * The people an activity on this record can involve, by name: a contact itself; a company's people
 * (contacts linking to it); a deal's contacts (its links to contacts, and contacts linking to it).
 */
export async function recordPeople(db: ThreadlineDB, recordId: string): Promise<PersonRef[]> {
  return db.transaction('r', [db.records, db.folders], async () => {
    const record = await db.records.get(recordId);
    if (!record) return [];
    const contactFolders = new Set((await db.folders.toArray()).filter((f) => f.kind === 'contacts').map((f) => f.id));
    if (contactFolders.has(record.folderId)) return [{ id: record.id, title: record.title }];
    const [out, incoming] = await Promise.all([db.records.bulkGet(record.linkedIds), db.records.where('linkedIds').equals(recordId).limit(PEOPLE_CAP * 4).toArray()]);
    const byId = new Map<string, CrmRecord>();
    for (const r of [...out, ...incoming]) if (r && contactFolders.has(r.folderId)) byId.set(r.id, r);
    return [...byId.values()]
      .map((r) => ({ id: r.id, title: r.title }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, PEOPLE_CAP);
  });
}
