import { dealMatches } from './filters';
import { addMoney, roundMoney } from './money';
import { DAY_MS, inPeriodMs } from './period';
import type { DealFact, Money, ReportData, ReportFilters } from './types';

export type WinRateRow = {
  /** Owner or pipeline id; '' for deals without an owner. */
  key: string;
  label: string;
  won: number;
  lost: number;
  /** won / (won + lost), 0–1; undefined when nothing closed. */
  winRate?: number;
  /** Mean days from start to close over won and lost deals. */
  avgCycleDays?: number;
  wonAmount: Money;
  recordIds: string[];
  wonIds: string[];
};

export type WinRates = { byOwner: WinRateRow[]; byPipeline: WinRateRow[] };

/** Days from the deal's start (start date, else creation) to its close; never negative. */
export const cycleDays = (d: DealFact): number => Math.max(0, ((d.closedAt ?? d.startMs) - d.startMs) / DAY_MS);

function group(deals: readonly DealFact[], keyOf: (d: DealFact) => string, labelOf: (key: string) => string): WinRateRow[] {
  const acc = new Map<string, { row: WinRateRow; days: number }>();
  for (const d of deals) {
    const key = keyOf(d);
    const entry = acc.get(key) ?? { row: { key, label: labelOf(key), won: 0, lost: 0, wonAmount: {}, recordIds: [], wonIds: [] }, days: 0 };
    if (d.outcome === 'won') {
      entry.row.won += 1;
      entry.row.wonIds.push(d.id);
      addMoney(entry.row.wonAmount, d.amount);
    } else entry.row.lost += 1;
    entry.row.recordIds.push(d.id);
    entry.days += cycleDays(d);
    acc.set(key, entry);
  }
  return [...acc.values()]
    .map(({ row, days }) => {
      const closed = row.won + row.lost;
      return { ...row, winRate: row.won / closed, avgCycleDays: days / closed, wonAmount: roundMoney(row.wonAmount) };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Deals that closed (entered a won or lost stage) in the period, by owner and by pipeline. A closed
 * deal whose history has no stage change (so no known close day) is left out.
 */
export function winRates(data: ReportData, filters: ReportFilters): WinRates {
  const closed = data.deals.filter(
    (d) => (d.outcome === 'won' || d.outcome === 'lost') && dealMatches(d, filters) && inPeriodMs(d.closedAt, filters.period),
  );
  const pipelineName = (id: string) => data.pipelines.find((p) => p.id === id)?.name ?? id;
  return {
    byOwner: group(closed, (d) => d.owner ?? '', (k) => k),
    byPipeline: group(closed, (d) => d.pipelineId ?? '', pipelineName),
  };
}
