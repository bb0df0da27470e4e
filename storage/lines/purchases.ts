import type { ThreadlineDB } from '../db/db';
import type { Activity, CrmRecord, Folder, Pipeline } from '../model/entities';
import type { Field } from '../model/field';
import { entryTimes } from '../reports/facts';
import { currencyDigits, lineTotals } from './amounts';
import { orderedLines, type LineItem } from './line';
import { recordLines } from './recordLines';

/**
 * What a contact or a company bought: the line items of its won deals, newest first, with totals
 * per product and per year. Money is never added across currencies: every total is per currency,
 * summed in minor units as the deal's own totals are (amounts.ts).
 */

/** A won deal as purchase history reads it: when it was won (or last changed) and its lines. */
export type WonDeal = { id: string; title: string; wonAt: number; lines: readonly LineItem[] };

export type PurchaseLine = {
  dealId: string;
  dealTitle: string;
  wonAt: number;
  lineId: string;
  productId?: string;
  name: string;
  sku?: string;
  quantity: number;
  /** The line's subtotal, net of discount and before tax, in `currency`. */
  net: number;
  currency: string;
};

export type ProductTotal = { productKey: string; productId?: string; name: string; currency: string; quantity: number; net: number; deals: number };
export type YearTotal = { year: number; currency: string; net: number; lines: number };
export type PurchaseHistory = { lines: PurchaseLine[]; byProduct: ProductTotal[]; byYear: YearTotal[]; deals: number };

const scaleOf = (currency: string) => 10 ** currencyDigits(currency);
/** Sums kept in minor units while adding, so 0.1 + 0.2 stays 0.3. */
const toMinor = (amount: number, currency: string) => Math.round(amount * scaleOf(currency));

/** One line per line item of the won deals, newest deal first, each deal's lines in its order. */
export function purchaseLines(deals: readonly WonDeal[]): PurchaseLine[] {
  const newest = [...deals].sort((a, b) => b.wonAt - a.wonAt || (a.id < b.id ? -1 : 1));
  return newest.flatMap((deal) =>
    orderedLines(Object.fromEntries(deal.lines.map((l) => [l.id, l]))).map((line): PurchaseLine => {
      const totals = lineTotals(line);
      return {
        dealId: deal.id,
        dealTitle: deal.title,
        wonAt: deal.wonAt,
        lineId: line.id,
        ...(line.productId ? { productId: line.productId } : {}),
        name: line.name,
        ...(line.sku ? { sku: line.sku } : {}),
        quantity: line.quantity,
        net: totals.net,
        currency: totals.currency,
      };
    }),
  );
}

/** Totals per product and currency, the largest first; a line typed without a product counts under its name. */
export function totalsByProduct(lines: readonly PurchaseLine[]): ProductTotal[] {
  const acc = new Map<string, ProductTotal & { minor: number; dealIds: Set<string> }>();
  for (const l of lines) {
    const productKey = l.productId ?? `name:${l.name.trim().toLowerCase()}`;
    const key = `${productKey}\u0000${l.currency}`;
    const row = acc.get(key) ?? { productKey, ...(l.productId ? { productId: l.productId } : {}), name: l.name, currency: l.currency, quantity: 0, net: 0, deals: 0, minor: 0, dealIds: new Set<string>() };
    row.quantity += l.quantity;
    row.minor += toMinor(l.net, l.currency);
    row.dealIds.add(l.dealId);
    acc.set(key, row);
  }
  return [...acc.values()]
    .map(({ minor, dealIds, ...row }) => ({ ...row, net: minor / scaleOf(row.currency), deals: dealIds.size }))
    .sort((a, b) => b.net - a.net || a.name.localeCompare(b.name) || (a.currency < b.currency ? -1 : 1));
}

