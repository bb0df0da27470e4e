import type { Period } from './types';

export const DAY_MS = 86_400_000;

/** The UTC calendar day of a timestamp. Reports bucket in UTC so every device agrees on a figure. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of a YYYY-MM-DD day. */
export const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

export function inPeriod(iso: string | undefined, period: Period): boolean {
  if (!iso) return false;
  return (period.from === undefined || iso >= period.from) && (period.to === undefined || iso <= period.to);
}

export const inPeriodMs = (ms: number | undefined, period: Period) => ms !== undefined && inPeriod(isoDay(ms), period);

/** The period as [first ms, first ms after], for loops over hundreds of thousands of timestamps. */
export function periodBounds(period: Period): [number, number] {
  return [period.from ? dayMs(period.from) : -Infinity, period.to ? dayMs(period.to) + DAY_MS : Infinity];
}

/** "2026-03" for any day of March 2026. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks are counted from it, so a week is one division, not a Date. */
const FIRST_MONDAY = 4 * DAY_MS;

/** The Monday (UTC) of the ISO week holding `ms`, as YYYY-MM-DD. */
export function weekOf(ms: number): string {
  return isoDay(Math.floor((ms - FIRST_MONDAY) / WEEK_MS) * WEEK_MS + FIRST_MONDAY);
}

/** The ISO week's number since 1970 (for grouping); weekStart turns it back into its Monday. */
export const weekIndex = (ms: number) => Math.floor((ms - FIRST_MONDAY) / WEEK_MS);
export const weekStart = (index: number) => isoDay(index * WEEK_MS + FIRST_MONDAY);

export const PERIOD_PRESETS = [
  'all',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'nextQuarter',
  'thisYear',
  'lastYear',
  'last12Months',
  'next12Months',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const day = (y: number, m: number, d: number) => isoDay(Date.UTC(y, m, d));
/** First and last day of `count` months starting at month index `m` (may overflow into other years). */
const months = (y: number, m: number, count: number): Period => ({ from: day(y, m, 1), to: day(y, m + count, 0) });

/** The days a preset covers, relative to `today` (YYYY-MM-DD). */
export function resolvePeriod(preset: PeriodPreset, today: string): Period {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month = m - 1;
  const quarter = month - (month % 3);
  switch (preset) {
    case 'all':
      return {};
    case 'thisMonth':
      return months(y, month, 1);
    case 'lastMonth':
      return months(y, month - 1, 1);
    case 'thisQuarter':
      return months(y, quarter, 3);
    case 'nextQuarter':
      return months(y, quarter + 3, 3);
    case 'thisYear':
      return months(y, 0, 12);
    case 'lastYear':
      return months(y - 1, 0, 12);
    case 'last12Months':
      return { from: day(y - 1, month, d + 1), to: today };
    case 'next12Months':
      return { from: today, to: day(y + 1, month, d - 1) };
  }
}

/** The months a period spans, oldest first; an open period spans only the months that have data. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = monthOf(to);
  for (let i = 0; i < 1200; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
