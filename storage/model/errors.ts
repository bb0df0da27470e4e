/**
 * The refusals storage can name, each worded by the UI (components/errors.ts describeError) in the
 * user's language from its code and params. `message` stays English, for logs and tests.
 */
export const STORAGE_ERROR_CODES = [
  'notFound', // params: entity ('folder' | 'view' | 'record' | 'field' | 'pipeline' | 'task'), id
  'builtInFolder', // params: folder
  'folderLinked', // params: folder, names
  'lastPipeline',
  'stageInUse', // params: count, stage
  'pipelineInUse', // params: count, pipeline
  'mergeNeedsOther',
  'mergeSameFolder',
  'mergeChoiceOutside', // params: field
  'csvEmpty',
  'csvUnreadable', // the browser could not read the file (the parser's own text stays in `message`)
  // A CSV past storage/csv/limits.ts CSV_LIMITS; params: max, row (the spreadsheet's row number, when one row is at fault)
  'csvTooBig',
  'csvHeaderTooLong',
  'csvTooManyColumns',
  'csvCellTooLong',
  'csvRowTooLong',
  'csvTooManyRows',
  'importForgotten',
  'importStatus', // params: status
  'importElsewhere', // params: row
  'importColumnsDiffer',
  // A folder, view, pipeline, field, activity or rule that its schema refused (storage/model/inputErrors.ts);
  // params: subject (InputSubject), n (which stage, option or rule, from 1), issue (IssueCode) and that params
  'invalidInput',
  // field admin
  'fieldSetup', // params: field (its label), issue (IssueCode) and that params
  'formulaSetup', // the same, for the field's formula: 'The formula of Net ends too early'
  'optionsInUse', // params: count, options
  'titleField', // params: field, folder
  'titleFieldType', // params: field, folder
  'formulaUsesField', // params: field, formulas
  // views
  'viewUnknownFields', // params: view, count
  'viewBadFilter', // params: op, field
  'viewBoardField', // params: view
  // activities
  'activityNotEmail',
  // automations and reminders
  'ruleNeedsDealField', // params: rule
  'ruleFieldComputed', // params: rule, field
  'ruleNeedsValue', // params: rule, field
  'ruleBadValue', // params: rule, field, issue (IssueCode) and that params
  'ruleStageGone', // params: rule
  'ruleFieldGone', // params: rule
  'ruleConditionIncomplete', // params: rule, field
  'reminderNeedsDateField', // params: rule
  /** A refusal without its own code: `detail` holds English text for logs; the UI says only that it was refused. */
  'invalid',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];
export type StorageErrorParams = Record<string, string | number>;

/**
 * The parameters each code's wording uses (an issue's own params come with `issue`, see
 * ISSUE_PARAMS). A new code must be listed: tests/unit/errorCatalogues.test.ts renders every code
 * in every language with these and checks that each one changes the sentence.
 */
export const STORAGE_ERROR_PARAMS: { readonly [C in StorageErrorCode]: readonly string[] } = {
  notFound: [], builtInFolder: ['folder'], folderLinked: ['folder', 'names'], lastPipeline: [], stageInUse: ['count', 'stage'],
  pipelineInUse: ['count', 'pipeline'], mergeNeedsOther: [], mergeSameFolder: [], mergeChoiceOutside: ['field'], csvEmpty: [], csvUnreadable: [],
  csvTooBig: ['max'], csvHeaderTooLong: ['max'], csvTooManyColumns: ['max', 'row'], csvCellTooLong: ['max', 'row'], csvRowTooLong: ['max', 'row'],
  csvTooManyRows: ['max'], importForgotten: [], importStatus: ['status'], importElsewhere: ['row'], importColumnsDiffer: [],
  invalidInput: ['subject', 'issue'], fieldSetup: ['field', 'issue'], formulaSetup: ['field', 'issue'], optionsInUse: ['count', 'options'], titleField: ['field', 'folder'], titleFieldType: ['field', 'folder'],
  formulaUsesField: ['field', 'formulas'], viewUnknownFields: ['view', 'count'], viewBadFilter: ['op', 'field'], viewBoardField: ['view'],
  activityNotEmail: [], ruleNeedsDealField: ['rule'], ruleFieldComputed: ['rule', 'field'], ruleNeedsValue: ['rule', 'field'],
  ruleBadValue: ['rule', 'field', 'issue'], ruleStageGone: ['rule'], ruleFieldGone: ['rule'], ruleConditionIncomplete: ['rule', 'field'], reminderNeedsDateField: ['rule'], invalid: [],
};

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly params: StorageErrorParams = {},
    message: string = code,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export type MissingEntity = 'folder' | 'view' | 'record' | 'field' | 'pipeline' | 'task';
const ENTITY_EN: Record<MissingEntity, string> = { folder: 'Folder', view: 'View', record: 'Record', field: 'Field', pipeline: 'Pipeline', task: 'Task' };

/** What a caller asked for is gone (deleted here, or by another tab or device). */
export class NotFoundError extends StorageError {
  constructor(entity: MissingEntity, id: string) {
    super('notFound', { entity, id }, `${ENTITY_EN[entity]} ${id} does not exist (it may have been deleted)`);
    this.name = 'NotFoundError';
  }
}
