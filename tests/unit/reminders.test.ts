import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReminders, type ReminderApi } from '../../storage/reminders/service';
import { setLocale } from '../../i18n';
import { addTask, setTaskDone } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import {
  alarmName,
  CATCH_UP_MS,
  diffAlarms,
  plannedAlarms,
  pruneNotified,
  recordPagePath,
  REFRESH_ALARM,
  reminderKey,
  reminderTarget,
  taskIdOfAlarm,
  type ReminderTask,
} from '../../storage/reminders/taskAlarms';
import { db, resetDb } from '../support/db';

const NOW = Date.UTC(2026, 10, 24, 10, 0);
const HOUR = 3_600_000;
const task = (id: string, due: number | undefined, done = false): ReminderTask => ({ id, title: id, due, timed: true, done, recordIds: ['rec_1'] });

describe('reminder planning (pure)', () => {
  it('plans one alarm per open task with a due time not yet reminded of', () => {
    const tasks = [task('a', NOW + HOUR), task('b', NOW + 2 * HOUR, true), task('c', undefined), task('d', NOW + 3 * HOUR)];
    expect(plannedAlarms(tasks, new Set([reminderKey(tasks[3]!)]), NOW)).toEqual([{ name: alarmName('a'), when: NOW + HOUR }]);
  });

  it('catches up on a reminder missed while the browser was closed, but not on old ones', () => {
    const tasks = [task('recent', NOW - HOUR), task('old', NOW - CATCH_UP_MS - 1)];
    expect(plannedAlarms(tasks, new Set(), NOW)).toEqual([{ name: alarmName('recent'), when: NOW - HOUR }]);
  });

  it('moving a due date arms a new reminder even after the old one was shown', () => {
    const shown = new Set([reminderKey(task('a', NOW + HOUR))]);
    expect(plannedAlarms([task('a', NOW + 2 * HOUR)], shown, NOW)).toHaveLength(1);
  });

  it('diffs alarms: creates missing or moved ones, clears stale ones, leaves others’ alarms alone', () => {
    const existing = [
      { name: alarmName('keep'), scheduledTime: NOW + HOUR },
      { name: alarmName('moved'), scheduledTime: NOW + HOUR },
      { name: alarmName('gone'), scheduledTime: NOW + HOUR },
      { name: 'someone-else', scheduledTime: NOW + HOUR },
      // Chrome may push an overdue alarm ~30 s out: still the same reminder, not re-created.
      { name: alarmName('overdue'), scheduledTime: NOW + 30_000 },
    ];
    const planned = [
      { name: alarmName('keep'), when: NOW + HOUR },
      { name: alarmName('moved'), when: NOW + 2 * HOUR },
      { name: alarmName('new'), when: NOW + 3 * HOUR },
      { name: alarmName('overdue'), when: NOW - HOUR },
    ];
    expect(diffAlarms(existing, planned, NOW)).toEqual({
      create: [planned[1], planned[2]],
      clear: [alarmName('gone')],
    });
  });

  it('names, targets and pruning', () => {
    expect(taskIdOfAlarm(alarmName('act_1'))).toBe('act_1');
    expect(taskIdOfAlarm('other')).toBeUndefined();
    expect(reminderTarget({ recordIds: ['rec_9', 'rec_2'] })).toBe('/dashboard.html#/record/rec_9');
    expect(reminderTarget(undefined)).toBe('/dashboard.html#/tasks');
    expect(recordPagePath('rec_1')).toBe('/dashboard.html#/record/rec_1');
    expect(pruneNotified(['a@1', 'b@2', 'c@3'], [task('a', 1), task('b', 5)])).toEqual(['a@1']);
  });
});

