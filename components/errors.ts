import { RecordValidationError, describeIssue } from '../storage/model/recordSchema';
import { t } from './i18n';

/** Turns any failed write into sentences for the person who tried it. */
export function describeError(error: unknown): string[] {
  if (error instanceof RecordValidationError) return error.issues.map(describeIssue);
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) {
      return [t('errors.quota')];
    }
    return [error.message];
  }
  return [String(error)];
}
