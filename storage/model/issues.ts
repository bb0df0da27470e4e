import { z } from 'zod';

/**
 * Why storage refused a value, as a code the UI words in the user's language (components/errors.ts).
 * Storage never writes the sentence a person reads: it names the problem and its parameters.
 * The same codes serve record validation and CSV cells (a CSV reason names no field: the report
 * shows the column beside it).
 */
export const ISSUE_CODES = [
  // record validation
  'required',
  'unknownField', // params: folder
  'computed',
  'fromLines', // a deal's amount while it has line items
  'lineCurrency', // a line (labelled by its product) priced in another currency; params: lineCurrency, dealCurrency
  'tooLong', // params: max
  'tooMany', // params: max
  'notANumber',
  'invalidCurrency',
  'invalidDate',
  'invalidEmail',
  'invalidPhone',
  'invalidUrl',
  'notBoolean',
  'unknownOption',
  'unknownStage',
  'wrongType', // params: expected (zod's type name, for logs)
  'autoNumberSet',
  'autoNumberChanged',
  // CSV cells (params.value, when set, is the offending text or list item)
  'notRecordId',
  'autoFilled',
  'fieldGone',
  'otherFolder', // params: folder
  'notComputedImport',
  'notAnAmount',
  'unreadableDate',
  'dateNotInOrder', // params: value, order ('dmy' | 'mdy', the order the import reads dates in)
  'noSuchDay', // params: value (31/02/2024)
  'notYesNo',
  'tooManyParts',
  'notAnAddress',
  'socialsShape',
  'notAStage',
  'linkNotFound', // params: value, folder
  'linkAmbiguous', // params: value, first, second (the candidates' titles), count
  'linkCannotCreate', // params: value, folder, field (the target's field that refused)
  // field type changes (params.value as for CSV cells)
  'noEquivalent',
  'notALinkedRecord',
  // zod's own checks on folders, views, pipelines, fields, activities and rules (read by issueFromZod)
  'tooShort', // params: min
  'tooFew', // params: min (2 or more)
  'emptyList',
  'tooSmall', // params: min
  'tooBig', // params: max
  'notInteger',
  'badFormat',
  'unknownKind',
  'duplicate',
  'unknownPart', // params: value (the parts' names)
  // field settings
  'needsLinkFolder',
  'needsStatistic',
  'computedMandatory',
  // formulas (storage/model/formula.ts, storage/fields/fieldsAdmin.ts formulaProblem)
  'formulaEmpty',
  'formulaUnknownKey', // params: key
  'formulaNotNumber', // params: key
  'formulaComputedInput', // params: key
  'formulaUnexpected', // params: char, position
  'formulaEndsEarly',
  'formulaTooDeep', // params: max
  'formulaMissingParen',
  'formulaTrailing',
  /** Anything else; `detail` keeps zod's own text for logs (the UI never shows it). */
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
export type IssueParams = Record<string, string | number>;

/**
 * The parameters each code's wording uses, besides `value` (any code may name the offending
 * value). A new code must be listed here: tests/unit/errorCatalogues.test.ts renders every code in
 * every language with these and checks each one appears.
 */
export const ISSUE_PARAMS: { readonly [C in IssueCode]: readonly string[] } = {
  required: [], unknownField: ['folder'], computed: [], fromLines: [], lineCurrency: ['lineCurrency', 'dealCurrency'], tooLong: ['max'], tooMany: ['max'], notANumber: [], invalidCurrency: [],
  invalidDate: [], invalidEmail: [], invalidPhone: [], invalidUrl: [], notBoolean: [], unknownOption: [], unknownStage: [],
  wrongType: [], autoNumberSet: [], autoNumberChanged: [], notRecordId: [], autoFilled: [], fieldGone: [], otherFolder: ['folder'],
  notComputedImport: [], notAnAmount: [], unreadableDate: [], dateNotInOrder: [], noSuchDay: [], notYesNo: [], tooManyParts: [], notAnAddress: [], socialsShape: [],
  notAStage: [], linkNotFound: ['folder'], linkAmbiguous: ['count', 'first', 'second'], linkCannotCreate: ['folder', 'field'],
  noEquivalent: [], notALinkedRecord: [],
  tooShort: ['min'], tooFew: ['min'], emptyList: [], tooSmall: ['min'], tooBig: ['max'], notInteger: [], badFormat: [], unknownKind: [], duplicate: [], unknownPart: [],
  needsLinkFolder: [], needsStatistic: [], computedMandatory: [],
  formulaEmpty: [], formulaUnknownKey: ['key'], formulaNotNumber: ['key'], formulaComputedInput: ['key'],
  formulaUnexpected: ['char', 'position'], formulaEndsEarly: [], formulaTooDeep: ['max'], formulaMissingParen: [], formulaTrailing: [],
  invalid: [],
};

/**
 * The parts of a compound value a refusal can name (`params.part`): the UI words them, so a Spanish
 * page reads "Dirección (ciudad)", not the property's English name.
 */
export const VALUE_PARTS = ['street', 'city', 'region', 'postalCode', 'country', 'amount', 'currency'] as const;
export type ValuePart = (typeof VALUE_PARTS)[number];
const PARTS = new Set<string>(VALUE_PARTS);
export const isValuePart = (s: unknown): s is ValuePart => typeof s === 'string' && PARTS.has(s);
const PART_EN: { [P in ValuePart]: string } = {
  street: 'street', city: 'city', region: 'region', postalCode: 'postal code', country: 'country', amount: 'amount', currency: 'currency',
};

/** One refused field of a record; `label` is the field's label (data, not wording). */
export type RecordIssue = { fieldId?: string; label: string; code: IssueCode; params?: IssueParams };

export const issueParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const CODES = new Set<string>(ISSUE_CODES);
export const isIssueCode = (s: unknown): s is IssueCode => typeof s === 'string' && CODES.has(s);

/**
 * A zod issue as a code. The registry's schemas carry an IssueCode as their message; zod's own
 * checks (types, sizes) are read from the issue; anything else keeps its text as `detail`.
 */
export function issueFromZod(issue: z.core.$ZodIssue | undefined): { code: IssueCode; params?: IssueParams } {
  if (!issue) return { code: 'invalid' };
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
    return { code: issue.origin === 'string' ? 'tooLong' : 'tooMany', params: { max: Number(issue.maximum) } };
  }
  if (isIssueCode(issue.message)) return { code: issue.message };
  return zodCheck(issue) ?? { code: 'invalid', params: { detail: issue.message } };
}