/** Totals per calendar year (local time) and currency, newest year first. */
export function totalsByYear(lines: readonly PurchaseLine[]): YearTotal[] {
  const acc = new Map<string, { year: number; currency: string; minor: number; lines: number }>();
  for (const l of lines) {
    const year = new Date(l.wonAt).getFullYear();
    const key = `${year}\u0000${l.currency}`;
    const row = acc.get(key) ?? { year, currency: l.currency, minor: 0, lines: 0 };
    row.minor += toMinor(l.net, l.currency);
    row.lines += 1;
    acc.set(key, row);
  }
  return [...acc.values()]
    .map(({ minor, ...row }) => ({ ...row, net: minor / scaleOf(row.currency) }))
    .sort((a, b) => b.year - a.year || (a.currency < b.currency ? -1 : 1));
}

export function purchaseHistory(deals: readonly WonDeal[]): PurchaseHistory {
  const withLines = deals.filter((d) => d.lines.length > 0);
  const lines = purchaseLines(withLines);
  return { lines, byProduct: totalsByProduct(lines), byYear: totalsByYear(lines), deals: withLines.length };
}

/**
 * The records among `candidates` that sit in a won stage, with when they entered it (the latest
 * stage change into that stage), else their last change.
 */
export function wonDeals(candidates: readonly CrmRecord[], stageFields: readonly Field[], pipelines: readonly Pipeline[], stageChanges: readonly Activity[]): WonDeal[] {
  const entered = entryTimes(stageChanges);
  const out: WonDeal[] = [];
  for (const r of candidates) {
    for (const f of stageFields.filter((x) => x.folderId === r.folderId)) {
      const v = r.values[f.id] as { pipelineId?: unknown; stageId?: unknown } | undefined;
      if (!v || typeof v.pipelineId !== 'string' || typeof v.stageId !== 'string') continue;
      const stage = pipelines.find((p) => p.id === v.pipelineId)?.stages.find((s) => s.id === v.stageId);
      if (stage?.outcome !== 'won') continue;
      out.push({ id: r.id, title: r.title, wonAt: entered.get(r.id)?.get(`${v.pipelineId}/${v.stageId}`) ?? r.updatedAt, lines: recordLines(r) });
      break;
    }
  }
  return out;
}

/**
 * A contact's or company's purchase history: deals linked to it and, for a company, deals linked
 * to its contacts. Reads go through the linkedIds and recordIds indexes: the cost is the record's
 * own links, never a folder.
 */
export async function readPurchaseHistory(db: ThreadlineDB, recordId: string): Promise<PurchaseHistory> {
  const record = await db.records.get(recordId);
  if (!record) return purchaseHistory([]);
  const folders = new Map((await db.folders.toArray()).map((f): [string, Folder] => [f.id, f]));
  const kindOf = (r: CrmRecord) => folders.get(r.folderId)?.kind;
  const linking = await db.records.where('linkedIds').equals(recordId).toArray();
  const contactIds = kindOf(record) === 'companies' ? linking.filter((r) => kindOf(r) === 'contacts').map((r) => r.id) : [];
  const viaContacts = contactIds.length ? await db.records.where('linkedIds').anyOf(contactIds).distinct().toArray() : [];
  const candidates = new Map<string, CrmRecord>();
  for (const r of [...linking, ...viaContacts]) if (r.id !== recordId && kindOf(r) === 'deals') candidates.set(r.id, r);
  if (candidates.size === 0) return purchaseHistory([]);
  const folderIds = [...new Set([...candidates.values()].map((r) => r.folderId))];
  const [stageFields, pipelines] = await Promise.all([
    db.fields.where('folderId').anyOf(folderIds).filter((f) => f.type === 'stage').toArray(),
    db.pipelines.toArray(),
  ]);
  const won = wonDeals([...candidates.values()], stageFields, pipelines, []);
  if (won.length === 0) return purchaseHistory([]);
  const changes = await db.activities.where('recordIds').anyOf(won.map((d) => d.id)).filter((a) => a.kind === 'stageChange').toArray();
  return purchaseHistory(wonDeals(won.map((d) => candidates.get(d.id)!), stageFields, pipelines, changes));
}
