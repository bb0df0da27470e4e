import { RecordValidationError } from './recordSchema';

/**
 * The mandatory fields a refused write left empty, when nothing else stopped it: the structured
 * refusal a quick action (stage change, new deal, board drag) turns into "fill in these fields".
 * Undefined when the error is anything else, or also names a problem that filling fields cannot fix.
 */
export function missingFieldIds(error: unknown): string[] | undefined {
  if (!(error instanceof RecordValidationError) || error.issues.length === 0) return undefined;
  const ids: string[] = [];
  for (const issue of error.issues) {
    if (issue.code !== 'required' || !issue.fieldId) return undefined;
    if (!ids.includes(issue.fieldId)) ids.push(issue.fieldId);
  }
  return ids;
}