/** zod's built-in checks (sizes, ranges, integers, patterns, choices) as codes. */
function zodCheck(issue: z.core.$ZodIssue): { code: IssueCode; params?: IssueParams } | undefined {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? { code: 'emptyList' } : { code: 'tooFew', params: { min } };
      return issue.origin === 'number' || issue.origin === 'bigint' ? { code: 'tooSmall', params: { min } } : undefined;
    }
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'bigint' ? { code: 'tooBig', params: { max: Number(issue.maximum) } } : undefined;
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'notInteger' };
      if (issue.expected === 'number') return { code: 'notANumber' };
      return { code: 'wrongType', params: { expected: String(issue.expected) } };
    case 'invalid_format':
      return { code: 'badFormat' };
    case 'invalid_value':
      return { code: 'unknownOption' };
    case 'unrecognized_keys':
      // Inside a value (an address, socials): the names are the caller's; a record's own extra keys are unknownField.
      return { code: 'unknownPart', params: { value: issue.keys.join(', ').slice(0, 120) } };
    case 'invalid_union':
      // A discriminated union (rules, activities) met a kind it does not list: a newer device's, or a typo.
      return issue.discriminator !== undefined ? { code: 'unknownKind' } : undefined;
    default:
      return undefined;
  }
}

const en = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en') : String(n ?? ''));

