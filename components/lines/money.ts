import { formatLocale } from '../../i18n';
import { formatMoneyIn, numberFormat } from '../../storage/model/intl';

/** "12.400,00 €" in the page's locale, with the currency's own decimals. */
export const formatMoney = (amount: number, currency: string): string => formatMoneyIn(formatLocale(), amount, currency);

/** A number as typed back into an input: the locale's decimal mark, no grouping. */
export const formatNumber = (n: number) => numberFormat(formatLocale(), { useGrouping: false, maximumFractionDigits: 6 }).format(n);

export const formatQuantity = (n: number) => numberFormat(formatLocale(), { maximumFractionDigits: 6 }).format(n);

/**
 * What someone typed as a number: "12,5" and "12.5" alike; with both marks ("1.200,50",
 * "1,200.50") the last one is the decimal mark. Undefined for anything else.
 */
export function parseDecimal(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f%]/g, '');
  if (!/^-?[\d.,]+$/.test(s)) return undefined;
  const mark = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  const marks = (s.match(/[.,]/g) ?? []).length;
  // One mark followed by exactly three digits, as in "1.200", is still a decimal here: prices
  // are typed as "12.5" or "12,50" far more often than as grouped thousands without decimals.
  const normal = mark < 0 ? s : marks === 1 ? s.replace(',', '.') : `${s.slice(0, mark).replace(/[.,]/g, '')}.${s.slice(mark + 1)}`;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}
