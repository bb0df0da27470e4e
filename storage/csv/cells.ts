/**
 * Spreadsheet formula injection: Excel and Sheets run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula, so a contact named `=HYPERLINK(...)` could attack whoever opens an
 * export. Exported cells that start so get a leading apostrophe (which spreadsheets hide), and so
 * does any cell that already starts with one; import removes exactly one apostrophe before those
 * characters. Together the two keep every value, apostrophes included, through a round trip.
 * Plain numbers ("-5", "+1e3") are left alone: they are not formulas.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GUARDED = /^'['=+\-@\t\r]/;

export function guardCell(text: string): string {
  if (text.startsWith("'") || (TRIGGER.test(text) && !PLAIN_NUMBER.test(text))) return `'${text}`;
  return text;
}

export function unguardCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/** Header and label matching: case, accents, spaces and punctuation do not matter. */
export function foldHeader(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
