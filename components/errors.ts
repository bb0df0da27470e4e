import { RecordValidationError, describeIssue } from '../storage/model/recordSchema';

/** Turns any failed write into sentences for the person who tried it. */
export function describeError(error: unknown): string[] {
  if (error instanceof RecordValidationError) return error.issues.map(describeIssue);
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) {
      return ['The browser has no room left for Threadline’s data. Free disk space or clear other sites’ data, then try again. Nothing was saved.'];
    }
    return [error.message];
  }
  return [String(error)];
}
