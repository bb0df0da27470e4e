import { z } from 'zod';
import { dayMs, DAY_MS, isoDay } from './period';

/**
 * Relative date filters, for saved views and reminders. All work on calendar days (YYYY-MM-DD):
 * date fields hold days, not instants, and "today" is the user's own local day (see localToday).
 * Ranges include both ends: "next 7 days" on a Monday is Monday through the following Monday.
 */
export const relativeDateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('today') }).strict(),
  z.object({ kind: z.literal('overdue') }).strict(),
  z.object({ kind: z.literal('nextDays'), days: z.number().int().min(0).max(3660) }).strict(),
  z.object({ kind: z.literal('lastDays'), days: z.number().int().min(0).max(3660) }).strict(),
  z.object({ kind: z.literal('thisWeek') }).strict(),
  z.object({ kind: z.literal('thisMonth') }).strict(),
  z.object({ kind: z.literal('nextMonth') }).strict(),
  z.object({ kind: z.literal('lastMonth') }).strict(),
  z.object({ kind: z.literal('thisYear') }).strict(),
  /** Yearly recurring (birthdays, renewals): the next occurrence, ignoring the year, within N days. */
  z.object({ kind: z.literal('yearlyNextDays'), days: z.number().int().min(0).max(366) }).strict(),
  /** Yearly recurring: the day and month fall in the current month, whatever the year. */
  z.object({ kind: z.literal('yearlyThisMonth') }).strict(),
]);
export type RelativeDate = z.infer<typeof relativeDateSchema>;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const parts = (iso: string) => {
  const m = ISO.exec(iso);
  return m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : undefined;
};

/** The user's calendar day at `now`, in the browser's time zone. */
export function localToday(now: Date | number = new Date()): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const addDays = (iso: string, days: number): string => isoDay(dayMs(iso) + days * DAY_MS);
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day-and-month of `iso` in year `y`; 29 February falls on the 28th in common years. */
function inYear(iso: string, y: number): string | undefined {
  const p = parts(iso);
  if (!p) return undefined;
  const d = p.m === 2 && p.d === 29 && !isLeap(y) ? 28 : p.d;
  return `${String(y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The next time the date's day and month come round, today included. */
export function nextAnniversary(iso: string, today: string): string | undefined {
  const y = parts(today)?.y;
  if (y === undefined) return undefined;
  const thisYear = inYear(iso, y);
  if (thisYear === undefined) return undefined;
  return thisYear >= today ? thisYear : inYear(iso, y + 1);
}

function mondayOf(iso: string): string {
  const back = (new Date(dayMs(iso)).getUTCDay() + 6) % 7;
  return addDays(iso, -back);
}

function monthRange(today: string, offset: number): [string, string] {
  const p = parts(today)!;
  const first = isoDay(Date.UTC(p.y, p.m - 1 + offset, 1));
  const last = isoDay(Date.UTC(p.y, p.m + offset, 0));
  return [first, last];
}

const between = (iso: string, [from, to]: [string, string]) => iso >= from && iso <= to;

/** Whether a date field's value (YYYY-MM-DD) matches the filter on `today`. Empty never matches. */
export function matchesRelativeDate(iso: string | undefined, filter: RelativeDate, today: string): boolean {
  if (!iso || !parts(iso)) return false;
  switch (filter.kind) {
    case 'today':
      return iso === today;
    case 'overdue':
      return iso < today;
    case 'nextDays':
      return between(iso, [today, addDays(today, filter.days)]);
    case 'lastDays':
      return between(iso, [addDays(today, -filter.days), today]);
    case 'thisWeek':
      return between(iso, [mondayOf(today), addDays(mondayOf(today), 6)]);
    case 'thisMonth':
      return between(iso, monthRange(today, 0));
    case 'nextMonth':
      return between(iso, monthRange(today, 1));
    case 'lastMonth':
      return between(iso, monthRange(today, -1));
    case 'thisYear':
      return iso.slice(0, 4) === today.slice(0, 4);
    case 'yearlyNextDays': {
      const next = nextAnniversary(iso, today);
      return next !== undefined && daysBetween(today, next) <= filter.days;
    }
    case 'yearlyThisMonth':
      return iso.slice(5, 7) === today.slice(5, 7);
  }
}
