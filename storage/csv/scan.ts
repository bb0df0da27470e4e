import Papa from 'papaparse';
import type { ColumnValues } from './reading';

/** Distinct values kept per column: evidence enough for date order and decimal mark, and for listing dropdown values. */
export const SCAN_DISTINCT = 300;

/** Each column's first distinct values, and the columns that held more (their list is cut). */
export type ColumnScan = { values: ColumnValues; truncated: number[] };

/**
 * Every column's distinct non-empty values over the whole file (the first SCAN_DISTINCT of each),
 * read once when the file is picked: the preview decides the date order and the decimal mark from
 * them, and lists the dropdown values no option names, before anything is written. A column with
 * more values keeps its first ones as evidence (a birthday column of 1,000 dates still says day
 * first) and is listed in `truncated`, so no one claims its list is complete. Values are trimmed.
 */
export function scanColumns(text: string, delimiter: string): ColumnScan {
  const sets: Set<string>[] = [];
  const truncated = new Set<number>();
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
        if (set.size >= SCAN_DISTINCT) truncated.add(i);
        else set.add(value);
      });
    },
  });
  return { values: sets.map((s) => [...s]), truncated: [...truncated] };
}
