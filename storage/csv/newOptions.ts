import type { ThreadlineDB } from '../db/db';
import type { Field } from '../model/field';
import { LIMITS } from '../model/limits';
import { newId } from '../model/ids';
import { updateField } from '../fields/fieldsAdmin';
import type { FolderSchema } from '../folders/schema';
import { unknownOptionValues } from './cellReaders';
import type { ColumnMapping } from './mapping';
import type { ColumnValues } from './reading';

/** A dropdown column's values that none of its field's options name. */
export type UnknownOptions = {
  field: Field;
  column: number;
  values: string[];
  /** More than the field has room for (LIMITS.options): only `values` (the first that fit) can be added. */
  overflow: boolean;
  /** The column has more distinct values than the scan keeps: some unknown ones may be unlisted. */
  unscanned: boolean;
};

/** For each column mapped to a dropdown field: the values the file holds that match no option. */
export function unknownOptions(schema: FolderSchema, mapping: ColumnMapping, values: ColumnValues, truncated: readonly number[] = []): UnknownOptions[] {
  return mapping.flatMap((target, column) => {
    const field = schema.fields.find((f) => f.id === target && (f.type === 'dropdown' || f.type === 'multiDropdown'));
    if (!field) return [];
    const found = [...new Set((values[column] ?? []).flatMap((cell) => unknownOptionValues(field, cell)))];
    const room = Math.max(0, LIMITS.options - (field.options?.length ?? 0));
    const unscanned = truncated.includes(column);
    if (found.length === 0 && !unscanned) return [];
    return [{ field, column, values: found.slice(0, room), overflow: found.length > room, unscanned }];
  });
}

/**
 * Adds the listed values as new options of their fields (the preview's default), one field write
 * each, before the import starts: rows then find them by label like any other option.
 */
export async function addUnknownOptions(db: ThreadlineDB, unknown: readonly UnknownOptions[]): Promise<void> {
  for (const { field, values } of unknown) {
    if (values.length === 0) continue;
    const labels = [...new Map(values.map((v) => [v.toLowerCase(), v.slice(0, LIMITS.label)])).values()];
    await updateField(db, field.id, { options: [...(field.options ?? []), ...labels.map((label) => ({ id: newId('opt'), label }))] });
  }
}
