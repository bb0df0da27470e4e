import type { Currency } from '../model/fieldValues';

/**
 * What a deal's line items add up to. Pure: the deal page, the sidebar card, the write path
 * (which stores the sum as the deal's amount) and the reports all compute it here, alike.
 *
 * Money is summed in the currency's minor units (cents; none for JPY), each line rounded half
 * away from zero once, so 3 × 0.10 is 0.30 and a sum never drifts by a float's last digit.
 */
export type LineDiscount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number };

export type LineInput = {
  id: string;
  quantity: number;
  unitPrice: Currency;
  discount?: LineDiscount;
  /** Percent, e.g. 21 for Spain's IVA; applied after the discount. */
  taxRate?: number;
};

export type LineTotals = { net: number; tax: number; gross: number; currency: string };

/** A line in another currency than the deal's: refused until it is converted by hand. */
export class LineCurrencyError extends Error {
  constructor(
    readonly lineId: string,
    readonly lineCurrency: string,
    readonly dealCurrency: string,
  ) {
    super(`line ${lineId} is in ${lineCurrency}, the deal in ${dealCurrency}`);
    this.name = 'LineCurrencyError';
  }
}

const digitsCache = new Map<string, number>();

/** How many decimals a currency's amounts have (2 for EUR, 0 for JPY), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

const roundHalfAway = (n: number) => Math.sign(n) * Math.round(Math.abs(n) + Number.EPSILON * Math.abs(n));

/** A line's totals in minor units: quantity × price, less the discount (never below zero), then tax. */
function lineMinor(line: LineInput): { net: number; tax: number } {
  const scale = 10 ** currencyDigits(line.unitPrice.currency);
  const gross = line.quantity * line.unitPrice.amount * scale;
  const off = !line.discount ? 0 : line.discount.kind === 'percent' ? (gross * Math.min(100, Math.max(0, line.discount.value))) / 100 : line.discount.value * scale;
  const net = roundHalfAway(Math.max(0, gross - off));
  const tax = roundHalfAway((net * (line.taxRate ?? 0)) / 100);
  return { net, tax };
}

/** One line's subtotal (net of discount), tax and total, in its own currency. */
export function lineTotals(line: LineInput): LineTotals {
  const scale = 10 ** currencyDigits(line.unitPrice.currency);
  const { net, tax } = lineMinor(line);
  return { net: net / scale, tax: tax / scale, gross: (net + tax) / scale, currency: line.unitPrice.currency };
}

/**
 * The deal's totals from its lines, in `currency` (the deal's; the first line's when the deal has
 * none yet). Throws LineCurrencyError for the first line in another currency. No lines: undefined,
 * and the deal keeps the amount typed on it.
 */
export function dealTotals(lines: readonly LineInput[], currency?: string): LineTotals | undefined {
  if (lines.length === 0) return undefined;
  const dealCurrency = currency ?? lines[0]!.unitPrice.currency;
  let net = 0;
  let tax = 0;
  for (const line of lines) {
    if (line.unitPrice.currency !== dealCurrency) throw new LineCurrencyError(line.id, line.unitPrice.currency, dealCurrency);
    const minor = lineMinor(line);
    net += minor.net;
    tax += minor.tax;
  }
  const scale = 10 ** currencyDigits(dealCurrency);
  return { net: net / scale, tax: tax / scale, gross: (net + tax) / scale, currency: dealCurrency };
}

/** The deal's amount field value when it has lines: the net sum (before tax), as deals are reported. */
export function dealAmount(lines: readonly LineInput[], currency?: string): Currency | undefined {
  const totals = dealTotals(lines, currency);
  return totals && { amount: totals.net, currency: totals.currency };
}
