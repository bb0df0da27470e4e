import type { ThreadlineDB } from '../db/db';
import type { Activity } from '../model/entities';
import { ownersOf } from './facts';
import { dayMs, DAY_MS } from './period';
import { readSchema, reportFolders } from './reportFolders';
import type { Period } from './types';

/**
 * Activities that may count in the period. A done task counts when it was ticked (its last
 * update), which is not indexed: tasks created up to TASK_LOOKBACK_DAYS before the period are read
 * too, so a task ticked later than that after its creation is missed by a bounded period.
 */
export const TASK_LOOKBACK_DAYS = 90;
function activitiesIn(db: ThreadlineDB, period: Period): Promise<Activity[]> {
  const from = period.from ? dayMs(period.from) - TASK_LOOKBACK_DAYS * DAY_MS : -Infinity;
  const to = period.to ? dayMs(period.to) + 2 * DAY_MS : Infinity;
  return db.activities.where('at').between(from, to, true, false).toArray();
}

/** What activity by rep adds to the records part (loadReportRecords). */
export type ReportActivities = {
  /** Activities in the period. */
  activities: Activity[];
  /** Owners of the records of folders the records part does not read (custom folders with an "owner" field). */
  ownerOf: ReadonlyMap<string, string>;
};

/**
 * Activity by rep's own data, loaded apart from the records part so the other reports never wait
 * for (nor re-read on a new email) the period's activities, the largest table.
 */
export async function loadReportActivities(db: ThreadlineDB, period: Period): Promise<ReportActivities> {
  const { folders, fieldsByFolder } = await readSchema(db);
  const read = reportFolders(folders).ids;
  const others = folders.filter((f) => !read.has(f.id) && fieldsByFolder.get(f.id)?.some((x) => x.key === 'owner'));
  const [activities, ...records] = await Promise.all([
    activitiesIn(db, period),
    ...others.map((f) => db.records.where('folderId').equals(f.id).toArray()),
  ]);
  return { activities, ownerOf: ownersOf(records.flat(), fieldsByFolder) };
}
