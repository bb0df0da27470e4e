import { z } from 'zod';
import { foldText } from '../model/normalize';

/**
 * Dates as spreadsheets write them. ISO (2024-03-31, with or without a time) is always read; so is
 * year-first with slashes. "03/04/2024" is the 3rd of April in Spain and Italy and March 4th in the
 * United States: `order` decides, for the whole file (reading.ts). Month names in English, Spanish
 * and Italian ("31-mar-2024", "31 de marzo de 2024", "March 31, 2024") need no order.
 */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export const dateOrderSchema = z.enum(DATE_ORDERS);
export type DateOrder = z.infer<typeof dateOrderSchema>;

/** A refused date cell: not a date in this order, or a day no calendar has (31/02). */
export type DateRefusal = 'unreadable' | 'noSuchDay';
export type DateRead = { iso: string } | { refused: DateRefusal } | undefined;

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'enero', 'ene', 'gennaio', 'gen'],
  ['february', 'feb', 'febrero', 'febbraio'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr', 'aprile'],
  ['may', 'mayo', 'maggio', 'mag'],
  ['june', 'jun', 'junio', 'giugno', 'giu'],
  ['july', 'jul', 'julio', 'luglio', 'lug'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'settembre'],
  ['october', 'oct', 'octubre', 'ottobre', 'ott'],
  ['november', 'nov', 'noviembre', 'novembre'],
  ['december', 'dec', 'diciembre', 'dic', 'dicembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): DateRead {
  if (month < 1 || month > 12 || day < 1 || day > 31) return { refused: 'unreadable' };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { refused: 'noSuchDay' };
  return { iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

/** Two-digit years as spreadsheets expand them: 00–29 are 2000s, 30–99 the 1900s. */
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i;

/** Day-month-year or month-day-year by name: "31 de marzo de 2024", "Mar 31, 2024", "31-mar-24". */
function byMonthName(text: string): DateRead {
  const tokens = foldText(text)
    .replace(/\b(de|del|di)\b/g, ' ')
    .split(/[\s,./-]+/)
    .filter(Boolean);
  if (tokens.length !== 3) return undefined;
  const at = tokens.findIndex((t) => MONTHS[t.replace(/\.$/, '')] !== undefined);
  if (at < 0) return undefined;
  const month = MONTHS[tokens[at]!]!;
  const numbers = tokens.filter((_t, i) => i !== at);
  if (!numbers.every((n) => /^\d{1,4}$/.test(n))) return { refused: 'unreadable' };
  // The year is the four-digit number, else the last one.
  const yearAt = numbers.findIndex((n) => n.length === 4);
  const [day, year] = yearAt === 0 ? [numbers[1]!, numbers[0]!] : [numbers[0]!, numbers[1]!];
  return isoOf(fullYear(year), month, Number(day));
}

/** A date cell as an ISO date; undefined for an empty cell. */
export function readDate(text: string, order: DateOrder): DateRead {
  const s = text.trim();
  if (!s) return undefined;
  const iso = ISO.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const num = NUMERIC.exec(s);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    return order === 'dmy' ? isoOf(fullYear(num[3]!), b, a) : isoOf(fullYear(num[3]!), a, b);
  }
  return byMonthName(s) ?? { refused: 'unreadable' };
}

/**
 * What one cell says about the file's order: a first number above 12 can only be a day (dmy), a
 * second one above 12 only a day too (mdy); "03/04/2024" says nothing.
 */
export function dateEvidence(text: string): DateOrder | undefined {
  const num = NUMERIC.exec(text.trim());
  if (!num) return undefined;
  const [a, b] = [Number(num[1]), Number(num[2])];
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return undefined;
}

/** The order people write dates in for a locale: en-US month first, en-GB, es, it day first. */
export function localeDateOrder(locale: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.UTC(2024, 2, 31)));
    const types = parts.map((p) => p.type).filter((t) => t === 'day' || t === 'month');
    return types[0] === 'month' ? 'mdy' : 'dmy';
  } catch {
    return 'dmy';
  }
}
