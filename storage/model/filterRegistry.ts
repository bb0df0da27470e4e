import type { Field, FieldType } from './field';
import type { FieldValueMap } from './fieldValues';
import type { Pipeline } from './entities';
import { FIELD_REGISTRY, formatAddress, type FieldTypeSpec } from './fieldRegistry';
import { foldText } from './normalize';

/**
 * Which filter operators fit each field type, and how each one tests a value. Kept beside
 * FIELD_REGISTRY and typed over every FieldType, so a new type cannot ship without its filters.
 * Relative date operators store a number of days (or nothing), never a date, so a saved view
 * such as "created this week" stays right as time passes.
 */
export type FilterInput = 'none' | 'text' | 'number' | 'date' | 'days' | 'option' | 'options' | 'stage' | 'record';

export type FilterEnv = {
  /** The moment "today", "this week" and "in the last N days" are measured from. */
  now: number;
  pipelines: readonly Pipeline[];
};

/** `value` is the stored value, never undefined: emptiness is decided by the engine first. */
type Test<V> = (value: V, arg: unknown, field: Field, env: FilterEnv) => boolean;
type OpTable<V> = Record<string, { input: FilterInput; test: Test<V> }>;

export type FilterTypeSpec<V> = {
  /** The operators offered for a field, in menu order (isEmpty/isNotEmpty are added by the engine). */
  ops: (field: Field) => OpTable<V>;
  /** Text a search box matches against (email, phone); absent means the type is not searched. */
  searchText?: (v: V) => string[];
};

const str = (arg: unknown) => foldText(typeof arg === 'string' ? arg : String(arg ?? ''));
const num = (arg: unknown) => (typeof arg === 'number' ? arg : Number(arg));

function textOps<V>(toText: (v: V) => string): OpTable<V> {
  return {
    contains: { input: 'text', test: (v, a) => foldText(toText(v)).includes(str(a)) },
    notContains: { input: 'text', test: (v, a) => !foldText(toText(v)).includes(str(a)) },
    is: { input: 'text', test: (v, a) => foldText(toText(v)) === str(a) },
    isNot: { input: 'text', test: (v, a) => foldText(toText(v)) !== str(a) },
    startsWith: { input: 'text', test: (v, a) => foldText(toText(v)).startsWith(str(a)) },
  };
}

function numberOps<V>(toNum: (v: V) => number): OpTable<V> {
  return {
    eq: { input: 'number', test: (v, a) => toNum(v) === num(a) },
    neq: { input: 'number', test: (v, a) => toNum(v) !== num(a) },
    gt: { input: 'number', test: (v, a) => toNum(v) > num(a) },
    gte: { input: 'number', test: (v, a) => toNum(v) >= num(a) },
    lt: { input: 'number', test: (v, a) => toNum(v) < num(a) },
    lte: { input: 'number', test: (v, a) => toNum(v) <= num(a) },
  };
}

/** Local midnight of the day holding `ms`: "today" is the user's day, not UTC's. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
/** Weeks start on Monday (ISO 8601), as in Spain and Italy. */
export function startOfWeek(ms: number): number {
  const d = new Date(startOfDay(ms));
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).getTime();
}
export function startOfMonth(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}
const addDays = (ms: number, n: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime();
};
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
};
/** "YYYY-MM-DD" read as that day in the user's zone, so it compares with local day bounds. */
export function isoDayToLocal(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}
const argDay = (a: unknown) => (typeof a === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a) ? isoDayToLocal(a) : NaN);

/** Date operators over a point in time; `at` turns the stored value into local milliseconds. */
function dateOps<V>(at: (v: V) => number): OpTable<V> {
  const today = (env: FilterEnv) => startOfDay(env.now);
  return {
    on: { input: 'date', test: (v, a) => startOfDay(at(v)) === argDay(a) },
    before: { input: 'date', test: (v, a) => at(v) < argDay(a) },
    after: { input: 'date', test: (v, a) => at(v) >= addDays(argDay(a), 1) },
    today: { input: 'none', test: (v, _a, _f, env) => startOfDay(at(v)) === today(env) },
    thisWeek: { input: 'none', test: (v, _a, _f, env) => at(v) >= startOfWeek(env.now) && at(v) < addDays(startOfWeek(env.now), 7) },
    thisMonth: { input: 'none', test: (v, _a, _f, env) => at(v) >= startOfMonth(env.now) && at(v) < nextMonth(env.now) },
    inLastDays: { input: 'days', test: (v, a, _f, env) => at(v) >= addDays(today(env), -num(a)) && at(v) <= env.now },
    inNextDays: { input: 'days', test: (v, a, _f, env) => at(v) >= today(env) && at(v) < addDays(today(env), num(a) + 1) },
    olderThanDays: { input: 'days', test: (v, a, _f, env) => at(v) < addDays(today(env), -num(a)) },
    notInLastDays: { input: 'days', test: (v, a, _f, env) => !(at(v) >= addDays(today(env), -num(a)) && at(v) <= env.now) },
  };
}

