import { formatMoneyIn } from '../model/intl';

/** An amount in the template's locale: "€1,200.00", "1.200,00 €"; an unknown code after the number. */
export const formatAmount = (amount: number, currency: string | undefined, tag: string): string => formatMoneyIn(tag, amount, currency);
