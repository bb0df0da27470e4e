import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatMoneyIn, numberFormat } from '../../storage/model/intl';

describe('shared Intl formatters', () => {
  it('hands out one formatter per locale and options, and formats as a fresh one would', () => {
    const eur = numberFormat('es-ES', { style: 'currency', currency: 'EUR' });
    expect(numberFormat('es-ES', { style: 'currency', currency: 'EUR' })).toBe(eur);
    expect(numberFormat('es-ES', { style: 'currency', currency: 'USD' })).not.toBe(eur);
    expect(numberFormat('it-IT', { style: 'currency', currency: 'EUR' })).not.toBe(eur);
    expect(eur.format(1234.5)).toBe(new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(1234.5));

    const day = dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(day);
    expect(dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(day);
    expect(day.format(Date.UTC(2026, 10, 24))).toBe('24 Nov 2026');
  });

  it('throws for an unknown currency every time instead of caching a broken formatter', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOPE1' })).toThrow(RangeError);
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOPE1' })).toThrow(RangeError);
  });

  it('formats money one way for lines, templates and reports: the currency’s decimals, whole units for reports, unknown codes after the number', () => {
    const nb = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(formatMoneyIn('en', 1234.5, 'EUR')).toBe('€1,234.50');
    expect(nb(formatMoneyIn('es-ES', 12400, 'EUR'))).toBe('12.400,00 €');
    expect(nb(formatMoneyIn('it-IT', 12345.5, 'EUR', { whole: true }))).toBe('12.346 €');
    expect(formatMoneyIn('en', 1500, 'JPY')).toBe('¥1,500');
    expect(nb(formatMoneyIn('en', 1200, 'XQZ'))).toBe('XQZ 1,200.00');
    expect(formatMoneyIn('en', 1200.5, 'eur?')).toBe('1,200.5 eur?');
    expect(formatMoneyIn('en', 3, undefined)).toBe('3');
  });
});
