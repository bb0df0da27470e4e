import type { ActivityOf } from '../model/entities';

/**
 * When tasks are due, in the user's local calendar. Every date is built from calendar parts
 * (new Date(y, m, d, h, min)), never by adding hours, so a day with a daylight-saving change
 * still starts at midnight and "tomorrow at 09:00" is 09:00 on the wall clock.
 */
export type TaskDue = Pick<ActivityOf<'task'>, 'due' | 'timed'>;

/** The morning a snooze or a date-only reminder lands on. */
export const MORNING_HOUR = 9;
/** From this hour on, "later today" is tomorrow morning: the working day is over. */
export const EVENING_HOUR = 18;
/** "Later today" is this many hours ahead, rounded up to the half hour. */
export const LATER_HOURS = 3;

export const SNOOZES = ['laterToday', 'tomorrow', 'nextWeek'] as const;
export type Snooze = (typeof SNOOZES)[number];

const atLocal = (ms: number, dayOffset: number, hour: number, minute = 0) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + dayOffset, hour, minute).getTime();
};

/** Local midnight of the day `ms` falls on. */
export const startOfLocalDay = (ms: number) => atLocal(ms, 0, 0);

/** Local midnight of the following day. */
export const startOfNextLocalDay = (ms: number) => atLocal(ms, 1, 0);

/** Tomorrow at 09:00 local. */
export const tomorrowMorning = (now: number) => atLocal(now, 1, MORNING_HOUR);

/** The first Monday after today (a week ahead on a Monday), at 09:00 local. */
export function nextMondayMorning(now: number): number {
  const weekday = new Date(now).getDay(); // 0 = Sunday
  return atLocal(now, ((8 - weekday) % 7) || 7, MORNING_HOUR);
}

/** Three hours ahead, to the next half hour (17:59 gives 21:00 at most); from 18:00 on, tomorrow at 09:00. */
export function laterToday(now: number): number {
  const d = new Date(now);
  if (d.getHours() >= EVENING_HOUR) return tomorrowMorning(now);
  const minutes = d.getHours() * 60 + d.getMinutes() + (d.getSeconds() || d.getMilliseconds() ? 1 : 0) + LATER_HOURS * 60;
  const rounded = Math.ceil(minutes / 30) * 30;
  return atLocal(now, 0, Math.floor(rounded / 60), rounded % 60);
}

/** The new due time of a snoozed task: always a time of day. */
export function snoozeUntil(snooze: Snooze, now: number): { due: number; timed: true } {
  const due = snooze === 'laterToday' ? laterToday(now) : snooze === 'tomorrow' ? tomorrowMorning(now) : nextMondayMorning(now);
  return { due, timed: true };
}

/**
 * A due moment from a date box (YYYY-MM-DD) and an optional time box (HH:MM), in local time.
 * A date alone is stored at the end of that day (23:59), as tasks always were.
 */
export function dueFromInputs(date: string, time: string): { due: number; timed: boolean } | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return undefined;
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
  if (!clock) return { due: new Date(y, m, d, 23, 59).getTime(), timed: false };
  return { due: new Date(y, m, d, Number(clock[1]), Number(clock[2])).getTime(), timed: true };
}

/** The moment a task is late after: its time, or for a date-only task the end of its day. */
export function deadlineOf(task: TaskDue): number | undefined {
  if (task.due === undefined) return undefined;
  return task.timed ? task.due : startOfNextLocalDay(task.due);
}

export function isOverdue(task: TaskDue & { done: boolean }, now: number): boolean {
  const deadline = deadlineOf(task);
  return !task.done && deadline !== undefined && deadline <= now;
}

/**
 * When to remind of a task: at its time, or the morning of its day for a date-only task (a
 * reminder at 23:59 would come after the day it was for).
 */
export function reminderTimeOf(task: TaskDue): number | undefined {
  if (task.due === undefined) return undefined;
  return task.timed ? task.due : atLocal(task.due, 0, MORNING_HOUR);
}

/** Soonest deadline first (a timed task before a date-only one of the same day), undated last; then as stored, then by title. */
export function compareByDue(a: TaskDue & { title: string }, b: TaskDue & { title: string }): number {
  return (deadlineOf(a) ?? Infinity) - (deadlineOf(b) ?? Infinity) || (a.due ?? 0) - (b.due ?? 0) || a.title.localeCompare(b.title);
}
