import { afterEach, describe, expect, it } from 'vitest';
import { readAmount, readNumber, readPercent, readPlainNumber, decimalEvidence } from '../../storage/csv/numbers';
import { dateEvidence, localeDateOrder, readDate } from '../../storage/csv/dates';
import { CELL_READERS } from '../../storage/csv/cellReaders';
import { decideDateOrder, decideDecimal, type CellReading } from '../../storage/csv/reading';
import type { Field } from '../../storage/model/field';
import { describeProblem } from '../../components/errors';
import { setLocale } from '../../i18n';

const field = (type: Field['type'], extra: Partial<Field> = {}): Field => ({
  id: `f_${type}`, folderId: 'folder', key: type, label: type, type, mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0, ...extra,
});
const comma: CellReading = { dateOrder: 'dmy', decimal: ',', unknownOptions: 'add' };
const dot: CellReading = { dateOrder: 'mdy', decimal: '.', unknownOptions: 'add' };

describe('numbers as spreadsheets write them', () => {
  it.each([
    ['10.940,78', ',', 10940.78],
    ['1,234.56', ',', 1234.56],
    ['1.234', ',', 1234],
    ['1.234', '.', 1.234],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['12,5', '.', 12.5],
    ['0.125', ',', 0.125],
    ['1.234.567', '.', 1234567],
    ['1 234 567,5', ',', 1234567.5],
    ['1\u202f234,5', ',', 1234.5],
    ["1'234.5", '.', 1234.5],
    ['-12,00', ',', -12],
    ['12-', ',', -12],
    ['(1.234,50)', ',', -1234.5],
    ['1,23E+05', ',', 123000],
    ['+7', ',', 7],
  ] as const)('%s with %s as decimal mark is %d', (text, decimal, value) => {
    expect(readNumber(text, decimal)).toBeCloseTo(value, 9);
  });

  it.each(['abc', '1.2.3,4,5', '12,34,5', '1..2', '1,2,3', '12 abc', '--'])('refuses %s', (text) => {
    expect(readNumber(text, ',')).toBeNaN();
  });

  it('reads amounts with their currency, and numbers and percents with their units dropped', () => {
    expect(readAmount('10.940,78 €', ',')).toEqual({ amount: 10940.78, currency: 'EUR' });
    expect(readAmount('€ 1.234', ',')).toEqual({ amount: 1234, currency: 'EUR' });
    expect(readAmount('USD 1,234.56', ',')).toEqual({ amount: 1234.56, currency: 'USD' });
    expect(readAmount('$1,234.56', '.')).toEqual({ amount: 1234.56, currency: 'USD' });
    expect(readAmount('-250,00 GBP', ',')).toEqual({ amount: -250, currency: 'GBP' });
    expect(readAmount('1.500', ',')).toEqual({ amount: 1500 });
    expect(readAmount('twelve euros', ',')).toBe('invalid');
    expect(readAmount('EUR', ',')).toBe('invalid');
    expect(readPercent('12 %', ',')).toBe(12);
    expect(readPercent('12,5%', ',')).toBe(12.5);
    expect(readPlainNumber('€ 1.234', ',')).toBe(1234);
    expect(readPlainNumber('xyz', ',')).toBeNaN();
  });

  it('says what a cell tells about the decimal mark', () => {
    expect(['10.940,78 €', '12,5', '1.234.567'].map(decimalEvidence)).toEqual([',', ',', ',']);
    expect(['1,234.56', '12.50', '$3,000,000'].map(decimalEvidence)).toEqual(['.', '.', '.']);
    expect(['1.234', '1,234', '12', 'abc'].map(decimalEvidence)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('dates by order', () => {
  it.each([
    ['31/03/2024', 'dmy', '2024-03-31'],
    ['03/04/2024', 'dmy', '2024-04-03'],
    ['03/04/2024', 'mdy', '2024-03-04'],
    ['3.4.24', 'dmy', '2024-04-03'],
    ['31-03-1985', 'dmy', '1985-03-31'],
    ['31/03/2024 10:30', 'dmy', '2024-03-31'],
    ['2024-03-31', 'mdy', '2024-03-31'],
    ['2024-03-31T09:00:00Z', 'dmy', '2024-03-31'],
    ['2024/3/5', 'dmy', '2024-03-05'],
    ['31 de marzo de 2024', 'mdy', '2024-03-31'],
    ['12 dicembre 1990', 'mdy', '1990-12-12'],
    ['Mar 31, 2024', 'dmy', '2024-03-31'],
    ['31-mar-24', 'dmy', '2024-03-31'],
  ] as const)('%s read %s is %s', (text, order, iso) => {
    expect(readDate(text, order)).toEqual({ iso });
  });

  it('refuses what is not a date, and days no calendar has', () => {
    expect(readDate('31/03/2024', 'mdy')).toEqual({ refused: 'unreadable' });
    expect(readDate('30/02/2024', 'dmy')).toEqual({ refused: 'noSuchDay' });
    expect(readDate('2023-02-29', 'dmy')).toEqual({ refused: 'noSuchDay' });
    expect(readDate('next tuesday', 'dmy')).toEqual({ refused: 'unreadable' });
    expect(readDate('', 'dmy')).toBeUndefined();
  });

  it('the file settles the order when a day is above 12, else the locale does', () => {
    expect(['31/03/2024', '03/31/2024', '03/04/2024'].map(dateEvidence)).toEqual(['dmy', 'mdy', undefined]);
    expect(localeDateOrder('en-US')).toBe('mdy');
    expect(['en-GB', 'es', 'es-ES', 'it', 'it-IT'].map(localeDateOrder)).toEqual(['dmy', 'dmy', 'dmy', 'dmy', 'dmy']);
    const fields = [field('date')];
    expect(decideDateOrder([['03/04/2024', '05/06/2024']], ['f_date'], fields, 'en-US')).toEqual({ value: 'mdy', by: 'locale' });
    expect(decideDateOrder([['03/04/2024', '25/06/2024']], ['f_date'], fields, 'en-US')).toEqual({ value: 'dmy', by: 'file' });
    expect(decideDateOrder([['03/04/2024', '06/25/2024']], ['f_date'], fields, 'it-IT')).toEqual({ value: 'mdy', by: 'file' });
    // A column not mapped to a date field says nothing.
    expect(decideDateOrder([['25/06/2024']], [null], fields, 'en-US')).toEqual({ value: 'mdy', by: 'locale' });
  });

  it('the file settles the decimal mark, else a semicolon file is comma-decimal, else the locale', () => {
    const fields = [field('currency')];
    expect(decideDecimal([['1.234', '10,5']], ['f_currency'], fields, 'en', ',')).toEqual({ value: ',', by: 'file' });
    expect(decideDecimal([['1.234']], ['f_currency'], fields, 'en', ';')).toEqual({ value: ',', by: 'file' });
    expect(decideDecimal([['1.234']], ['f_currency'], fields, 'es-ES', ',')).toEqual({ value: ',', by: 'locale' });
    expect(decideDecimal([['1.234']], ['f_currency'], fields, 'en-US', ',')).toEqual({ value: '.', by: 'locale' });
  });
});

describe('refused cells carry codes worded in the user’s language', () => {
  afterEach(() => setLocale('en'));
  const read = (type: Field['type'], raw: string, reading = comma) => CELL_READERS[type]!(raw, field(type), reading);

  it('codes and parameters', () => {
    expect(read('number', 'doce')).toEqual({ ok: false, error: { code: 'notANumber', params: { value: 'doce' } } });
    expect(read('currency', 'mil euros')).toEqual({ ok: false, error: { code: 'notAnAmount', params: { value: 'mil euros' } } });
    expect(read('date', '13/31/2024')).toEqual({ ok: false, error: { code: 'dateNotInOrder', params: { value: '13/31/2024', order: 'dmy' } } });
    expect(read('date', '31/02/2024')).toEqual({ ok: false, error: { code: 'noSuchDay', params: { value: '31/02/2024' } } });
    expect(read('currency', '10.940,78 €')).toEqual({ ok: true, value: { amount: 10940.78, currency: 'EUR' } });
    expect(read('currency', '1,234.56', dot)).toEqual({ ok: true, value: { amount: 1234.56, currency: 'EUR' } });
  });

  it('in Spanish and Italian, with the date format of the order chosen', () => {
    const issue = (type: Field['type'], raw: string, reading = comma) => {
      const r = read(type, raw, reading);
      if (r.ok) throw new Error('expected a refusal');
      return describeProblem(r.error);
    };
    setLocale('es');
    expect(issue('date', '13/31/2024')).toBe('«13/31/2024» no es una fecha (escríbela como DD/MM/AAAA o AAAA-MM-DD)');
    expect(issue('date', '31/02/2024')).toContain('no es un día del calendario');
    expect(issue('number', 'doce')).toContain('no es un número');
    setLocale('it');
    expect(issue('date', '31/12/2024', dot)).toContain('scrivila come MM/GG/AAAA o AAAA-MM-GG');
    expect(issue('currency', 'mille euro')).toContain('non è un importo');
    setLocale('en');
    expect(issue('date', '31/12/2024', dot)).toContain('write it as MM/DD/YYYY or YYYY-MM-DD');
  });
});
