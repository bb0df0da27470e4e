import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import type { ActivityOf } from '../model/entities';
import { mutate } from '../write/mutate';
import {
  alarmName,
  diffAlarms,
  plannedAlarms,
  pruneNotified,
  REFRESH_ALARM,
  REFRESH_MINUTES,
  reminderKey,
  reminderTarget,
  taskIdOfAlarm,
  type ReminderTask,
} from './taskAlarms';
import { formatLocale, t } from '../../i18n';
import { dateTimeFormat } from '../model/intl';
import { reminderTimeOf } from '../activities/taskTime';

type Listener<A extends unknown[]> = { addListener(cb: (...args: A) => void): void; removeListener(cb: (...args: A) => void): void };

/** The slice of the extension API reminders use; the background passes `browser`, tests a fake. */
export type ReminderApi = {
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<{ name: string } | undefined>;
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
    onAlarm: Listener<[{ name: string }]>;
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<string>;
    clear(id: string): Promise<boolean>;
    onClicked: Listener<[string]>;
  };
  tabs: { create(props: { url: string }): Promise<unknown> };
  runtime: { getURL(path: string): string };
};

/** Reminders already shown (local to this browser: each device reminds its own person). */
const NOTIFIED_KEY = 'reminders:notified';

async function readNotified(db: ThreadlineDB): Promise<string[]> {
  const parsed = z.array(z.string()).safeParse((await db.meta.get(NOTIFIED_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

function writeNotified(db: ThreadlineDB, keys: string[]): Promise<void> {
  return mutate(db, async (w) => {
    await w.db.meta.put({ key: NOTIFIED_KEY, value: keys });
  });
}

/**
 * Open tasks with a due date (the only ones a reminder is for), through the sparse `due` index:
 * this runs in the background after every task change, and a scan of half a million activities
 * each time would cost every page the CPU.
 */
function loadOpenTasks(db: ThreadlineDB): Promise<ReminderTask[]> {
  return db.activities.where('due').aboveOrEqual(-Infinity).filter((a) => a.kind === 'task' && !a.done).toArray() as Promise<ActivityOf<'task'>[]>;
}

async function remind(db: ThreadlineDB, api: ReminderApi, taskId: string) {
  const task = await db.activities.get(taskId);
  // A due date moved later since the alarm was set: the re-plan has armed the new time.
  const when = task?.kind === 'task' && !task.done ? reminderTimeOf(task) : undefined;
  if (!task || task.kind !== 'task' || task.due === undefined || when === undefined || when > Date.now() + 60_000) return;
  const notified = await readNotified(db);
  const key = reminderKey(task);
  if (notified.includes(key)) return;
  const records = await db.records.bulkGet(task.recordIds);
  const titles = records.map((r) => r?.title).filter((s): s is string => !!s);
  // A date-only task names its day, not the 23:59 it is stored at.
  const due = dateTimeFormat(formatLocale(), task.timed ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(task.due));
  await api.notifications.create(alarmName(task.id), {
    type: 'basic',
    iconUrl: api.runtime.getURL('/icon/128.png'),
    title: t('data.reminder.title', { title: task.title }),
    message: titles.length ? t('data.reminder.message', { records: titles.join(', '), due }) : t('data.reminder.messageNoRecord', { due }),
    priority: 2,
  });
  await writeNotified(db, [...notified, key]);
}

async function open(db: ThreadlineDB, api: ReminderApi, notificationId: string) {
  const taskId = taskIdOfAlarm(notificationId);
  if (!taskId) return;
  const task = await db.activities.get(taskId);
  await api.tabs.create({ url: api.runtime.getURL(reminderTarget(task?.kind === 'task' ? task : undefined)) });
  await api.notifications.clear(notificationId);
}

/**
 * Keeps one alarm per due task, shows a notification when it fires, and opens the task's record
 * when the notification is clicked. Call synchronously when the background starts (MV3 only
 * wakes a service worker for listeners registered in its first turn). Returns a stop function.
 */
export function startReminders(db: ThreadlineDB, api: ReminderApi): () => void {
  let queue = Promise.resolve();
  // One step at a time: two overlapping re-plans could both create the same alarm, or clear a new one.
  const serial = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((e: unknown) => console.error('Threadline: reminders', e));
    return queue;
  };
  const plan = (known?: ReminderTask[]) =>
    serial(async () => {
      const tasks = known ?? (await loadOpenTasks(db));
      const notified = await readNotified(db);
      const now = Date.now();
      const { create, clear } = diffAlarms(await api.alarms.getAll(), plannedAlarms(tasks, new Set(notified), now), now);
      for (const name of clear) await api.alarms.clear(name);
      for (const alarm of create) await api.alarms.create(alarm.name, { when: alarm.when });
      const kept = pruneNotified(notified, tasks);
      if (kept.length !== notified.length) await writeNotified(db, kept);
    });
  const onAlarm = ({ name }: { name: string }) => {
    if (name === REFRESH_ALARM) return void plan();
    const taskId = taskIdOfAlarm(name);
    if (taskId) void serial(() => remind(db, api, taskId));
  };
  const onClicked = (id: string) => void serial(() => open(db, api, id));
  api.alarms.onAlarm.addListener(onAlarm);
  api.notifications.onClicked.addListener(onClicked);
  void serial(async () => {
    if (!(await api.alarms.get(REFRESH_ALARM))) await api.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
  });
  // While the worker is awake, every task change (from any page or sync) re-plans at once.
  const subscription = liveQuery(() => loadOpenTasks(db)).subscribe({ next: (tasks) => void plan(tasks), error: (e: unknown) => console.error('Threadline: reminders', e) });
  return () => {
    subscription.unsubscribe();
    api.alarms.onAlarm.removeListener(onAlarm);
    api.notifications.onClicked.removeListener(onClicked);
  };
}
