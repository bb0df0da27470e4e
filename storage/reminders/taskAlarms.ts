import type { ActivityOf } from '../model/entities';
import { reminderTimeOf } from '../activities/taskTime';

/**
 * Task reminders, as pure planning: which `chrome.alarms` should exist for which tasks. The
 * browser wiring (alarms, notifications, tabs) is components/data/reminderService.ts.
 */
export const ALARM_PREFIX = 'threadline-task:';
/** A periodic alarm that wakes the background to re-plan: a sleeping service worker hears no writes. */
export const REFRESH_ALARM = 'threadline-reminders-refresh';
export const REFRESH_MINUTES = 1;
/** A reminder missed while the browser was closed is still shown if it is at most this late. */
export const CATCH_UP_MS = 24 * 60 * 60 * 1000;
/** An alarm already set to fire within this window counts as "due now" (Chrome may delay it ~30 s). */
const DUE_NOW_SLACK_MS = 60 * 1000;

export type ReminderTask = Pick<ActivityOf<'task'>, 'id' | 'title' | 'due' | 'timed' | 'done' | 'recordIds'>;
export type PlannedAlarm = { name: string; when: number };
export type ExistingAlarm = { name: string; scheduledTime: number };

export const alarmName = (taskId: string) => `${ALARM_PREFIX}${taskId}`;
export const taskIdOfAlarm = (name: string) => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) || undefined : undefined);
/** A reminder is its task at its due time: moving the due date arms a new reminder. */
export const reminderKey = (task: Pick<ReminderTask, 'id' | 'due'>) => `${task.id}@${task.due ?? ''}`;

/** The CRM page's record route (the hash routes of components/crm), relative to the extension root. */
export const recordPagePath = (recordId: string) => `/dashboard.html#/record/${recordId}`;
export const tasksPagePath = '/dashboard.html#/tasks';

/**
 * One alarm per open task with a due date not yet reminded of: at its time, or at 09:00 on its day
 * when it has no time (reminderTimeOf). Tasks that came due while the browser was closed fire at
 * once if they are less than CATCH_UP_MS late; older ones stay on the task list's "Overdue" tab
 * instead of arriving as a burst of notifications.
 */
export function plannedAlarms(tasks: readonly ReminderTask[], notified: ReadonlySet<string>, now: number): PlannedAlarm[] {
  return tasks
    .flatMap((t) => {
      const when = t.done || notified.has(reminderKey(t)) ? undefined : reminderTimeOf(t);
      return when !== undefined && when > now - CATCH_UP_MS ? [{ name: alarmName(t.id), when }] : [];
    })
    .sort((a, b) => a.when - b.when || a.name.localeCompare(b.name));
}

function matches(existing: ExistingAlarm, planned: PlannedAlarm, now: number): boolean {
  if (existing.scheduledTime === planned.when) return true;
  return planned.when <= now && existing.scheduledTime <= now + DUE_NOW_SLACK_MS;
}

/** The alarm changes that turn `existing` into `planned`; alarms not ours are left alone. */
export function diffAlarms(existing: readonly ExistingAlarm[], planned: readonly PlannedAlarm[], now: number) {
  const ours = new Map(existing.filter((a) => a.name.startsWith(ALARM_PREFIX)).map((a) => [a.name, a]));
  const wanted = new Map(planned.map((p) => [p.name, p]));
  const clear = [...ours.keys()].filter((name) => !wanted.has(name));
  const create = planned.filter((p) => {
    const have = ours.get(p.name);
    return !have || !matches(have, p, now);
  });
  return { create, clear };
}

/** Reminder keys worth remembering: those of tasks still open (the rest can never fire again). */
export function pruneNotified(notified: readonly string[], openTasks: readonly ReminderTask[]): string[] {
  const live = new Set(openTasks.filter((t) => !t.done).map(reminderKey));
  return notified.filter((k) => live.has(k));
}

/** Where a click on a task's notification leads: its first record, else the task list. */
export function reminderTarget(task: Pick<ReminderTask, 'recordIds'> | undefined): string {
  const recordId = task?.recordIds[0];
  return recordId ? recordPagePath(recordId) : tasksPagePath;
}
