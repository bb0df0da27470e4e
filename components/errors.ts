import { RecordValidationError } from '../storage/model/recordSchema';
import { isValuePart, type IssueCode, type IssueParams, type RecordIssue, type ValuePart } from '../storage/model/issues';
import { StorageError, type MissingEntity, type StorageErrorCode, type StorageErrorParams } from '../storage/model/errors';
import type { RowIssue } from '../storage/csv/convert';
import { INPUT_SUBJECTS, issueInParams, type InputSubject } from '../storage/model/inputErrors';
import { isClosedConnection } from '../storage/queries/inBackground';
import { getLocale, t } from '../i18n';
import { formatCount } from './format';
import { opLabel } from './crm/labels';

const text = (v: string | number | undefined) => (typeof v === 'number' ? formatCount(v) : (v ?? ''));
const megabytes = (bytes: string | number | undefined) => formatCount(Math.floor(Number(bytes) / (1024 * 1024)));

/** Each code's predicate in the UI language; the compiler names a code without wording. */
const PROBLEM: { [C in IssueCode]: (p: IssueParams) => string } = {
  required: () => t('issue.required'),
  unknownField: (p) => t('issue.unknownField', { folder: text(p.folder) }),
  computed: () => t('issue.computed'),
  fromLines: () => t('issue.fromLines'),
  lineCurrency: (p) => t('issue.lineCurrency', { lineCurrency: text(p.lineCurrency), dealCurrency: text(p.dealCurrency) }),
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
  dateNotInOrder: (p) => t('issue.dateNotInOrder', { format: p.order === 'mdy' ? t('issue.dateFormatMdy') : t('issue.dateFormatDmy') }),
  noSuchDay: () => t('issue.noSuchDay'),
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
  tooShort: (p) => t('issue.tooShort', { min: text(p.min) }),
  tooFew: (p) => t('issue.tooFew', { min: text(p.min) }),
  emptyList: () => t('issue.emptyList'),
  tooSmall: (p) => t('issue.tooSmall', { min: text(p.min) }),
  tooBig: (p) => t('issue.tooBig', { max: text(p.max) }),
  notInteger: () => t('issue.notInteger'),
  badFormat: () => t('issue.badFormat'),
  unknownKind: () => t('issue.unknownKind'),
  duplicate: () => t('issue.duplicate'),
  unknownPart: () => t('issue.unknownPart'),
  needsLinkFolder: () => t('issue.needsLinkFolder'),
  needsStatistic: () => t('issue.needsStatistic'),
  computedMandatory: () => t('issue.computedMandatory'),
  formulaEmpty: () => t('issue.formulaEmpty'),
  formulaUnknownKey: (p) => t('issue.formulaUnknownKey', { key: text(p.key) }),
  formulaNotNumber: (p) => t('issue.formulaNotNumber', { key: text(p.key) }),
  formulaComputedInput: (p) => t('issue.formulaComputedInput', { key: text(p.key) }),
  formulaUnexpected: (p) => t('issue.formulaUnexpected', { char: text(p.char), position: text(p.position) }),
  formulaEndsEarly: () => t('issue.formulaEndsEarly'),
  formulaTooDeep: (p) => t('issue.formulaTooDeep', { max: text(p.max) }),
  formulaMissingParen: () => t('issue.formulaMissingParen'),
  formulaTrailing: () => t('issue.formulaTrailing'),
  // zod's own text (`detail`) is English, for logs: the page only says the value was refused.
  invalid: () => t('issue.invalid'),
};

/**
 * A refusal without its subject: "is required", or `"x@" is not an email address` when it names
 * the offending value. The import report and a type change's report show it beside the column.
 */
export function describeProblem({ code, params = {} }: { code: IssueCode; params?: IssueParams }): string {
  const problem = PROBLEM[code](params);
  return params.value !== undefined ? t('issue.quoted', { value: text(params.value), problem }) : problem;
}

