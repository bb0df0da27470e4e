import type { RecordValues } from '../model/entities';
import { FIELD_REGISTRY, type FieldTypeSpec } from '../model/fieldRegistry';
import type { IssueCode, IssueParams } from '../model/issues';
import type { FolderSchema } from '../folders/schema';
import { unguardCell } from './cells';
import { CELL_READERS } from './cellReaders';
import { LEGACY_READING, type CellReading } from './reading';
import { ID_TARGET, importableFields, type ColumnMapping } from './mapping';

/**
 * One refused cell or rule. `row` counts as a spreadsheet does: the header is row 1. The reason is a
 * code with its parameters, worded by the import report in the user's language.
 */
export type RowIssue = { row: number; column: string; code: IssueCode; params?: IssueParams; value: string };

export type ConvertedRow = {
  row: number;
  /** From the id column, when the file has one and the cell is filled. */
  id?: string;
  values: RecordValues;
  issues: RowIssue[];
  /** Every cell empty (e.g. the line after a trailing newline): not a record, not an error. */
  blank: boolean;
};

/** Record ids are client-made (`rec_<hex>` or a preset id); this is what link values may hold. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const VALUE_SHOWN = 200;

/** The spreadsheet row number of the data row at 0-based `index` (the header is row 1). */
export const rowNumber = (index: number) => index + 2;

/**
 * Turns one CSV row into stored values: numbers, amounts, dates and dropdowns as `reading` says
 * (cellReaders.ts), the other types through their `parseCsv`. Empty cells are no
 * value (never parsed: a blank checkbox cell is "not set", not "false"), so an import never clears
 * what a file leaves blank and an export of an unset value re-imports as unset.
 */
export function convertRow(
  cells: readonly string[],
  index: number,
  headers: readonly string[],
  mapping: ColumnMapping,
  schema: FolderSchema,
  reading: CellReading = LEGACY_READING,
): ConvertedRow {
  const row = rowNumber(index);
  const out: ConvertedRow = { row, values: {}, issues: [], blank: cells.every((c) => c.trim() === '') };
  const importable = new Map(importableFields(schema.fields).map((f) => [f.id, f]));
  mapping.forEach((target, i) => {
    const raw = unguardCell(cells[i] ?? '');
    if (!target || raw.trim() === '') return;
    const column = headers[i] ?? `#${i + 1}`;
    if (target === ID_TARGET) {
      const id = raw.trim();
      if (RECORD_ID.test(id)) out.id = id;
      else out.issues.push({ row, column, code: 'notRecordId', value: raw.slice(0, VALUE_SHOWN) });
      return;
    }
    const field = importable.get(target);
    if (!field) {
      const exists = schema.fields.some((f) => f.id === target);
      out.issues.push({ row, column, code: exists ? 'autoFilled' : 'fieldGone', value: raw.slice(0, VALUE_SHOWN) });
      return;
    }
    const reader = CELL_READERS[field.type];
    const parsed = reader ? reader(raw, field, reading) : (FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>).parseCsv(raw, field, schema);
    if (!parsed.ok) out.issues.push({ row, column, ...parsed.error, value: raw.slice(0, VALUE_SHOWN) });
    else if (parsed.value !== undefined) out.values[field.id] = parsed.value;
  });
  return out;
}
