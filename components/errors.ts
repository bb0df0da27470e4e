import { RecordValidationError, describeIssue } from '../storage/model/recordSchema';
import { t } from '../i18n';

/** The error and what it wraps: Dexie keeps IndexedDB's DOMException in `inner`, others use `cause`. */
function chain(error: unknown): { name?: unknown; message?: unknown }[] {
  const out: { name?: unknown; message?: unknown }[] = [];
  for (let e = error; e && typeof e === 'object' && out.length < 8; e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause) {
    out.push(e as { name?: unknown; message?: unknown });
  }
  return out;
}

const isQuota = (e: { name?: unknown; message?: unknown }) =>
  e.name === 'QuotaExceededError' || (typeof e.message === 'string' && /quota/i.test(e.message));
/** The connection was closed under this page: another tab upgraded or deleted the database. */
const CLOSED = new Set(['DatabaseClosedError', 'VersionError', 'VersionChangeError']);

/** Turns any failed write into sentences for the person who tried it. */
export function describeError(error: unknown): string[] {
  if (error instanceof RecordValidationError) return error.issues.map(describeIssue);
  const causes = chain(error);
  if (causes.some(isQuota)) return [t('errors.quota')];
  if (causes.some((e) => typeof e.name === 'string' && CLOSED.has(e.name))) return [t('errors.dbClosed')];
  if (error instanceof Error) return [error.message];
  return [String(error)];
}
