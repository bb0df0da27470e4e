import type { Money } from '../../storage/reports/types';
import { formatLocale } from '../../i18n';
import { dateTimeFormat, formatMoneyIn, numberFormat } from '../../storage/model/intl';

const nf = (opts: Intl.NumberFormatOptions) => numberFormat(formatLocale(), opts);

export const fmtCount = (n: number) => nf({ maximumFractionDigits: 0 }).format(n);

/** "€1,200" in the page's locale: reports show whole units. */
export const fmtMoney = (amount: number | undefined, currency: string): string =>
  amount === undefined ? '—' : formatMoneyIn(formatLocale(), amount, currency, { whole: true });

/** "€1,000 · $400": one figure per currency, never converted or added together. */
export const fmtMoneyAll = (m: Money) =>
  Object.keys(m).length === 0
    ? '—'
    : Object.entries(m)
        .map(([c, v]) => fmtMoney(v, c))
        .join(' · ');

export const fmtPercent = (ratio: number | undefined) => (ratio === undefined ? '—' : nf({ style: 'percent', maximumFractionDigits: 1 }).format(ratio));

export const fmtDays = (days: number | undefined) => (days === undefined ? '—' : nf({ maximumFractionDigits: 1 }).format(days));

/** "Mar 2026" for "2026-03". */
export const fmtMonth = (month: string) =>
  dateTimeFormat(formatLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** "2 Mar" for the Monday "2026-03-02". */
export const fmtWeek = (monday: string) =>
  dateTimeFormat(formatLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${monday}T00:00:00Z`));

/** Ratios as 0–100 numbers for CSV (spreadsheets read "33.3" better than "33.3 %"). */
export const csvPercent = (ratio: number | undefined) => (ratio === undefined ? undefined : Math.round(ratio * 1000) / 10);
export const csvRound = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);
