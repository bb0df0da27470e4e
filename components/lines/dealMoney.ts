import { t } from '../../i18n';
import { dealTotals, LineCurrencyError, type LineTotals } from '../../storage/lines/amounts';
import type { LineItem } from '../../storage/lines/line';
import type { CrmRecord } from '../../storage/model/entities';

/** The deal's currency: its amount's, else its first line's. */
export function dealCurrency(deal: CrmRecord, lines: readonly LineItem[]): string | undefined {
  const amount = deal.values.fd_amount as { currency?: unknown } | undefined;
  return typeof amount?.currency === 'string' ? amount.currency : lines[0]?.unitPrice.currency;
}

/**
 * The deal's totals over the lines in its currency, and a message for each line in another one:
 * such a line is shown with its refusal, and the rest still adds up.
 */
export function totalsWithRefusals(deal: CrmRecord, lines: readonly LineItem[]): { totals?: LineTotals; refused: Map<string, string> } {
  const currency = dealCurrency(deal, lines);
  const refused = new Map<string, string>();
  for (const l of lines) {
    if (currency && l.unitPrice.currency !== currency) {
      const e = new LineCurrencyError(l.id, l.unitPrice.currency, currency);
      refused.set(l.id, t('lines.otherCurrency', { lineCurrency: e.lineCurrency, dealCurrency: e.dealCurrency }));
    }
  }
  const totals = dealTotals(lines.filter((l) => !refused.has(l.id)), currency);
  return { totals, refused };
}

export const computedLabel = (count: number) => (count === 1 ? t('lines.computedOne') : t('lines.computedMany', { count }));
