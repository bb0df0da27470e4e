import type { ThreadlineDB } from '../db/db';
import type { Activity, ActivityOf, CrmRecord, Person } from '../model/entities';
import { dealStage } from '../pipelines/pipelines';
import { isOverdue, startOfNextLocalDay } from '../activities/taskTime';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import type { Task } from './tasks';

/**
 * The rep's day, shown in the sidebar while no thread is open: open tasks overdue or due today,
 * the deals with the newest activity, and the newest logged threads. Every read goes through an
 * index and stops early; nothing here reads a whole table.
 */

export type DayTask = { task: Task; overdue: boolean; record?: CrmRecord };
export type DayDeal = { deal: CrmRecord; stage?: string };
export type DayThread = { threadId: string; subject: string; direction: 'received' | 'sent'; who: Person | undefined; at: number };
export type RepDay = {
  tasks: DayTask[];
  /** Open tasks overdue or due today beyond those shown. */
  moreTasks: number;
  /** The task read stopped at TASK_SCAN entries: `moreTasks` is a lower bound. */
  moreTasksAtLeast: boolean;
  deals: DayDeal[];
  threads: DayThread[];
};
export type RepDayLimits = { tasks: number; deals: number; threads: number };

export const REP_DAY_LIMITS: RepDayLimits = { tasks: 10, deals: 5, threads: 5 };
/**
 * Done tasks stay in the `due` index forever and `done` has no index, so the task read is capped:
 * years of finished tasks must not make an idle sidebar slow. Past the cap the count says "at least".
 */
export const TASK_SCAN = 2000;
/** Activities read newest first while looking for active deals and logged threads. */
export const ACTIVITY_PAGE = 100;
/**
 * At most this many of the newest activities are walked: a deal whose last activity is older than
 * all of them has no *recent* activity, and a workspace with no deals stops here instead of reading
 * its whole history.
 */
export const ACTIVITY_SCAN = 2000;

export async function loadRepDay(db: ThreadlineDB, now: number, limits: RepDayLimits = REP_DAY_LIMITS): Promise<RepDay> {
  const [tasks, recent, pipelines] = await Promise.all([dueTasks(db, now, limits.tasks), recentActivity(db, limits), db.pipelines.toArray()]);
  const deals = recent.deals.map((deal) => ({ deal, stage: dealStage(deal, pipelines)?.name }));
  return { ...tasks, deals, threads: recent.threads };
}

/** Open tasks due before tomorrow, latest due first, through the (sparse) `due` index. */
async function dueTasks(db: ThreadlineDB, now: number, limit: number) {
  const raw = await db.activities.where('due').below(startOfNextLocalDay(now)).reverse().limit(TASK_SCAN).toArray();
  const open = raw.filter((a): a is Task => a.kind === 'task' && !a.done);
  const shown = open.slice(0, limit);
  const ids = [...new Set(shown.flatMap((t) => t.recordIds.slice(0, 1)))];
  const records = new Map((await db.records.bulkGet(ids)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const tasks = shown.map((task): DayTask => {
    const record = task.recordIds[0] === undefined ? undefined : records.get(task.recordIds[0]);
    return { task, overdue: isOverdue(task, now), ...(record ? { record } : {}) };
  });
  return { tasks, moreTasks: open.length - shown.length, moreTasksAtLeast: raw.length === TASK_SCAN };
}

type Recent = { deals: CrmRecord[]; threads: DayThread[] };

/**
 * Walks activities newest first (the `at` index) in pages, collecting deals and email threads in
 * the order they first appear. A deal's `stats.lastActivityAt` is the newest `at` of its
 * activities, so the first deals met are those with the latest activity; records have no index on
 * it, and this avoids reading every deal to sort them.
 */
async function recentActivity(db: ThreadlineDB, limits: RepDayLimits): Promise<Recent> {
  const found: Recent = { deals: [], threads: [] };
  const seenActivities = new Set<string>();
  const seenRecords = new Set<string>();
  const full = () => found.deals.length >= limits.deals && found.threads.length >= limits.threads;
  let upper = Infinity;
  let size = ACTIVITY_PAGE;
  while (seenActivities.size < ACTIVITY_SCAN && !full()) {
    const range = upper === Infinity ? db.activities.orderBy('at') : db.activities.where('at').belowOrEqual(upper);
    const raw = await range.reverse().limit(size).toArray();
    // Entries at the page's last instant are read again by the next page; skip those already seen.
    const fresh = raw.filter((a) => !seenActivities.has(a.id));
    for (const a of fresh) seenActivities.add(a.id);
    collectThreads(fresh, found.threads, limits.threads);
    if (found.deals.length < limits.deals) await collectDeals(db, fresh, seenRecords, found.deals, limits.deals);
    if (raw.length < size) break;
    const last = raw[raw.length - 1]!.at;
    // A whole page at one instant: read a bigger page from it, or the walk would never move.
    if (last === upper) size *= 2;
    else upper = last;
  }
  found.deals.sort((a, b) => (b.stats.lastActivityAt ?? 0) - (a.stats.lastActivityAt ?? 0));
  return found;
}

function collectThreads(page: readonly Activity[], into: DayThread[], limit: number) {
  for (const a of page) {
    if (into.length >= limit) return;
    if (a.kind !== 'email' || !a.threadId || into.some((t) => t.threadId === a.threadId)) continue;
    into.push(threadOf(a));
  }
}

const threadOf = (email: ActivityOf<'email'>): DayThread => ({
  threadId: email.threadId,
  subject: email.subject,
  direction: email.direction,
  // Who the rep dealt with: the sender of a received email, the first recipient of a sent one.
  who: email.direction === 'received' ? email.from : email.to[0],
  at: email.at,
});

async function collectDeals(db: ThreadlineDB, page: readonly Activity[], seen: Set<string>, into: CrmRecord[], limit: number) {
  const ids = [...new Set(page.flatMap((a) => a.recordIds))].filter((id) => !seen.has(id));
  if (ids.length === 0) return;
  for (const id of ids) seen.add(id);
  const records = new Map((await db.records.bulkGet(ids)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  // In page order, so a deal met in a newer activity comes first.
  for (const id of ids) {
    const r = records.get(id);
    if (r?.folderId === PRESET_FOLDER_IDS.deals && into.length < limit) into.push(r);
  }
}