function fakeApi() {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  const notifications = new Map<string, { title: string; message: string; iconUrl: string }>();
  const opened: string[] = [];
  const onAlarm = new Set<(a: { name: string }) => void>();
  const onClicked = new Set<(id: string) => void>();
  const listener = <A extends unknown[]>(set: Set<(...args: A) => void>) => ({ addListener: (cb: (...args: A) => void) => void set.add(cb), removeListener: (cb: (...args: A) => void) => void set.delete(cb) });
  const api: ReminderApi = {
    alarms: {
      create: async (name, info) => void alarms.set(name, { name, scheduledTime: info.when ?? Date.now() + (info.periodInMinutes ?? 0) * 60_000, periodInMinutes: info.periodInMinutes }),
      clear: async (name) => alarms.delete(name),
      get: async (name) => alarms.get(name),
      getAll: async () => [...alarms.values()],
      onAlarm: listener(onAlarm),
    },
    notifications: {
      create: async (id, options) => (notifications.set(id, options), id),
      clear: async (id) => notifications.delete(id),
      onClicked: listener(onClicked),
    },
    tabs: { create: async ({ url }) => void opened.push(url) },
    runtime: { getURL: (path) => `chrome-extension://abc${path}` },
  };
  return { api, alarms, notifications, opened, fire: (name: string) => onAlarm.forEach((cb) => cb({ name })), click: (id: string) => onClicked.forEach((cb) => cb(id)), listeners: () => onAlarm.size + onClicked.size };
}

describe('reminder service (alarms, notifications, tabs)', { timeout: 30_000 }, () => {
  let stop: (() => void) | undefined;
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });
  afterEach(() => stop?.());

  it('keeps alarms in step with tasks, notifies when due, and opens the record on click', async () => {
    const fake = fakeApi();
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'García' });
    const later = await addTask(db, [ana.id], 'Send the quote', Date.now() + HOUR, true);
    stop = startReminders(db, fake.api);
    await vi.waitFor(() => expect(fake.alarms.get(alarmName(later.id))?.scheduledTime).toBe(later.due));
    expect(fake.alarms.get(REFRESH_ALARM)?.periodInMinutes).toBe(1);

    // A task written while the service runs (from any page) is planned without a reload.
    const due = await addTask(db, [ana.id], 'Call Ana', Date.now() - 60_000, true);
    await vi.waitFor(() => expect(fake.alarms.has(alarmName(due.id))).toBe(true));

    fake.fire(alarmName(due.id));
    await vi.waitFor(() => expect(fake.notifications.get(alarmName(due.id))).toBeDefined());
    const shown = fake.notifications.get(alarmName(due.id))!;
    expect(shown.title).toBe('Task due: Call Ana');
    expect(shown.message).toMatch(/^Ana García · due /);
    expect(shown.iconUrl).toBe('chrome-extension://abc/icon/128.png');

    // Shown once: the next plan does not re-arm it.
    fake.alarms.delete(alarmName(due.id));
    fake.fire(REFRESH_ALARM);
    await vi.waitFor(async () => expect(await db.meta.get('reminders:notified')).toBeDefined());

    // The service runs one step at a time, in order (no timers): once the click's tab is open, the
    // re-plan fired before it has finished, so an alarm it re-armed would be there by now.
    fake.click(alarmName(due.id));
    await vi.waitFor(() => expect(fake.opened).toEqual([`chrome-extension://abc/dashboard.html#/record/${ana.id}`]));
    expect(fake.alarms.has(alarmName(due.id))).toBe(false);
    expect(fake.notifications.has(alarmName(due.id))).toBe(false);

    await setTaskDone(db, later.id, true);
    await vi.waitFor(() => expect(fake.alarms.has(alarmName(later.id))).toBe(false));
  });

  it('does not notify for a task done, or moved later, after its alarm was set', async () => {
    const fake = fakeApi();
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const doneTask = await addTask(db, [ana.id], 'Done already', Date.now() - 1_000, true);
    await setTaskDone(db, doneTask.id, true);
    const moved = await addTask(db, [ana.id], 'Moved', Date.now() + 5 * HOUR, true);
    const due = await addTask(db, [ana.id], 'Due now', Date.now() - 1_000, true);
    stop = startReminders(db, fake.api);
    fake.fire(alarmName(doneTask.id));
    fake.fire(alarmName(moved.id));
    // Alarms are handled one at a time, in order (no timers involved): once the due task's
    // notification is up, the two before it have been decided, and they showed nothing.
    fake.fire(alarmName(due.id));
    await vi.waitFor(() => expect(fake.notifications.has(alarmName(due.id))).toBe(true));
    expect([...fake.notifications.keys()]).toEqual([alarmName(due.id)]);
    stop();
    stop = undefined;
    expect(fake.listeners()).toBe(0);
  });
});
