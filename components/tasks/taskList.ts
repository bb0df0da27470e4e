import type { Task } from '../../storage/queries/tasks';

export type { Task };
export const TASK_TABS = ['overdue', 'today', 'upcoming', 'open', 'done'] as const;
export type TaskTab = (typeof TASK_TABS)[number];
type Bucket = 'overdue' | 'today' | 'upcoming' | 'noDate' | 'done';

/** Local midnight: "today" is the user's calendar day, not a UTC one. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function startOfNextDay(ms: number): number {
  const d = new Date(ms);
  // Built from the calendar, not +24 h, so days with a daylight-saving change still end at midnight.
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

export function bucketOf(task: Pick<Task, 'done' | 'due'>, now: number): Bucket {
  if (task.done) return 'done';
  if (task.due === undefined) return 'noDate';
  if (task.due < startOfDay(now)) return 'overdue';
  return task.due < startOfNextDay(now) ? 'today' : 'upcoming';
}

export function inTab(task: Pick<Task, 'done' | 'due'>, tab: TaskTab, now: number): boolean {
  const bucket = bucketOf(task, now);
  return tab === 'open' ? bucket !== 'done' : bucket === tab;
}

/** Soonest first, undated last; done tasks most recently changed first. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => {
    if (a.done && b.done) return b.updatedAt - a.updatedAt;
    return (a.due ?? Infinity) - (b.due ?? Infinity) || a.title.localeCompare(b.title);
  });
}

/** A task is someone's when one of its records has them as owner (the `owner` user field). */
export function isOwnedBy(task: Pick<Task, 'recordIds'>, owner: string, ownerOf: ReadonlyMap<string, string>): boolean {
  return task.recordIds.some((id) => ownerOf.get(id) === owner);
}
