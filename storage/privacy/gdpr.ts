import { withoutRecordAt } from '../db/activityIndex';
import type { ThreadlineDB } from '../db/db';
import type { Activity, ThreadLink } from '../model/entities';
import { mutate } from '../write/mutate';
import { removeRecordsIn } from '../write/records';
import { NotFoundError } from '../model/errors';
import { activityMentions, changedKeys, erasedPerson, eraseFromActivity } from './erase';
import { ERASE_TABLES, scrubImportReportsIn, scrubParkedIn } from './eraseStores';
import { isExcluded, loadPrivacyRules } from './privacy';

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
  const person = erasedPerson(record);
  const [folder, fields, activities, threadLinks, linking] = await Promise.all([
    db.folders.get(record.folderId),
    db.fields.where('folderId').equals(record.folderId).toArray(),
    // Also what names them without being linked to them (an email that copied them).
    db.activities.filter((a) => activityMentions(a, person)).toArray(),
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

export type EraseReport = {
  /** History entries deleted: theirs alone, or emails only between them and the rep. */
  activities: number;
  /** Other entries that named them and keep their place without them. */
  scrubbed: number;
  links: number;
  /** Import reports whose refused cells named them. */
  reports: number;
  /** Held-back remote documents that named them. */
  parked: number;
};

/**
 * Erases a person everywhere (GDPR erasure): the record; every activity that names them, found by
 * its links and by reading every entry's people and text (an email that only copied them and was
 * logged against a deal is not linked to them), deleted when it was theirs alone and otherwise
 * kept without their id, addresses and name; their thread links and the links to them from other
 * records; the refused cells of import reports; and held-back remote documents. All in one
 * transaction through the write path, so each delete syncs as a tombstone (which keeps no values
 * on any device or on the server, sync/merge.ts) and each scrubbed entry as an update.
 */
export async function eraseContact(db: ThreadlineDB, id: string): Promise<EraseReport> {
  return db.transaction('rw', [...ERASE_TABLES], () =>
    mutate(db, async (w) => {
      const record = await w.db.records.get(id);
      if (!record) throw new NotFoundError('record', id);
      const person = erasedPerson(record);
      const team = await loadPrivacyRules(w.db, []);
      const isOwn = (email: string) => isExcluded(email, team);
      const named = await w.db.activities.filter((a) => activityMentions(a, person)).toArray();
      const report: EraseReport = { activities: 0, scrubbed: 0, links: await w.db.threadLinks.where('recordId').equals(id).count(), reports: 0, parked: 0 };
      for (const activity of named) {
        const next = eraseFromActivity(activity, person, isOwn);
        if (next) await w.put('activities', next, changedKeys(withoutRecordAt(activity), next));
        else await w.remove('activities', activity.id);
        report[next ? 'scrubbed' : 'activities']++;
      }
      // The write owner drops the thread links and every link to the person from other records.
      await removeRecordsIn(w, [id]);
      report.reports = await scrubImportReportsIn(w, person);
      report.parked = await scrubParkedIn(w, person);
      return report;
    }),
  );
}
