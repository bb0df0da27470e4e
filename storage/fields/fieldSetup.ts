import type { ThreadlineDB } from '../db/db';
import type { Field, FieldType } from '../model/field';
import { FIELD_REGISTRY, type FieldTypeSpec } from '../model/fieldRegistry';
import { describeProblemEn, type IssueCode, type IssueParams } from '../model/issues';
import { FormulaError, formulaRefs, parseFormula } from '../model/formula';
import { StorageError, type StorageErrorCode, type StorageErrorParams } from '../model/errors';
import type { FolderSchema } from '../folders/schema';

/** A refused change to a folder's fields: `message` is English (logs, tests); the UI words `code` and `params` for the person who asked. */
export class FieldAdminError extends StorageError {
  constructor(message: string, code: StorageErrorCode, params: StorageErrorParams = {}) {
    super(code, params, message);
    this.name = 'FieldAdminError';
  }
}

/** What is wrong with a field's settings, as a code the UI words (components/errors.ts). */
export type FieldProblem = { code: IssueCode; params?: IssueParams };
type Setup = (db: ThreadlineDB, field: Field, schema: FolderSchema) => Promise<FieldProblem | undefined> | FieldProblem | undefined;

/**
 * What each type needs configured before it can exist: a typed table over every FieldType, so a
 * new type is named here by the compiler too. Returns the problem, or undefined.
 */
export const FIELD_SETUP: { [T in FieldType]: Setup | null } = {
  text: null, longText: null, number: null, autoNumber: null, percent: null, currency: null, date: null, checkbox: null,
  multiDropdown: null, user: null, email: null, phone: null, url: null, address: null, socials: null, stage: null,
  dropdown: null,
  link: async (db, field) =>
    field.settings.targetFolderId && (await db.folders.get(field.settings.targetFolderId)) ? undefined : { code: 'needsLinkFolder' },
  formula: (_db, field, schema) => formulaProblem(field.settings.expression ?? '', schema.fields.filter((f) => f.id !== field.id)),
  statistic: (_db, field) => (field.settings.statistic ? undefined : { code: 'needsStatistic' }),
};

/** A formula's parse error, or a reference to a key that is not a number-like field of the folder. */
export function formulaProblem(expression: string, fields: readonly Field[]): FieldProblem | undefined {
  if (!expression.trim()) return { code: 'formulaEmpty' };
  try {
    const refs = formulaRefs(parseFormula(expression));
    for (const key of refs) {
      const input = fields.find((f) => f.key === key);
      if (!input) return { code: 'formulaUnknownKey', params: { key } };
      if (!(FIELD_REGISTRY[input.type] as FieldTypeSpec<unknown>).toNumber) return { code: 'formulaNotNumber', params: { key } };
      // Formulas read stored values; a computed input has none, so the result would always be blank.
      if (FIELD_REGISTRY[input.type].computed) return { code: 'formulaComputedInput', params: { key } };
    }
    return undefined;
  } catch (e) {
    if (e instanceof FormulaError) return { code: e.code, params: e.params };
    throw e;
  }
}

/** A field whose settings are incomplete or wrong: "Weighted amount needs a statistic to show". */
export function setupError(label: string, { code, params = {} }: FieldProblem): FieldAdminError {
  const formula = code.startsWith('formula');
  const message = `${formula ? `The formula of ${label}` : label} ${describeProblemEn(code, params)}`;
  return new FieldAdminError(message, formula ? 'formulaSetup' : 'fieldSetup', { ...params, field: label, issue: code });
}
