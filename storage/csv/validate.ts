import type { RecordValues } from '../model/entities';
import { recordSchema, toRecordIssues, withoutEmpties, type RecordIssue } from '../model/recordSchema';
import type { FolderSchema } from '../folders/schema';
import { isAssignedByWritePath } from './mapping';

export type Validator = (values: RecordValues) => { values: RecordValues } | { issues: RecordIssue[] };

/** validateRecordValues, with the folder's zod schema built once per batch instead of once per row. */
export function validatorFor(schema: FolderSchema): Validator {
  const zod = recordSchema(schema.folder, schema.fields, schema);
  return (values) => {
    const r = zod.safeParse(withoutEmpties(values, schema.fields));
    return r.success ? { values: r.data as RecordValues } : { issues: toRecordIssues(r.error, schema.folder, schema.fields) };
  };
}

/**
 * Validates values for a new record: the write path numbers auto-numbers itself, so a stand-in
 * lets a mandatory one pass as it will, and comes off again before the write.
 */
export function checkNew(schema: FolderSchema, validate: Validator, values: RecordValues): { values: RecordValues } | { issues: RecordIssue[] } {
  const assigned = schema.fields.filter(isAssignedByWritePath);
  const result = validate({ ...values, ...Object.fromEntries(assigned.map((f) => [f.id, 1])) });
  if (!('values' in result)) return result;
  return { values: Object.fromEntries(Object.entries(result.values).filter(([k]) => !assigned.some((f) => f.id === k))) };
}
