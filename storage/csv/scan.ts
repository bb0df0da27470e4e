import Papa from 'papaparse';
import type { ColumnValues } from './reading';

/** Distinct values kept per column; a column with more is no dropdown and settles its formats long before. */
export const SCAN_DISTINCT = 300;

/**
 * Every column's distinct non-empty values over the whole file (up to SCAN_DISTINCT each; a column
 * past that is undefined), read once when the file is picked: the preview decides the date order
 * and the decimal mark from them, and lists the dropdown values no option names, before anything
 * is written. Values are trimmed.
 */
export function scanColumns(text: string, delimiter: string): ColumnValues {
  const sets: (Set<string> | undefined)[] = [];
  let header = true;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (row: Papa.ParseStepResult<string[]>) => {
      if (header) {
        header = false;
        row.data.forEach((_c, i) => (sets[i] = new Set()));
        return;
      }
      row.data.forEach((cell, i) => {
        const set = sets[i];
        const value = cell.trim();
        if (!set || !value || set.has(value)) return;
        if (set.size >= SCAN_DISTINCT) sets[i] = undefined;
        else set.add(value);
      });
    },
  });
  return sets.map((s) => (s ? [...s] : undefined));
}
