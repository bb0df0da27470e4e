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
  /** A refusal without its own code yet: `detail` holds the English text. */
  'invalid',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];
export type StorageErrorParams = Record<string, string | number>;

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
