import { describe, expect, it } from 'vitest';
import { dealAmount, dealTotals, LineCurrencyError, lineTotals, type LineInput } from '../../../storage/lines/amounts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const line = (over: Partial<LineInput> & Pick<LineInput, 'quantity' | 'unitPrice'>): LineInput => ({ id: `l${Math.random()}`, ...over });

describe('line and deal totals', () => {
  it('multiplies quantity by price, fractional quantities included, and sums in cents', () => {
    expect(lineTotals(line({ quantity: 3, unitPrice: eur(0.1) }))).toEqual({ net: 0.3, tax: 0, gross: 0.3, currency: 'EUR' });
    expect(lineTotals(line({ quantity: 2.5, unitPrice: eur(19.99) })).net).toBe(49.98); // 49.975 rounds half away from zero
    const lines = Array.from({ length: 10 }, () => line({ quantity: 1, unitPrice: eur(0.1) }));
    expect(dealTotals(lines)?.net).toBe(1); // not 0.9999999999999999
  });

  it('takes a percent or an amount off, never below zero, then adds tax on what is left', () => {
    expect(lineTotals(line({ quantity: 2, unitPrice: eur(100), discount: { kind: 'percent', value: 15 } })).net).toBe(170);
    expect(lineTotals(line({ quantity: 2, unitPrice: eur(100), discount: { kind: 'amount', value: 30 } })).net).toBe(170);
    expect(lineTotals(line({ quantity: 1, unitPrice: eur(10), discount: { kind: 'amount', value: 50 } })).net).toBe(0);
    expect(lineTotals(line({ quantity: 1, unitPrice: eur(100), discount: { kind: 'percent', value: 10 }, taxRate: 21 }))).toEqual({ net: 90, tax: 18.9, gross: 108.9, currency: 'EUR' });
    expect(lineTotals(line({ quantity: 3, unitPrice: eur(33.33), taxRate: 22 }))).toEqual({ net: 99.99, tax: 22, gross: 121.99, currency: 'EUR' });
  });

  it('sums a deal’s lines, tax apart, and has no amount without lines', () => {
    const lines = [line({ quantity: 2, unitPrice: eur(1200), taxRate: 21 }), line({ quantity: 10, unitPrice: eur(45.5), discount: { kind: 'percent', value: 10 } })];
    expect(dealTotals(lines, 'EUR')).toEqual({ net: 2809.5, tax: 504, gross: 3313.5, currency: 'EUR' });
    expect(dealAmount(lines, 'EUR')).toEqual({ amount: 2809.5, currency: 'EUR' });
    expect(dealTotals([], 'EUR')).toBeUndefined();
    expect(dealAmount([])).toBeUndefined();
  });

  it('keeps currencies without decimals whole', () => {
    expect(lineTotals(line({ quantity: 3, unitPrice: { amount: 333.4, currency: 'JPY' } })).net).toBe(1000);
  });

  it('refuses a line in another currency than the deal’s, naming both', () => {
    const lines = [line({ id: 'a', quantity: 1, unitPrice: eur(10) }), line({ id: 'b', quantity: 1, unitPrice: { amount: 10, currency: 'USD' } })];
    expect(() => dealTotals(lines, 'EUR')).toThrow(LineCurrencyError);
    try {
      dealTotals(lines, 'EUR');
    } catch (e) {
      expect(e).toMatchObject({ lineId: 'b', lineCurrency: 'USD', dealCurrency: 'EUR' });
    }
    // Converted by hand (the price typed in euros), it counts.
    expect(dealTotals([lines[0]!, { ...lines[1]!, unitPrice: eur(9.2) }], 'EUR')?.net).toBe(19.2);
  });
});
