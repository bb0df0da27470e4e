import { RecordValidationError } from '../storage/model/recordSchema';
import type { IssueCode, IssueParams, RecordIssue } from '../storage/model/issues';
import { StorageError, type MissingEntity, type StorageErrorCode, type StorageErrorParams } from '../storage/model/errors';
import type { RowIssue } from '../storage/csv/convert';
import { t } from '../i18n';
import { formatCount } from './format';

const text = (v: string | number | undefined) => (typeof v === 'number' ? formatCount(v) : (v ?? ''));
const megabytes = (bytes: string | number | undefined) => formatCount(Math.floor(Number(bytes) / (1024 * 1024)));

/** Each code's predicate in the UI language; the compiler names a code without wording. */
const PROBLEM: { [C in IssueCode]: (p: IssueParams) => string } = {
  required: () => t('issue.required'),
  unknownField: (p) => t('issue.unknownField', { folder: text(p.folder) }),
  computed: () => t('issue.computed'),
  tooLong: (p) => t('issue.tooLong', { max: text(p.max) }),
  tooMany: (p) => t('issue.tooMany', { max: text(p.max) }),
  notANumber: () => t('issue.notANumber'),
  invalidCurrency: () => t('issue.invalidCurrency'),
  invalidDate: () => t('issue.invalidDate'),
  invalidEmail: () => t('issue.invalidEmail'),
  invalidPhone: () => t('issue.invalidPhone'),
  invalidUrl: () => t('issue.invalidUrl'),
  notBoolean: () => t('issue.notBoolean'),
  unknownOption: () => t('issue.unknownOption'),
  unknownStage: () => t('issue.unknownStage'),
  wrongType: () => t('issue.wrongType'),
  autoNumberSet: () => t('issue.autoNumberSet'),
  autoNumberChanged: () => t('issue.autoNumberChanged'),
  notRecordId: () => t('issue.notRecordId'),
  autoFilled: () => t('issue.autoFilled'),
  fieldGone: () => t('issue.fieldGone'),
  otherFolder: (p) => t('issue.otherFolder', { folder: text(p.folder) }),
  notComputedImport: () => t('issue.notComputedImport'),
  notAnAmount: () => t('issue.notAnAmount'),
  unreadableDate: () => t('issue.unreadableDate'),
  notYesNo: () => t('issue.notYesNo'),
  tooManyParts: () => t('issue.tooManyParts'),
  notAnAddress: () => t('issue.notAnAddress'),
  socialsShape: () => t('issue.socialsShape'),
  notAStage: () => t('issue.notAStage'),
  linkNotFound: (p) => t('issue.linkNotFound', { folder: text(p.folder) }),
  linkAmbiguous: (p) => t('issue.linkAmbiguous', { count: text(p.count), first: text(p.first), second: text(p.second) }),
  linkCannotCreate: (p) => t('issue.linkCannotCreate', { folder: text(p.folder), field: text(p.field) }),
  noEquivalent: () => t('issue.noEquivalent'),
  notALinkedRecord: () => t('issue.notALinkedRecord'),
  invalid: (p) => (p.detail !== undefined ? t('issue.invalidDetail', { detail: text(p.detail) }) : t('issue.invalid')),
};

/**
 * A refusal without its subject: "is required", or `"x@" is not an email address` when it names
 * the offending value. The import report and a type change's report show it beside the column.
 */
export function describeProblem({ code, params = {} }: { code: IssueCode; params?: IssueParams }): string {
  const problem = PROBLEM[code](params);
  return params.value !== undefined ? t('issue.quoted', { value: text(params.value), problem }) : problem;
}

/** "First name is required" in the user's language. */
export function describeIssue(issue: RecordIssue): string {
  return t('issue.sentence', { label: issue.label || t('issue.record'), problem: describeProblem(issue) });
}

/** An import report's reason column. */
export const describeRowIssue = (issue: RowIssue) => describeProblem(issue);

const NOT_FOUND: { [E in MissingEntity]: () => string } = {
  folder: () => t('storage.notFound.folder'),
  view: () => t('storage.notFound.view'),
  record: () => t('storage.notFound.record'),
  field: () => t('storage.notFound.field'),
  pipeline: () => t('storage.notFound.pipeline'),
  task: () => t('storage.notFound.task'),
};
const IMPORT_STATUS: Record<string, () => string> = {
  running: () => t('storage.importStatus.running'),
  stopped: () => t('storage.importStatus.stopped'),
  done: () => t('storage.importStatus.done'),
};

/** Each storage refusal in the user's language; `message` (English) is never shown. */
const STORAGE_TEXT: { [C in StorageErrorCode]: (p: StorageErrorParams, message: string) => string } = {
  notFound: (p) => (NOT_FOUND[p.entity as MissingEntity] ?? NOT_FOUND.record)(),
  builtInFolder: (p) => t('storage.builtInFolder', { folder: text(p.folder) }),
  folderLinked: (p) => t('storage.folderLinked', { folder: text(p.folder), names: text(p.names) }),
  lastPipeline: () => t('storage.lastPipeline'),
  stageInUse: (p) => t('storage.stageInUse', { count: text(p.count), stage: text(p.stage) }),
  pipelineInUse: (p) => t('storage.pipelineInUse', { count: text(p.count), pipeline: text(p.pipeline) }),
  mergeNeedsOther: () => t('storage.mergeNeedsOther'),
  mergeSameFolder: () => t('storage.mergeSameFolder'),
  mergeChoiceOutside: (p) => t('storage.mergeChoiceOutside', { field: text(p.field) }),
  csvEmpty: () => t('storage.csvEmpty'),
  csvTooBig: (p) => t('storage.csvTooBig', { max: megabytes(p.max) }),
  csvHeaderTooLong: (p) => t('storage.csvHeaderTooLong', { max: text(p.max) }),
  csvTooManyColumns: (p) => (p.row === 1 ? t('storage.csvTooManyHeaders', { max: text(p.max) }) : t('storage.csvTooManyColumns', { max: text(p.max), row: text(p.row) })),
  csvCellTooLong: (p) => t('storage.csvCellTooLong', { max: text(p.max), row: text(p.row) }),
  csvRowTooLong: (p) => t('storage.csvRowTooLong', { max: text(p.max), row: text(p.row) }),
  csvTooManyRows: (p) => t('storage.csvTooManyRows', { max: text(p.max) }),
  importForgotten: () => t('storage.importForgotten'),
  importStatus: (p) => t('storage.importStatus', { status: IMPORT_STATUS[String(p.status)]?.() ?? text(p.status) }),
  importElsewhere: (p) => t('storage.importElsewhere', { row: text(p.row) }),
  importColumnsDiffer: () => t('storage.importColumnsDiffer'),
  // No wording of its own yet: the English text storage gave is better than nothing.
  invalid: (p, message) => (p.detail !== undefined ? String(p.detail) : message),
};

/** A storage refusal's code and params (thrown, or kept on an import job) in the user's language. */
export function describeStorageError(code: StorageErrorCode, params: StorageErrorParams = {}, message = ''): string {
  return STORAGE_TEXT[code](params, message);
}

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
  if (error instanceof StorageError) return [describeStorageError(error.code, error.params, error.message)];
  const causes = chain(error);
  if (causes.some(isQuota)) return [t('errors.quota')];
  if (causes.some((e) => typeof e.name === 'string' && CLOSED.has(e.name))) return [t('errors.dbClosed')];
  if (error instanceof Error) return [error.message];
  return [String(error)];
}
