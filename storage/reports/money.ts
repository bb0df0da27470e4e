import type { Currency } from '../model/fieldValues';
import type { Money } from './types';

export function addMoney(into: Money, value: Currency | undefined, factor = 1): void {
  if (!value) return;
  into[value.currency] = (into[value.currency] ?? 0) + value.amount * factor;
}

/** Currencies present in any of the sums, most used (largest count of entries) first, then by code. */
export function currenciesOf(sums: readonly Money[]): string[] {
  const seen = new Map<string, number>();
  for (const s of sums) for (const c of Object.keys(s)) seen.set(c, (seen.get(c) ?? 0) + 1);
  return [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}

/** Cents-exact sums for display and tests: float addition leaves 0.30000000000000004. */
export const roundMoney = (m: Money): Money => Object.fromEntries(Object.entries(m).map(([c, v]) => [c, Math.round(v * 100) / 100]));
