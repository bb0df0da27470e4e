import { z } from 'zod';
import type { Folder } from './entities';
import type { Field } from './field';
import { FIELD_REGISTRY, isEmptyValue, normalizeValue, type SchemaContext } from './fieldRegistry';
import { describeIssueEn, isValuePart, issueFromZod, type RecordIssue } from './issues';

export type { IssueCode, RecordIssue } from './issues';
export { describeIssueEn } from './issues';

/**
 * A record refused by validation; `issues` names every field at fault by code (worded by the UI).
 * The message is English, for logs and tests.
 */
export class RecordValidationError extends Error {
  constructor(readonly issues: RecordIssue[]) {
    super(issues.map(describeIssueEn).join('; '));
    this.name = 'RecordValidationError';
  }
}

/**
 * The zod schema for the stored values of a record of `folder`: every key must be one of the
 * folder's fields, each value must fit its type, mandatory fields must be filled, and computed
 * fields (formula, statistics) can never be written.
 */
export function recordSchema(folder: Folder, fields: readonly Field[], ctx: SchemaContext) {
  const own = fields.filter((f) => f.folderId === folder.id);
  const shape: Record<string, z.ZodType> = {};
  for (const field of own) {
    const spec = FIELD_REGISTRY[field.type];
    shape[field.id] = spec.computed
      ? z.never({ error: 'computed' }).optional()
      : (spec.value(field, ctx) as z.ZodType).optional();
  }
  return z
    .object(shape)
    .strict()
    .superRefine((values, check) => {
      for (const field of own) {
        if (field.mandatory && !FIELD_REGISTRY[field.type].computed && isEmptyValue(field, values[field.id])) {
          check.addIssue({ code: 'custom', path: [field.id], message: 'required' });
        }
      }
    });
}

/**
 * Turns zod's issues into ones that name fields by label, each with its code. With the values that
 * were checked, a refused list item is named by its text ("ada@"), not by its index.
 */
export function toRecordIssues(error: z.ZodError, folder: Folder, fields: readonly Field[], values?: Record<string, unknown>): RecordIssue[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return error.issues.flatMap((issue): RecordIssue[] => {
    // Only top-level extra keys are unknown fields; nested ones (e.g. inside a stage value) belong to their field.
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      return issue.keys.map((key): RecordIssue => ({ label: `"${key.slice(0, 64)}"`, code: 'unknownField', params: { folder: folder.name } }));
    }
    const fieldId = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const field = fieldId ? byId.get(fieldId) : undefined;
    const rest = issue.path.slice(1);
    const item = rest.length === 1 && typeof rest[0] === 'number' && fieldId ? listItem(values?.[fieldId], rest[0]) : undefined;
    const { code, params } = issueFromZod(issue);
    if (field && item !== undefined) return [{ fieldId, label: field.label, code, params: { ...params, value: item } }];
    if (field && rest.length === 1 && isValuePart(rest[0])) return [{ fieldId, label: field.label, code, params: { ...params, part: rest[0] } }];
    // No field: the record as a whole; the wording supplies "Record" in the user's language.
    const label = field ? (rest.length ? `${field.label} (${rest.join('.')})` : field.label) : '';
    return [{ fieldId, label, code, ...(params ? { params } : {}) }];
  });
}

/** A list's item as short text, to quote in a refusal. */
function listItem(list: unknown, index: number): string | undefined {
  const v: unknown = Array.isArray(list) ? list[index] : undefined;
  return typeof v === 'string' ? v.slice(0, 80) : undefined;
}

/** Normalises values and drops empty ones, so "cleared" and "never set" are stored the same way. */
export function withoutEmpties(values: Record<string, unknown>, fields: readonly Field[]): Record<string, unknown> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const field = byId.get(k);
    if (v === undefined || v === null) continue;
    const value = field ? normalizeValue(field, v) : v;
    if (field && isEmptyValue(field, value)) continue;
    // A data property even for "__proto__": assigning it would set the prototype and hide the key from validation.
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function validateRecordValues(
  folder: Folder,
  fields: readonly Field[],
  ctx: SchemaContext,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const cleaned = withoutEmpties(values, fields);
  const result = recordSchema(folder, fields, ctx).safeParse(cleaned);
  if (!result.success) throw new RecordValidationError(toRecordIssues(result.error, folder, fields, cleaned));
  return result.data as Record<string, unknown>;
}
