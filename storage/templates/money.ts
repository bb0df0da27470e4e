import { numberFormat } from '../model/intl';

/** An amount in the template's locale: "€1,200.00", "1.200,00 €"; an unknown code after the number. */
export function formatAmount(amount: number, currency: string | undefined, tag: string): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return numberFormat(tag, { style: 'currency', currency }).format(amount);
    } catch {
      // An ISO-shaped code the runtime does not know: the number, then the code.
    }
    return `${numberFormat(tag, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
  return numberFormat(tag, { maximumFractionDigits: 2 }).format(amount);
}
