import { z } from 'zod';

/**
 * Numbers as spreadsheets write them. Spanish and Italian Excel write "10.940,78" (comma decimal,
 * dot grouping), English "10,940.78"; both may add spaces, no-break spaces or apostrophes as
 * grouping, a currency symbol or code, a percent sign, a leading or trailing minus, accounting
 * parentheses. Only "1.234" and "1,234" cannot be read without knowing the file's decimal mark:
 * that is `decimal`, decided for the whole file (reading.ts).
 */
export const DECIMAL_MARKS = [',', '.'] as const;
export const decimalMarkSchema = z.enum(DECIMAL_MARKS);
export type DecimalMark = z.infer<typeof decimalMarkSchema>;

const GROUPING_SPACES = /[\s\u00a0\u202f'’]/g;
const MINUS = /^[-\u2212]|[-\u2212]$/;

/** The text without grouping spaces and sign; `negative` when a minus or accounting parentheses said so. */
function unsign(text: string): { body: string; negative: boolean } | undefined {
  let body = text.trim().replace(GROUPING_SPACES, '');
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (MINUS.test(body)) {
    negative = !negative;
    body = body.replace(MINUS, '');
  }
  body = body.replace(/^\+/, '');
  return body ? { body, negative } : undefined;
}

const other = (mark: DecimalMark): DecimalMark => (mark === ',' ? '.' : ',');
const count = (s: string, ch: string) => s.split(ch).length - 1;
/** "1.234.567": groups of three after a first group of one to three digits. */
const isGrouped = (s: string, group: string) => new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(s);

/**
 * Which mark is the decimal one in `body` (digits and marks only), or undefined when the text does
 * not say: "1.234,5" and "1,234.5" say (the last mark), "12,5" and "12.50" say (a single mark not
 * followed by exactly three digits), "1.234.567" says (a repeated mark groups). "1.234" does not.
 */
function markOf(body: string): DecimalMark | 'none' | undefined {
  const commas = count(body, ',');
  const dots = count(body, '.');
  if (commas === 0 && dots === 0) return 'none';
  if (commas > 0 && dots > 0) return body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
  const mark: DecimalMark = commas > 0 ? ',' : '.';
  if ((commas || dots) > 1) return other(mark);
  const after = body.length - body.indexOf(mark) - 1;
  const before = body.indexOf(mark);
  // "0.125" cannot be a grouped 125.
  return after === 3 && before >= 1 && before <= 3 && !body.startsWith('0') ? undefined : mark;
}

/** What one cell says about the file's decimal mark (undefined: nothing). */
export function decimalEvidence(text: string): DecimalMark | undefined {
  const parts = unsign(stripUnits(text).rest);
  if (!parts || !/^[\d.,]+$/.test(parts.body)) return undefined;
  const mark = markOf(parts.body);
  return mark === 'none' ? undefined : mark;
}

const SCIENTIFIC = /^(\d+(?:[.,]\d+)?)[eE]([+-]?\d+)$/;

/**
 * A number written with `decimal` as the file's decimal mark. Undefined for an empty cell, NaN
 * for text that is not a number (letters, "1.2.3", a grouping that is not in threes).
 */
export function readNumber(text: string, decimal: DecimalMark): number | undefined {
  const parts = unsign(text);
  if (!parts) return undefined;
  const { body, negative } = parts;
  const sci = SCIENTIFIC.exec(body);
  if (sci) return (negative ? -1 : 1) * Number(`${sci[1]!.replace(',', '.')}e${sci[2]}`);
  if (!/^(\d|[.,]\d)[\d.,]*$/.test(body)) return NaN;
  const mark = markOf(body) ?? decimal;
  let normalized = body;
  if (mark !== 'none') {
    const group = other(mark);
    const [whole = '', fraction, extra] = body.split(mark);
    if (extra !== undefined || (fraction !== undefined && !/^\d+$/.test(fraction))) return NaN;
    if (whole.includes(group) && !isGrouped(whole, group)) return NaN;
    normalized = `${whole.split(group).join('') || '0'}${fraction !== undefined ? `.${fraction}` : ''}`;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? (negative ? -n : n) : NaN;
}

/** Currency symbols spreadsheets put beside amounts, and the ISO code each stands for here. */
const SYMBOLS: readonly [symbol: string, code: string][] = [
  ['US$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['Fr.', 'CHF'],
];

/** The currency named in the text (a symbol or a three-letter code) and the rest of it. */
function stripUnits(text: string): { currency?: string; rest: string } {
  let rest = text;
  let currency: string | undefined;
  for (const [symbol, code] of SYMBOLS) {
    if (rest.includes(symbol)) {
      currency ??= code;
      rest = rest.replace(symbol, ' ');
    }
  }
  const word = /(?:^|[\s\d(-])([A-Za-z]{3})(?=$|[\s\d)-])/.exec(rest);
  if (word) {
    currency ??= word[1]!.toUpperCase();
    rest = rest.replace(word[1]!, ' ');
  }
  return { currency, rest: rest.replace(/%/g, ' ').trim() };
}

export type AmountRead = { amount: number; currency?: string } | undefined;

/** "10.940,78 €", "€ 1.234", "USD 1,234.56", "-12,00 EUR": the amount and the currency it names. */
export function readAmount(text: string, decimal: DecimalMark): AmountRead | 'invalid' {
  const { currency, rest } = stripUnits(text);
  if (text.includes('%')) return 'invalid';
  const amount = readNumber(rest, decimal);
  if (amount === undefined) return currency ? 'invalid' : undefined;
  return Number.isNaN(amount) ? 'invalid' : { amount, ...(currency ? { currency } : {}) };
}

/** A number field's cell: units a spreadsheet left beside it ("€ 1.234", "12 %") are dropped. */
export function readPlainNumber(text: string, decimal: DecimalMark): number | undefined {
  const { rest } = stripUnits(text);
  if (!rest) return text.trim() ? NaN : undefined;
  return readNumber(rest, decimal);
}

/** "12 %", "12,5%", "%12": the percent as written (12 % is stored as 12). */
export function readPercent(text: string, decimal: DecimalMark): number | undefined {
  return readNumber(text.replace(/%/g, ''), decimal);
}
