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

/** Lost deals of one reason; `key` '' gathers those lost without one. */
export type LostReasonRow = {
  key: string;
  /** The option's label; '' for no reason, the stored id for an option since removed from the list. */
  label: string;
  lost: number;
  /** lost / all lost deals, 0–1. */
  share: number;
  /** What those deals were worth, per currency. */
  amount: Money;
  recordIds: string[];
};

export type WinRates = { byOwner: WinRateRow[]; byPipeline: WinRateRow[]; lostByReason: LostReasonRow[] };

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
 * The period's lost deals by their "Lost reason": the options in the list's order (those with
 * deals), then reasons no longer listed, then the deals lost without a reason.
 */
/** A listed option's place, or after every listed one. */
const listed = (index: number, count: number) => (index < 0 ? count : index);

export function lostByReason(closed: readonly DealFact[], options: ReportData['lostReasons']): LostReasonRow[] {
  const lost = closed.filter((d) => d.outcome === 'lost');
  const rows = new Map<string, LostReasonRow>();
  for (const d of lost) {
    const key = d.lostReason ?? '';
    const row = rows.get(key) ?? { key, label: key && (options.find((o) => o.id === key)?.label ?? key), lost: 0, share: 0, amount: {}, recordIds: [] };
    row.lost += 1;
    row.recordIds.push(d.id);
    addMoney(row.amount, d.amount);
    rows.set(key, row);
  }
  const rank = (key: string) => (key === '' ? Infinity : listed(options.findIndex((o) => o.id === key), options.length));
  return [...rows.values()]
    .map((r) => ({ ...r, share: r.lost / lost.length, amount: roundMoney(r.amount) }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label));
}

/**
 * Deals that closed (entered a won or lost stage) in the period, by owner and by pipeline, and the
 * lost ones by reason. A closed
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
    lostByReason: lostByReason(closed, data.lostReasons),
  };
}
