import { dealMatches, dealProbability } from './filters';
import { addMoney, roundMoney } from './money';
import { inPeriod, monthOf, monthsBetween } from './period';
import type { Money, ReportData, ReportFilters } from './types';

export type ForecastRow = {
  /** YYYY-MM of the expected close date. */
  month: string;
  count: number;
  /** Full amounts of the deals expected to close that month. */
  amount: Money;
  /** Each amount times the deal's probability (see dealProbability). */
  weighted: Money;
  recordIds: string[];
};

export type Forecast = {
  months: ForecastRow[];
  /** Open or won deals with no expected close date: they cannot be placed in a month. */
  undated: { count: number; recordIds: string[] };
  /** Deals in the forecast without an amount: counted, worth nothing. */
  withoutAmount: number;
};

/**
 * Expected revenue by expected close month. Lost deals are left out (they weigh 0). Every month
 * of a bounded period is listed, empty ones as zero, so the chart's time axis has no gaps.
 */
export function forecastByMonth(data: ReportData, filters: ReportFilters): Forecast {
  const byMonth = new Map<string, ForecastRow>();
  const undated: string[] = [];
  let withoutAmount = 0;
  for (const d of data.deals) {
    if (!dealMatches(d, filters) || d.outcome === 'lost' || d.outcome === undefined) continue;
    if (!d.expectedClose) {
      undated.push(d.id);
      continue;
    }
    if (!inPeriod(d.expectedClose, filters.period)) continue;
    const month = monthOf(d.expectedClose);
    const row = byMonth.get(month) ?? { month, count: 0, amount: {}, weighted: {}, recordIds: [] };
    row.count += 1;
    row.recordIds.push(d.id);
    if (!d.amount) withoutAmount += 1;
    addMoney(row.amount, d.amount);
    addMoney(row.weighted, d.amount, dealProbability(d) / 100);
    byMonth.set(month, row);
  }
  const { from, to } = filters.period;
  if (from && to) for (const m of monthsBetween(from, to)) if (!byMonth.has(m)) byMonth.set(m, { month: m, count: 0, amount: {}, weighted: {}, recordIds: [] });
  const months = [...byMonth.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((r) => ({ ...r, amount: roundMoney(r.amount), weighted: roundMoney(r.weighted) }));
  return { months, undated: { count: undated.length, recordIds: undated }, withoutAmount };
}