const PART: { [P in ValuePart]: () => string } = {
  street: () => t('part.street'), city: () => t('part.city'), region: () => t('part.region'), postalCode: () => t('part.postalCode'),
  country: () => t('part.country'), amount: () => t('part.amount'), currency: () => t('part.currency'),
};

/** "First name is required" in the user's language. */
export function describeIssue(issue: RecordIssue): string {
  const part = issue.params?.part;
  const label = isValuePart(part) ? t('issue.withPart', { label: issue.label, part: PART[part]() }) : issue.label || t('issue.record');
  // A quoted value between label and predicate reads as one phrase; the colon keeps them apart: 'Emails: "ada@" is not…'.
  return t(issue.params?.value !== undefined ? 'issue.sentenceValue' : 'issue.sentence', { label, problem: describeProblem(issue) });
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

const SUBJECT: { [S in InputSubject]: (n: number) => string } = {
  folder: () => t('subject.folder'), folderName: () => t('subject.folderName'), folderIcon: () => t('subject.folderIcon'),
  view: () => t('subject.view'), viewName: () => t('subject.viewName'),
  pipeline: () => t('subject.pipeline'), pipelineName: () => t('subject.pipelineName'), stages: () => t('subject.stages'),
  stage: (n) => t('subject.stage', { n }), stageName: (n) => t('subject.stageName', { n }),
  stageProbability: (n) => t('subject.stageProbability', { n }), stageColor: (n) => t('subject.stageColor', { n }),
  field: () => t('subject.field'), fieldLabel: () => t('subject.fieldLabel'), options: () => t('subject.options'),
  option: (n) => t('subject.option', { n }), optionLabel: (n) => t('subject.optionLabel', { n }), optionColor: (n) => t('subject.optionColor', { n }),
  formula: () => t('subject.formula'), defaultCurrency: () => t('subject.defaultCurrency'),
  activity: () => t('subject.activity'), noteText: () => t('subject.noteText'), callNotes: () => t('subject.callNotes'),
  meetingTitle: () => t('subject.meetingTitle'), taskTitle: () => t('subject.taskTitle'), activityRecords: () => t('subject.activityRecords'),
  rules: () => t('subject.rules'), rule: (n) => t('subject.rule', { n }), ruleName: (n) => t('subject.ruleName', { n }),
  ruleTaskTitle: (n) => t('subject.ruleTaskTitle', { n }), ruleTaskDue: (n) => t('subject.ruleTaskDue', { n }),
  reminders: () => t('subject.reminders'), reminder: (n) => t('subject.reminder', { n }), reminderName: (n) => t('subject.reminderName', { n }),
  reminderDays: (n) => t('subject.reminderDays', { n }),
  template: () => t('subject.template'), templateName: () => t('subject.templateName'), templateSubject: () => t('subject.templateSubject'),
  templateBody: () => t('subject.templateBody'), templateLanguage: () => t('subject.templateLanguage'),
  activityTime: () => t('subject.activityTime'), duration: () => t('subject.duration'), meetingNotes: () => t('subject.meetingNotes'),
  callOutcome: () => t('subject.callOutcome'), attendees: () => t('subject.attendees'), callOutcomes: () => t('subject.callOutcomes'),
  callOutcomeItem: (n) => t('subject.callOutcomeItem', { n }), callOutcomeLabel: (n) => t('subject.callOutcomeLabel', { n }),
};
const SUBJECTS = new Set<string>(INPUT_SUBJECTS);

/** "The name of stage 2" in the user's language; an unknown subject (a newer device's) is the whole thing. */
export const describeSubject = (subject: string, n: number): string => (SUBJECTS.has(subject) ? SUBJECT[subject as InputSubject] : SUBJECT.field)(n);

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
  csvUnreadable: () => t('storage.csvUnreadable'),
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
  invalidInput: (p) => t('storage.invalidInput', { subject: describeSubject(String(p.subject), Number(p.n)), problem: describeProblem(issueInParams('invalidInput', p)) }),
  fieldSetup: (p) => t('storage.fieldSetup', { field: text(p.field), problem: describeProblem(issueInParams('fieldSetup', p)) }),
  formulaSetup: (p) => t('storage.formulaSetup', { field: text(p.field), problem: describeProblem(issueInParams('formulaSetup', p)) }),
  optionsInUse: (p) => t('storage.optionsInUse', { count: text(p.count), options: text(p.options) }),
  titleField: (p) => t('storage.titleField', { field: text(p.field), folder: text(p.folder) }),
  titleFieldType: (p) => t('storage.titleFieldType', { field: text(p.field), folder: text(p.folder) }),
  formulaUsesField: (p) => t('storage.formulaUsesField', { field: text(p.field), formulas: text(p.formulas) }),
  viewUnknownFields: (p) => t('storage.viewUnknownFields', { view: text(p.view), count: text(p.count) }),
  viewBadFilter: (p) => t('storage.viewBadFilter', { op: opLabel(String(p.op)), field: text(p.field) }),
  viewBoardField: (p) => t('storage.viewBoardField', { view: text(p.view) }),
  activityNotEmail: () => t('storage.activityNotEmail'),
  ruleNeedsDealField: (p) => t('storage.ruleNeedsDealField', { rule: text(p.rule) }),
  ruleFieldComputed: (p) => t('storage.ruleFieldComputed', { rule: text(p.rule), field: text(p.field) }),
  ruleNeedsValue: (p) => t('storage.ruleNeedsValue', { rule: text(p.rule), field: text(p.field) }),
  ruleBadValue: (p) => t('storage.ruleBadValue', { rule: text(p.rule), field: text(p.field), problem: describeProblem(issueInParams('ruleBadValue', p)) }),
  ruleStageGone: (p) => t('storage.ruleStageGone', { rule: text(p.rule) }),
  ruleFieldGone: (p) => t('storage.ruleFieldGone', { rule: text(p.rule) }),
  ruleConditionIncomplete: (p) => t('storage.ruleConditionIncomplete', { rule: text(p.rule), field: text(p.field) }),
  reminderNeedsDateField: (p) => t('storage.reminderNeedsDateField', { rule: text(p.rule) }),
  // `detail` is English, for logs: the page only says the change was refused.
  invalid: () => t('storage.invalid'),
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

/**
 * A reason that only exists in English (a server's or the browser's own text, a sync engine's
 * log line): shown as is on an English page, as a plain "a problem was reported" elsewhere.
 */
export const foreignText = (english: string): string => (getLocale() === 'en' ? english : t('errors.foreign'));

/**
 * A failure kept as data (a stopped import's code, params and English message) in the user's
 * language: the code when there is one, a full disk recognised by its text, else the English text
 * on an English page only.
 */
export function describeStoredFailure(code: StorageErrorCode | undefined, params: StorageErrorParams | undefined, message: string): string {
  if (code) return describeStorageError(code, params, message);
  if (isQuota({ message })) return t('errors.quota');
  return getLocale() === 'en' ? message : t('errors.unexpected');
}

/** Turns any failed write into sentences for the person who tried it. */
export function describeError(error: unknown): string[] {
  if (error instanceof RecordValidationError) return error.issues.map(describeIssue);
  if (error instanceof StorageError) return [describeStorageError(error.code, error.params, error.message)];
  const causes = chain(error);
  if (causes.some(isQuota)) return [t('errors.quota')];
  if (isClosedConnection(error)) return [t('errors.dbClosed')];
  // Anything else is not a refusal storage words (a bug, a browser failure): its text is English,
  // so only an English page shows it; the others say what happened in their own language.
  console.error(error);
  if (getLocale() !== 'en') return [t('errors.unexpected')];
  return [error instanceof Error ? error.message : String(error)];
}
