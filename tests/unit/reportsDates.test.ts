import { describe, expect, it } from 'vitest';
import { monthsBetween, resolvePeriod, weekOf } from '../../storage/reports/period';
import { localToday, matchesRelativeDate, nextAnniversary, relativeDateSchema, type RelativeDate } from '../../storage/reports/relativeDates';
import { remindersDue } from '../../storage/reminders/dateReminders';
import type { ReminderRule } from '../../storage/reminders/reminderRules';
import type { CrmRecord } from '../../storage/model/entities';
import { PRESET_FOLDER_IDS, presetFields } from '../../storage/folders/presets';

describe('period presets', () => {
  it.each([
    ['thisMonth', { from: '2026-11-01', to: '2026-11-30' }],
    ['lastMonth', { from: '2026-10-01', to: '2026-10-31' }],
    ['thisQuarter', { from: '2026-10-01', to: '2026-12-31' }],
    ['nextQuarter', { from: '2027-01-01', to: '2027-03-31' }],
    ['thisYear', { from: '2026-01-01', to: '2026-12-31' }],
    ['lastYear', { from: '2025-01-01', to: '2025-12-31' }],
    ['last12Months', { from: '2025-11-25', to: '2026-11-24' }],
    ['next12Months', { from: '2026-11-24', to: '2027-11-23' }],
    ['all', {}],
  ] as const)('%s on 24 Nov 2026', (preset, expected) => {
    expect(resolvePeriod(preset, '2026-11-24')).toEqual(expected);
  });

  it('last month of January is December of the year before; leap February', () => {
    expect(resolvePeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(resolvePeriod('thisMonth', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('weeks start on Monday; months between two days', () => {
    expect(weekOf(Date.parse('2026-03-08T23:59:00Z'))).toBe('2026-03-02');
    expect(weekOf(Date.parse('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('relative date filters', () => {
  const today = '2026-11-24';
  const m = (iso: string | undefined, f: RelativeDate) => matchesRelativeDate(iso, f, today);

  it('next and last N days include both ends', () => {
    expect(['2026-11-24', '2026-12-01'].map((d) => m(d, { kind: 'nextDays', days: 7 }))).toEqual([true, true]);
    expect(['2026-11-23', '2026-12-02'].map((d) => m(d, { kind: 'nextDays', days: 7 }))).toEqual([false, false]);
    expect(['2026-11-17', '2026-11-24', '2026-11-16', '2026-11-25'].map((d) => m(d, { kind: 'lastDays', days: 7 }))).toEqual([true, true, false, false]);
  });

  it('calendar ranges and overdue', () => {
    expect(m('2026-11-23', { kind: 'thisWeek' })).toBe(true);
    expect(m('2026-11-29', { kind: 'thisWeek' })).toBe(true);
    expect(m('2026-11-30', { kind: 'thisWeek' })).toBe(false);
    expect(m('2026-11-01', { kind: 'thisMonth' })).toBe(true);
    expect(m('2026-12-31', { kind: 'nextMonth' })).toBe(true);
    expect(m('2026-10-31', { kind: 'lastMonth' })).toBe(true);
    expect(m('2026-01-01', { kind: 'thisYear' })).toBe(true);
    expect(m('2026-11-23', { kind: 'overdue' })).toBe(true);
    expect(m('2026-11-24', { kind: 'overdue' })).toBe(false);
    expect(m('2026-11-24', { kind: 'today' })).toBe(true);
    expect(m(undefined, { kind: 'today' })).toBe(false);
    expect(m('garbage', { kind: 'thisYear' })).toBe(false);
  });

  it('yearly dates ignore the year: "birthday in the next 7 days", across New Year too', () => {
    const next7: RelativeDate = { kind: 'yearlyNextDays', days: 7 };
    expect(m('1990-11-24', next7)).toBe(true);
    expect(m('1985-12-01', next7)).toBe(true);
    expect(m('1985-12-02', next7)).toBe(false);
    // Yesterday's birthday is a year away.
    expect(m('1990-11-23', next7)).toBe(false);
    expect(matchesRelativeDate('1970-01-03', next7, '2026-12-29')).toBe(true);
    expect(m('1970-11-02', { kind: 'yearlyThisMonth' })).toBe(true);
    expect(m('1970-12-02', { kind: 'yearlyThisMonth' })).toBe(false);
  });

  it('29 February comes round on the 28th in common years', () => {
    expect(nextAnniversary('2000-02-29', '2026-02-01')).toBe('2026-02-28');
    expect(nextAnniversary('2000-02-29', '2027-03-01')).toBe('2028-02-29');
    expect(nextAnniversary('1990-11-24', '2026-11-24')).toBe('2026-11-24');
  });

  it('filters are validated: negative days or unknown kinds are refused', () => {
    expect(relativeDateSchema.safeParse({ kind: 'nextDays', days: -1 }).success).toBe(false);
    expect(relativeDateSchema.safeParse({ kind: 'someday' }).success).toBe(false);
    expect(relativeDateSchema.safeParse({ kind: 'yearlyNextDays', days: 7 }).success).toBe(true);
  });

  it("today is the user's local day", () => {
    const d = new Date(2026, 10, 24, 23, 30);
    expect(localToday(d)).toBe('2026-11-24');
  });
});

describe('date reminders', () => {
  const contacts = PRESET_FOLDER_IDS.contacts;
  const fields = presetFields(0);
  const person = (id: string, birthday?: string): CrmRecord => ({
    id, folderId: contacts, title: id, values: birthday ? { fc_birthday: birthday } : {}, emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 0, updatedAt: 0,
  });
  const rule: ReminderRule = { id: 'r1', name: 'Birthdays', folderId: contacts, fieldId: 'fc_birthday', daysBefore: 3, yearly: true, enabled: true };
  const people = [person('ana', '1990-11-27'), person('bo', '1990-11-28'), person('cy', '1990-11-24'), person('di', '1990-11-23'), person('ed')];

  it('"3 days before a birthday": due from 3 days ahead through the day itself', () => {
    const due = remindersDue([rule], people, fields, '2026-11-24');
    expect(due.map((d) => [d.title, d.occurrence, d.daysLeft, d.notifyOn])).toEqual([
      ['cy', '2026-11-24', 0, '2026-11-21'],
      ['ana', '2026-11-27', 3, '2026-11-24'],
    ]);
    expect(due[1]?.key).toBe('r1:ana:2026-11-27');
    expect(due[1]?.fieldLabel).toBe('Birthday');
  });

  it('one-off dates are due once; disabled rules and rules on a deleted field never', () => {
    const once = { ...rule, yearly: false };
    expect(remindersDue([once], [person('x', '2026-11-26'), person('y', '1990-11-26')], fields, '2026-11-24').map((d) => d.title)).toEqual(['x']);
    expect(remindersDue([{ ...rule, enabled: false }], people, fields, '2026-11-24')).toEqual([]);
    expect(remindersDue([{ ...rule, fieldId: 'fc_gone' }], people, fields, '2026-11-24')).toEqual([]);
  });
});
