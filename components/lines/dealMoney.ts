import { t } from '../../i18n';
import { dealTotals, LineCurrencyError, type LineTotals } from '../../storage/lines/amounts';
import type { LineItem } from '../../storage/lines/line';
import { currencyOfLines } from '../../storage/lines/dealAmount';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';

/**
 * The deal's totals over the lines in its currency, and a message for each line in another one:
 * such a line is shown with its refusal, and the rest still adds up.
 */
export function totalsWithRefusals(deal: CrmRecord, lines: readonly LineItem[], fields: readonly Field[]): { totals?: LineTotals; refused: Map<string, string> } {
  // The currency storage sums in (storage/lines/dealAmount.ts): what the page marks refused is what a save refuses.
  const currency = currencyOfLines(fields, deal.values, lines);
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
