import { z } from 'zod';
import type { Folder } from './entities';
import type { Field } from './field';
import { FIELD_REGISTRY, isEmptyValue, normalizeValue, type SchemaContext } from './fieldRegistry';

export type RecordIssue = { fieldId?: string; label: string; message: string };

/** A record refused by validation; `issues` names every field at fault, in the user's words. */
export class RecordValidationError extends Error {
  constructor(readonly issues: RecordIssue[]) {
    super(issues.map(describeIssue).join('; '));
    this.name = 'RecordValidationError';
  }
}

export function describeIssue(issue: RecordIssue): string {
  return /^[a-z]/.test(issue.message) ? `${issue.label} ${issue.message}` : `${issue.label}: ${issue.message}`;
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
      ? z.never({ error: 'is computed and cannot be set' }).optional()
      : (spec.value(field, ctx) as z.ZodType).optional();
  }
  return z
    .object(shape)
    .strict()
    .superRefine((values, check) => {
      for (const field of own) {
        if (field.mandatory && !FIELD_REGISTRY[field.type].computed && isEmptyValue(field, values[field.id])) {
          check.addIssue({ code: 'custom', path: [field.id], message: 'is required' });
        }
      }
    });
}

/** Turns zod's issues into ones that name fields by label, for people. */
export function toRecordIssues(error: z.ZodError, folder: Folder, fields: readonly Field[]): RecordIssue[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return error.issues.flatMap((issue): RecordIssue[] => {
    // Only top-level extra keys are unknown fields; nested ones (e.g. inside a stage value) belong to their field.
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      return issue.keys.map((key) => ({ label: `"${key.slice(0, 64)}"`, message: `is not a field of ${folder.name}` }));
    }
    const fieldId = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const field = fieldId ? byId.get(fieldId) : undefined;
    const rest = issue.path.slice(1).join('.');
    const label = field ? (rest ? `${field.label} (${rest})` : field.label) : 'Record';
    return [{ fieldId, label, message: issue.message }];
  });
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
  if (!result.success) throw new RecordValidationError(toRecordIssues(result.error, folder, fields));
  return result.data as Record<string, unknown>;
}
