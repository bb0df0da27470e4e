import type { Task } from '../../storage/queries/tasks';
import { compareByDue, isOverdue, startOfNextLocalDay } from '../../storage/activities/taskTime';

export type { Task };
export const TASK_TABS = ['overdue', 'today', 'upcoming', 'open', 'done'] as const;
export type TaskTab = (typeof TASK_TABS)[number];
type Bucket = 'overdue' | 'today' | 'upcoming' | 'noDate' | 'done';

/** Overdue once its time (or, without one, its day) has passed; today when that deadline is today. */
export function bucketOf(task: Pick<Task, 'done' | 'due' | 'timed'>, now: number): Bucket {
  if (task.done) return 'done';
  if (task.due === undefined) return 'noDate';
  if (isOverdue(task, now)) return 'overdue';
  return task.due < startOfNextLocalDay(now) ? 'today' : 'upcoming';
}

export function inTab(task: Pick<Task, 'done' | 'due' | 'timed'>, tab: TaskTab, now: number): boolean {
  const bucket = bucketOf(task, now);
  return tab === 'open' ? bucket !== 'done' : bucket === tab;
}

/** The tab a task shows in first: its own bucket, or "All open" for an undated one. */
export function tabOf(task: Pick<Task, 'done' | 'due' | 'timed'>, now: number): TaskTab {
  const bucket = bucketOf(task, now);
  return bucket === 'noDate' ? 'open' : bucket;
}

/** The tab the page opens on: the first with a task in it (Today when there are none). */
export function firstNonEmptyTab(tasks: readonly Pick<Task, 'done' | 'due' | 'timed'>[], now: number): TaskTab {
  return TASK_TABS.find((tab) => tasks.some((task) => inTab(task, tab, now))) ?? 'today';
}

/** Soonest deadline first (a timed task before a date-only one of its day), undated last; done tasks most recently changed first. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => (a.done && b.done ? b.updatedAt - a.updatedAt : compareByDue(a, b)));
}

/** A task is someone's when one of its records has them as owner (the `owner` user field). */
export function isOwnedBy(task: Pick<Task, 'recordIds'>, owner: string, ownerOf: ReadonlyMap<string, string>): boolean {
  return task.recordIds.some((id) => ownerOf.get(id) === owner);
}
