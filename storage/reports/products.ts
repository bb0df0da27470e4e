import { lineTotals } from '../lines/amounts';
import type { LineItem } from '../lines/line';
import { dealMatches } from './filters';
import { addMoney, currenciesOf, roundMoney } from './money';
import { inPeriodMs } from './period';
import type { DealFact, Money, ReportData, ReportFilters } from './types';

/** One product's figures: its lines summed per currency, and the deals they are on. */
export type ProductRow = {
  /** The catalogue record's id; `name:<name>` for lines typed without a product. */
  key: string;
  productId?: string;
  /** The name copied onto the line (the newest deal's, should it have been renamed). */
  label: string;
  sku?: string;
  /** Units sold (revenue) or offered (pipeline). */
  quantity: number;
  /** Sum of the lines' nets (after discount, before tax), per currency; weighted for the pipeline. */
  amount: Money;
  /** The same lines unweighted (equal to amount for revenue). */
  unweighted: Money;
  recordIds: string[];
};

/** One customer's won revenue: a company, or the main contact of deals without a company. */
export type CustomerRow = {
  /** The company's or contact's record id; '' gathers won deals with neither. */
  key: string;
  kind: 'company' | 'contact' | 'none';
  label: string;
  deals: number;
  amount: Money;
  recordIds: string[];
};

const productKey = (l: LineItem) => l.productId ?? `name:${l.name.trim().toLowerCase()}`;

/** Rows sorted by their amount in the most used currency, then by the rest, then by name. */
function byAmount<R extends { amount: Money; label: string }>(rows: R[], currency?: string): R[] {
  const order = currency ? [currency, ...currenciesOf(rows.map((r) => r.amount)).filter((c) => c !== currency)] : currenciesOf(rows.map((r) => r.amount));
  const cmp = (a: R, b: R) => {
    for (const c of order) {
      const diff = (b.amount[c] ?? 0) - (a.amount[c] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.label.localeCompare(b.label);
  };
  return rows.sort(cmp);
}

/** Sums every line of these deals per product, each line's net times `weight(deal)`. */
function sumByProduct(deals: readonly DealFact[], weight: (d: DealFact) => number): ProductRow[] {
  const rows = new Map<string, ProductRow>();
  for (const d of deals) {
    if (!d.lines) continue;
    const factor = weight(d);
    for (const line of d.lines) {
      const key = productKey(line);
      let row = rows.get(key);
      if (!row) {
        row = { key, label: line.name, quantity: 0, amount: {}, unweighted: {}, recordIds: [], ...(line.productId ? { productId: line.productId } : {}), ...(line.sku ? { sku: line.sku } : {}) };
        rows.set(key, row);
      }
      const net = lineTotals(line);
      const money = { amount: net.net, currency: net.currency };
      row.quantity += line.quantity;
      addMoney(row.amount, money, factor);
      addMoney(row.unweighted, money);
      if (row.recordIds[row.recordIds.length - 1] !== d.id) row.recordIds.push(d.id);
    }
  }
  return byAmount([...rows.values()].map((r) => ({ ...r, amount: roundMoney(r.amount), unweighted: roundMoney(r.unweighted) })));
}

/** Won deals that closed in the period (entered their won stage in it), with the page's filters. */
const wonIn = (data: ReportData, filters: ReportFilters) =>
  data.deals.filter((d) => d.outcome === 'won' && dealMatches(d, filters) && inPeriodMs(d.closedAt, filters.period));

/**
 * Revenue by product: the lines of the deals won in the period, per product and currency. Deals
 * newest-closed first, so a product's label is the name its latest sale carried.
 */
export function revenueByProduct(data: ReportData, filters: ReportFilters): ProductRow[] {
  const won = wonIn(data, filters).sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return sumByProduct(won, () => 1);
}

/**
 * Pipeline by product: the lines of open deals that started in the period (as the pipeline
 * report counts them), each weighted by its stage's probability.
 */
export function pipelineByProduct(data: ReportData, filters: ReportFilters): ProductRow[] {
  const open = data.deals.filter((d) => d.outcome === 'open' && dealMatches(d, filters) && inPeriodMs(d.startMs, filters.period));
  return sumByProduct(open, (d) => (d.stageProbability ?? 0) / 100);
}

/**
 * Customers by the amounts of their deals won in the period: a deal's customer is its company,
 * else its main contact. Ranked by `currency` (the page's chart currency), then the others.
 */
export function topCustomers(data: ReportData, filters: ReportFilters, currency?: string, limit = 10): CustomerRow[] {
  const rows = new Map<string, CustomerRow>();
  for (const d of wonIn(data, filters)) {
    const key = d.companyId ?? d.mainContactId ?? '';
    const kind = d.companyId ? 'company' : d.mainContactId ? 'contact' : 'none';
    const row = rows.get(key) ?? { key, kind, label: key && (data.customerTitles?.get(key) ?? key), deals: 0, amount: {}, recordIds: [] };
    row.deals += 1;
    row.recordIds.push(d.id);
    addMoney(row.amount, d.amount);
    rows.set(key, row);
  }
  return byAmount([...rows.values()].map((r) => ({ ...r, amount: roundMoney(r.amount) })), currency).slice(0, limit);
}
