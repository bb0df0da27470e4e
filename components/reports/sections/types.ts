import type { Money, ReportData, ReportFilters } from '../../../storage/reports/types';
import type { Column } from '../ReportCard';
import { fmtMoney } from '../format';

export type SectionProps = {
  data: ReportData;
  filters: ReportFilters;
  /** The currency money charts plot; tables show every currency. */
  currency: string;
  /** Every currency in the workspace's deals: one money column each. */
  currencies: readonly string[];
  /** "threadline-<report>-<period>.csv" */
  csvName: (report: string) => string;
  /** Whether the people part (contacts, their owners) is in `data`: the funnel, campaigns and activity by rep wait for it. */
  people: boolean;
};

/** Deal id → the currency of its amount, so a money figure drills into that currency's deals only. */
export function currencyByDeal(data: ReportData): Map<string, string> {
  return new Map(data.deals.flatMap((d) => (d.amount ? [[d.id, d.amount.currency] as const] : [])));
}

/** One column per currency, so the table and CSV never add EUR to USD. */
export function moneyColumns<R>(
  currencies: readonly string[],
  header: (c: string) => string,
  get: (r: R) => Money,
  drill?: Column<R>['drill'],
  currencyOf?: ReadonlyMap<string, string>,
): Column<R>[] {
  return currencies.map((c) => ({
    header: header(c),
    show: (r: R) => (get(r)[c] === undefined ? '—' : fmtMoney(get(r)[c], c)),
    csv: (r: R) => get(r)[c],
    numeric: true,
    drill: (r: R) => {
      const target = get(r)[c] === undefined ? undefined : drill?.(r);
      return target && currencyOf ? { ...target, recordIds: target.recordIds.filter((id) => currencyOf.get(id) === c) } : target;
    },
  }));
}
