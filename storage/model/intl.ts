/**
 * Shared `Intl` formatters. Building one costs ~0.15 ms (a DateTimeFormat) where formatting with
 * it costs ~2 µs: a history list, a table screen or a report would otherwise spend most of its
 * render building formatters it threw away a line earlier.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** Locales × currencies × styles in use stay far below this; the bound only guards against a leak. */
const MAX_FORMATTERS = 500;

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    if (cache.size >= MAX_FORMATTERS) cache.clear();
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(`d|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/**
 * An amount in a locale: "€1,200.00", "1.200,00 €", with the currency's own decimals, or none
 * with `whole` (reports' figures). A code the runtime does not know (stored by another device, an
 * imported typo) still shows, after the number: "1,200.00 XYZ"; no code, the number alone.
 */
export function formatMoneyIn(locale: string | undefined, amount: number, currency: string | undefined, { whole = false } = {}): string {
  const digits = whole ? { maximumFractionDigits: 0 } : {};
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return numberFormat(locale, { style: 'currency', currency, ...digits }).format(amount);
    } catch {
      // An ISO-shaped code the runtime does not know: the number, then the code (below).
    }
  }
  const number = numberFormat(locale, { maximumFractionDigits: whole ? 0 : 2 }).format(amount);
  return currency ? `${number} ${currency}` : number;
}
