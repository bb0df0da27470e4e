import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';

/** The records under `ids` that still exist, in the order given (a merge review's columns). */
export async function existingRecords(db: ThreadlineDB, ids: readonly string[]): Promise<CrmRecord[]> {
  return (await db.records.bulkGet([...ids])).filter((r): r is CrmRecord => r !== undefined);
}

/** Titles of the records under `ids`, for links and labels; missing records are left out. */
export async function recordTitles(db: ThreadlineDB, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await existingRecords(db, [...new Set(ids)])).map((r) => [r.id, r.title]));
}

/** How many history entries each record has, in the order given (what a merge moves). */
export function historyCounts(db: ThreadlineDB, ids: readonly string[]): Promise<number[]> {
  return Promise.all(ids.map((id) => db.activities.where('recordIds').equals(id).count()));
}