/** English predicates, for logs and Error.message only; people read components/errors.ts's wording. */
const EN: { [C in IssueCode]: (p: IssueParams) => string } = {
  required: () => 'is required',
  unknownField: (p) => `is not a field of ${en(p.folder)}`,
  computed: () => 'is computed and cannot be set',
  fromLines: () => 'is the sum of the deal’s products and cannot be typed',
  lineCurrency: (p) => `is priced in ${en(p.lineCurrency)} and the deal in ${en(p.dealCurrency)}: convert its price to ${en(p.dealCurrency)} first`,
  tooLong: (p) => `is longer than ${en(p.max)} characters`,
  tooMany: (p) => `holds more than ${en(p.max)} items`,
  notANumber: () => 'is not a number',
  invalidCurrency: () => 'needs a 3-letter ISO currency code such as EUR',
  invalidDate: () => 'must be a date written YYYY-MM-DD',
  invalidEmail: () => 'is not an email address',
  invalidPhone: () => 'is not a phone number',
  invalidUrl: () => 'is not an http(s) address',
  notBoolean: () => 'must be true or false',
  unknownOption: () => 'is not one of the options',
  unknownStage: () => 'is not a stage of a pipeline in this workspace',
  wrongType: () => 'has a value of the wrong kind',
  autoNumberSet: () => 'is numbered automatically and cannot be set',
  autoNumberChanged: () => 'is numbered automatically and cannot be changed',
  notRecordId: () => 'is not a Threadline record id',
  autoFilled: () => 'is filled in automatically and cannot be imported',
  fieldGone: () => 'is mapped to a field that no longer exists',
  otherFolder: (p) => `is a record of another folder, not ${en(p.folder)}`,
  notComputedImport: () => 'is computed and cannot be imported',
  notAnAmount: () => 'is not an amount',
  unreadableDate: () => 'is not a date (use YYYY-MM-DD or DD/MM/YYYY)',
  dateNotInOrder: (p) => `is not a date (write it as ${p.order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'} or YYYY-MM-DD)`,
  noSuchDay: () => 'is not a day of the calendar',
  notYesNo: () => 'is not yes/no',
  tooManyParts: () => 'has more than 5 parts (street | city | region | postal code | country)',
  notAnAddress: () => 'is not an address',
  socialsShape: () => 'should look like "linkedin: <address>"',
  notAStage: () => 'is not a pipeline stage',
  linkNotFound: (p) => `matches no record of ${en(p.folder)} (keep “create missing” on to add it)`,
  linkAmbiguous: (p) =>
    `matches ${en(p.count)} records: ${en(p.first)} and ${en(p.second)}; write one of them more exactly (an email or domain) or use the Threadline ID column`,
  linkCannotCreate: (p) => `cannot be added to ${en(p.folder)}: ${en(p.field)} must be filled there`,
  noEquivalent: () => 'has no equivalent in the new type',
  notALinkedRecord: () => 'is not a record of the linked folder',
  tooShort: (p) => `is shorter than ${en(p.min)} characters`,
  tooFew: (p) => `needs at least ${en(p.min)} items`,
  emptyList: () => 'needs at least one item',
  tooSmall: (p) => `must be at least ${en(p.min)}`,
  tooBig: (p) => `must be at most ${en(p.max)}`,
  notInteger: () => 'must be a whole number',
  badFormat: () => 'is not written in the expected format',
  unknownKind: () => 'is of a kind this version of Threadline does not know',
  duplicate: () => 'lists the same item more than once',
  unknownPart: () => 'is not a part this value can have',
  needsLinkFolder: () => 'needs a folder to link to',
  needsStatistic: () => 'needs a statistic to show',
  computedMandatory: () => 'is computed and cannot be mandatory',
  formulaEmpty: () => 'needs a formula, e.g. amount * probability',
  formulaUnknownKey: (p) => `uses "${en(p.key)}", which is not a field of this folder`,
  formulaNotNumber: (p) => `uses "${en(p.key)}", which is not a number`,
  formulaComputedInput: (p) => `uses "${en(p.key)}", which is computed itself`,
  formulaUnexpected: (p) => `has an unexpected "${en(p.char)}" at position ${en(p.position)}`,
  formulaEndsEarly: () => 'ends too early',
  formulaTooDeep: (p) => `nests parentheses more than ${en(p.max)} deep`,
  formulaMissingParen: () => 'is missing a ")"',
  formulaTrailing: () => 'has text after its end',
  invalid: (p) => (p.detail !== undefined ? `is not valid (${en(p.detail)})` : 'is not valid'),
};

/** The problem without its subject, in English: `"x@" is not an email address` when a value is named. */
export function describeProblemEn(code: IssueCode, params: IssueParams = {}): string {
  const problem = EN[code](params);
  return params.value !== undefined ? `"${params.value}" ${problem}` : problem;
}

/** "First name is required": for sync logs and Error.message, never for the UI. */
export function describeIssueEn(issue: RecordIssue): string {
  const part = issue.params?.part;
  const label = `${issue.label || 'Record'}${isValuePart(part) ? ` (${PART_EN[part]})` : ''}`;
  return `${label}${issue.params?.value !== undefined ? ':' : ''} ${describeProblemEn(issue.code, issue.params)}`;
}