function optionOps(): OpTable<string> {
  const list = (a: unknown) => (Array.isArray(a) ? a.map(String) : [String(a)]);
  return {
    is: { input: 'option', test: (v, a) => v === a },
    isNot: { input: 'option', test: (v, a) => v !== a },
    isAnyOf: { input: 'options', test: (v, a) => list(a).includes(v) },
  };
}

function multiOptionOps(): OpTable<string[]> {
  const list = (a: unknown) => (Array.isArray(a) ? a.map(String) : [String(a)]);
  return {
    hasAny: { input: 'options', test: (v, a) => list(a).some((x) => v.includes(x)) },
    hasAll: { input: 'options', test: (v, a) => list(a).every((x) => v.includes(x)) },
    hasNone: { input: 'options', test: (v, a) => !list(a).some((x) => v.includes(x)) },
  };
}

const listText = (v: string[]) => v.join(' ');
const digits = (s: string) => s.replace(/[^0-9]/g, '');

type FilterRegistry = { [T in FieldType]: FilterTypeSpec<FieldValueMap[T]> };

const plainText = { ops: () => textOps<string>((v) => v) };
const plainNumber = { ops: () => numberOps<number>((v) => v) };

export const FILTER_REGISTRY: FilterRegistry = {
  text: plainText,
  longText: plainText,
  user: plainText,
  url: plainText,
  number: plainNumber,
  autoNumber: plainNumber,
  percent: plainNumber,
  formula: plainNumber,
  currency: { ops: () => numberOps((v) => v.amount) },
  date: { ops: () => dateOps<string>(isoDayToLocal) },
  checkbox: {
    ops: () => ({
      isTrue: { input: 'none', test: (v) => v === true },
      isFalse: { input: 'none', test: (v) => v !== true },
    }),
  },
  dropdown: { ops: optionOps },
  multiDropdown: { ops: multiOptionOps },
  email: { ops: () => textOps(listText), searchText: (v) => v },
  // Phones also match by digits alone, so "600 123" finds "+34 600-123-456".
  phone: { ops: () => textOps(listText), searchText: (v) => [...v, ...v.map(digits)] },
  address: { ops: () => textOps(formatAddress) },
  socials: { ops: () => textOps((v) => Object.values(v).join(' ')) },
  link: {
    ops: () => ({
      includes: { input: 'record', test: (v, a) => v.includes(String(a)) },
      excludes: { input: 'record', test: (v, a) => !v.includes(String(a)) },
    }),
  },
  stage: {
    ops: () => ({
      is: { input: 'stage', test: (v, a) => `${v.pipelineId}/${v.stageId}` === a },
      isNot: { input: 'stage', test: (v, a) => `${v.pipelineId}/${v.stageId}` !== a },
      isOpen: { input: 'none', test: (v, _a, _f, env) => stageOutcome(v, env) === 'open' },
      isWon: { input: 'none', test: (v, _a, _f, env) => stageOutcome(v, env) === 'won' },
      isLost: { input: 'none', test: (v, _a, _f, env) => stageOutcome(v, env) === 'lost' },
      inPipeline: { input: 'text', test: (v, a) => v.pipelineId === a },
    }),
  },
  // Statistics are timestamps except the thread count; the field's setting picks which.
  statistic: {
    ops: (field) => (field.settings.statistic === 'emailThreadCount' ? numberOps<number>((v) => v) : dateOps<number>((v) => v)),
  },
};

function stageOutcome(v: { pipelineId: string; stageId: string }, env: FilterEnv) {
  return env.pipelines.find((p) => p.id === v.pipelineId)?.stages.find((s) => s.id === v.stageId)?.outcome;
}

export const EMPTY_OPS = ['isEmpty', 'isNotEmpty'] as const;
/** Negative operators hold for an empty value: "lead status is not Unqualified" includes unset ones. */
export const EMPTY_MATCHES: ReadonlySet<string> = new Set(['notContains', 'isNot', 'neq', 'excludes', 'hasNone', 'notInLastDays', 'isFalse']);

export type OpInfo = { op: string; input: FilterInput };

/** Every operator a field offers, in menu order, with the kind of argument it needs. */
export function filterOps(field: Field): OpInfo[] {
  const table = (FILTER_REGISTRY[field.type] as FilterTypeSpec<unknown>).ops(field);
  const own = Object.entries(table).map(([op, spec]) => ({ op, input: spec.input }));
  // Checkbox values are never empty (false is a value), so the emptiness operators would mislead.
  const spec = FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>;
  const canBeEmpty = spec.defaultValue(field) === undefined;
  return canBeEmpty ? [...own, ...EMPTY_OPS.map((op) => ({ op, input: 'none' as const }))] : own;
}

/** The test for one operator, or undefined if the field's type has no such operator. */
export function filterTest(field: Field, op: string): Test<unknown> | undefined {
  const table = (FILTER_REGISTRY[field.type] as FilterTypeSpec<unknown>).ops(field);
  return Object.hasOwn(table, op) ? table[op]!.test : undefined;
}

export function searchTexts(field: Field, value: unknown): string[] {
  const fn = (FILTER_REGISTRY[field.type] as FilterTypeSpec<unknown>).searchText;
  return fn && value !== undefined && value !== null ? fn(value) : [];
}
