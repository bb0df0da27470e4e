import { tIn, type Locale } from '../../i18n';
import { dealTotals, lineTotals, LineCurrencyError, type LineTotals } from '../lines/amounts';
import type { LineItem } from '../lines/line';
import { numberFormat } from '../model/intl';
import { formatAmount } from './money';

/** What `{{deal.lines}}` is filled from: the deal's lines in display order. */
export type TemplateLine = Pick<LineItem, 'id' | 'name' | 'sku' | 'quantity' | 'unitPrice' | 'discount' | 'taxRate'>;

/** `{{deal.lines}}` filled in: the same table as plain text (the compose's text part) and as HTML. */
export type LinesBlock = { text: string; html: string };

type Row = { product: string; quantity: string; unitPrice: string; subtotal: string };

/** The deal's totals, or undefined when its lines are in several currencies (the write path refuses that). */
function totalsOf(lines: readonly TemplateLine[]): LineTotals | undefined {
  try {
    return dealTotals(lines);
  } catch (e) {
    if (e instanceof LineCurrencyError) return undefined;
    throw e;
  }
}

/**
 * The lines as a small table: product, quantity, unit price and subtotal (after discount, before
 * tax) per line, then the total; with tax on any line, the tax and the total with tax too. Numbers
 * in the template's language. Gmail's compose takes the HTML, so the table carries inline styles
 * only (mail clients drop style sheets), and every value is escaped.
 */
export function renderLines(lines: readonly TemplateLine[], language: Locale, tag: string, escape: (s: string) => string): LinesBlock | undefined {
  if (lines.length === 0) return undefined;
  const qty = numberFormat(tag, { maximumFractionDigits: 3 });
  const rows: Row[] = lines.map((l) => ({
    product: l.sku ? `${l.name} (${l.sku})` : l.name,
    quantity: qty.format(l.quantity),
    unitPrice: formatAmount(l.unitPrice.amount, l.unitPrice.currency, tag),
    subtotal: formatAmount(lineTotals(l).net, l.unitPrice.currency, tag),
  }));
  const totals = totalsOf(lines);
  const foot: [string, string][] = [];
  if (totals) {
    foot.push([tIn(language, 'templates.lines.total'), formatAmount(totals.net, totals.currency, tag)]);
    if (totals.tax > 0) {
      foot.push([tIn(language, 'templates.lines.tax'), formatAmount(totals.tax, totals.currency, tag)]);
      foot.push([tIn(language, 'templates.lines.totalWithTax'), formatAmount(totals.gross, totals.currency, tag)]);
    }
  }
  const head: Row = {
    product: tIn(language, 'templates.lines.product'),
    quantity: tIn(language, 'templates.lines.quantity'),
    unitPrice: tIn(language, 'templates.lines.unitPrice'),
    subtotal: tIn(language, 'templates.lines.subtotal'),
  };
  return { text: textTable(rows, foot), html: htmlTable(head, rows, foot, escape) };
}

/** "2 × Widget (W-1) @ €300.00 = €600.00" per line: reads well in a plain-text mail, in any font. */
function textTable(rows: readonly Row[], foot: readonly [string, string][]): string {
  const body = rows.map((r) => `${r.quantity} × ${r.product} @ ${r.unitPrice} = ${r.subtotal}`);
  return [...body, ...foot.map(([label, value]) => `${label}: ${value}`)].join('\n');
}

const CELL = 'padding:4px 8px;border-bottom:1px solid #dadce0';
const NUM = `${CELL};text-align:right;white-space:nowrap`;

function htmlTable(head: Row, rows: readonly Row[], foot: readonly [string, string][], esc: (s: string) => string): string {
  const th = (s: string, style: string) => `<th style="${style}">${esc(s)}</th>`;
  const td = (s: string, style: string) => `<td style="${style}">${esc(s)}</td>`;
  const header = `<tr>${th(head.product, `${CELL};text-align:left`)}${th(head.quantity, NUM)}${th(head.unitPrice, NUM)}${th(head.subtotal, NUM)}</tr>`;
  const body = rows.map((r) => `<tr>${td(r.product, CELL)}${td(r.quantity, NUM)}${td(r.unitPrice, NUM)}${td(r.subtotal, NUM)}</tr>`).join('');
  const totals = foot.map(([label, value], i) => `<tr><th colspan="3" style="padding:4px 8px;text-align:right">${esc(label)}</th><td style="padding:4px 8px;text-align:right;white-space:nowrap${i === foot.length - 1 ? ';font-weight:bold' : ''}">${esc(value)}</td></tr>`).join('');
  return `<table data-tl-lines="" style="border-collapse:collapse;margin:8px 0"><thead>${header}</thead><tbody>${body}</tbody>${totals ? `<tfoot>${totals}</tfoot>` : ''}</table>`;
}
