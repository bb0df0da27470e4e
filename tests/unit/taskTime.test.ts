import { afterAll, describe, expect, it } from 'vitest';
import {
  compareByDue,
  deadlineOf,
  dueFromInputs,
  isOverdue,
  laterToday,
  nextMondayMorning,
  reminderTimeOf,
  snoozeUntil,
  tomorrowMorning,
} from '../../storage/activities/taskTime';
import { plannedAlarms, alarmName } from '../../storage/reminders/taskAlarms';

// A zone with daylight saving: 2026 springs forward on 29 March and falls back on 25 October.
const previousTz = process.env.TZ;
process.env.TZ = 'Europe/Madrid';
afterAll(() => {
  process.env.TZ = previousTz;
});

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const wall = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')} ${'SunMonTueWedThuFriSat'.slice(d.getDay() * 3, d.getDay() * 3 + 3)}`;
};

describe('snooze arithmetic (local time, DST-safe)', () => {
  it('later today is three hours ahead, rounded up to the half hour', () => {
    expect(wall(laterToday(local(2026, 6, 10, 10, 10)))).toBe('2026-6-10 13:30 Wed');
    expect(wall(laterToday(local(2026, 6, 10, 10, 30)))).toBe('2026-6-10 13:30 Wed');
    expect(wall(laterToday(local(2026, 6, 10, 17, 59)))).toBe('2026-6-10 21:00 Wed');
  });

  it('later today from 18:00 on is tomorrow at 09:00', () => {
    expect(wall(laterToday(local(2026, 6, 10, 18, 0)))).toBe('2026-6-11 9:00 Thu');
    expect(wall(laterToday(local(2026, 6, 10, 23, 45)))).toBe('2026-6-11 9:00 Thu');
  });

  it('tomorrow is 09:00 on the wall clock across the spring-forward night', () => {
    const due = tomorrowMorning(local(2026, 3, 28, 20, 0));
    expect(wall(due)).toBe('2026-3-29 9:00 Sun');
    // 09:00 summer time (UTC+2), not 09:00 winter time: the night had 23 hours.
    expect(due).toBe(Date.UTC(2026, 2, 29, 7, 0));
    expect(wall(laterToday(local(2026, 3, 28, 19, 0)))).toBe('2026-3-29 9:00 Sun');
  });

  it('next week is the next Monday at 09:00, across the fall-back night', () => {
    expect(wall(nextMondayMorning(local(2026, 10, 21, 15, 0)))).toBe('2026-10-26 9:00 Mon');
    expect(nextMondayMorning(local(2026, 10, 21, 15, 0))).toBe(Date.UTC(2026, 9, 26, 8, 0));
    // On a Sunday: tomorrow. On a Monday: a week ahead, never today.
    expect(wall(nextMondayMorning(local(2026, 10, 25, 8, 0)))).toBe('2026-10-26 9:00 Mon');
    expect(wall(nextMondayMorning(local(2026, 10, 19, 7, 0)))).toBe('2026-10-26 9:00 Mon');
    expect(wall(nextMondayMorning(local(2026, 12, 29, 7, 0)))).toBe('2027-1-4 9:00 Mon');
  });

  it('a snooze always sets a time of day', () => {
    expect(snoozeUntil('tomorrow', local(2026, 6, 10, 12))).toEqual({ due: local(2026, 6, 11, 9), timed: true });
    expect(snoozeUntil('nextWeek', local(2026, 6, 10, 12))).toEqual({ due: local(2026, 6, 15, 9), timed: true });
    expect(snoozeUntil('laterToday', local(2026, 6, 10, 12))).toEqual({ due: local(2026, 6, 10, 15), timed: true });
  });
});

describe('due dates with an optional time', () => {
  it('reads the date and time boxes as local time; a date alone is the end of that day', () => {
    expect(dueFromInputs('2026-03-29', '10:15')).toEqual({ due: local(2026, 3, 29, 10, 15), timed: true });
    expect(dueFromInputs('2026-03-29', '')).toEqual({ due: local(2026, 3, 29, 23, 59), timed: false });
    expect(dueFromInputs('', '10:15')).toBeUndefined();
  });

  it('a timed task is overdue once its time has passed; a date-only task once its day has', () => {
    const now = local(2026, 6, 10, 10, 30);
    expect(isOverdue({ due: local(2026, 6, 10, 10, 0), timed: true, done: false }, now)).toBe(true);
    expect(isOverdue({ due: local(2026, 6, 10, 11, 0), timed: true, done: false }, now)).toBe(false);
    expect(isOverdue({ due: local(2026, 6, 10, 9, 0), timed: false, done: false }, now)).toBe(false);
    // Older tasks have no flag: only their day counts.
    expect(isOverdue({ due: local(2026, 6, 10, 9, 0), done: false }, now)).toBe(false);
    expect(isOverdue({ due: local(2026, 6, 9, 23, 59), timed: false, done: false }, now)).toBe(true);
    expect(isOverdue({ due: local(2026, 6, 10, 10, 0), timed: true, done: true }, now)).toBe(false);
    expect(isOverdue({ due: undefined, done: false }, now)).toBe(false);
    expect(deadlineOf({ due: local(2026, 3, 28, 23, 59), timed: false })).toBe(local(2026, 3, 29));
  });

  it('orders by deadline: timed tasks of a day before its date-only ones, undated last', () => {
    const tasks = [
      { title: 'undated', due: undefined },
      { title: 'tomorrow 08:00', due: local(2026, 6, 11, 8), timed: true },
      { title: 'today, no time', due: local(2026, 6, 10, 23, 59), timed: false },
      { title: 'today 15:00', due: local(2026, 6, 10, 15), timed: true },
      { title: 'today 09:30', due: local(2026, 6, 10, 9, 30), timed: true },
    ];
    expect([...tasks].sort(compareByDue).map((t) => t.title)).toEqual(['today 09:30', 'today 15:00', 'today, no time', 'tomorrow 08:00', 'undated']);
  });

  it('reminds at the task’s time, or at 09:00 on the day of a date-only task', () => {
    expect(reminderTimeOf({ due: local(2026, 6, 10, 16, 45), timed: true })).toBe(local(2026, 6, 10, 16, 45));
    expect(reminderTimeOf({ due: local(2026, 6, 10, 23, 59), timed: false })).toBe(local(2026, 6, 10, 9));
    const now = local(2026, 6, 10, 8);
    const planned = plannedAlarms(
      [
        { id: 'timed', title: 't', due: local(2026, 6, 10, 16, 45), timed: true, done: false, recordIds: [] },
        { id: 'day', title: 'd', due: local(2026, 6, 10, 23, 59), timed: false, done: false, recordIds: [] },
      ],
      new Set(),
      now,
    );
    expect(planned).toEqual([
      { name: alarmName('day'), when: local(2026, 6, 10, 9) },
      { name: alarmName('timed'), when: local(2026, 6, 10, 16, 45) },
    ]);
  });
});
