import { z } from 'zod';
import type { Field, FieldType, Statistic } from './field';
import type { Pipeline } from './entities';
import {
  addressValue,
  currencyValue,
  emailAddress,
  finiteNumber,
  isoDate,
  longText,
  phoneNumber,
  shortText,
  socialsValue,
  stageValue,
  webUrl,
  SOCIAL_NETWORKS,
  type Address,
  type FieldValueMap,
  type Socials,
} from './fieldValues';
import { LIMITS } from './limits';
import { foldText } from './normalize';
import { dateTimeFormat, numberFormat } from './intl';
import { issueFromZod, type IssueCode, type IssueParams } from './issues';

export type SchemaContext = { pipelines: readonly Pipeline[] };
export type FormatContext = {
  locale: string;
  pipelines: readonly Pipeline[];
  /** Resolves a linked record id to its title; without it links show as a count. */
  recordTitle?: (id: string) => string | undefined;
};
/** Why a cell was refused, worded by the UI; `params.value` is the offending text or list item. */
export type CsvRefusal = { code: IssueCode; params?: IssueParams };
export type CsvResult<V> = { ok: true; value: V | undefined } | { ok: false; error: CsvRefusal };

/** Which kind of control edits the type; components/fields maps each hint to a component. */
export type FieldTypeSpec<V> = {
  label: string;
  /** Formula and statistics: derived, never written by users or imports. */
  computed: boolean;
  value: (field: Field, ctx: SchemaContext) => z.ZodType<V>;
  isEmpty: (v: V) => boolean;
  defaultValue: (field: Field) => V | undefined;
  compare: (a: V, b: V, field: Field, ctx: SchemaContext) => number;
  format: (v: V, field: Field, ctx: FormatContext) => string;
  parseCsv: (raw: string, field: Field, ctx: SchemaContext) => CsvResult<V>;
  toCsv: (v: V, field: Field) => string;
  /** The value as a number for formulas (percent as a fraction, currency as its amount). */
  toNumber?: (v: V) => number;
  /** Canonical form applied before validation on every write (e.g. trimmed, lower-case emails). */
  normalize?: (v: V) => V;
  /** Values copied into a record's normalised multi-entry indexes (see storage/derive.ts). */
  indexAs?: 'emails' | 'linkedIds';
};

// A wrong-shaped value (a string where an address belongs) is not "empty": validation must refuse it, not drop it.
const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
const LIST_SEPARATOR = /\s*;\s*/;
const ok = <V>(value: V | undefined): CsvResult<V> => ({ ok: true, value });
const fail = <V>(code: IssueCode, value?: string, params?: IssueParams): CsvResult<V> => ({
  ok: false,
  error: { code, params: value === undefined ? params : { ...params, value } },
});
/** A zod refusal of `value`, as a CSV reason naming it. */
const refused = <V>(error: z.ZodError | undefined, value: string): CsvResult<V> => {
  const { code, params } = issueFromZod(error?.issues[0]);
  return fail(code, value, params);
};
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b);
const byNumber = (a: number, b: number) => a - b;

/** Lists are parsed item by item so a CSV error names the offending item. */
function parseList(raw: string, item: z.ZodType<string>, normalize: (s: string) => string): CsvResult<string[]> {
  const parts = raw.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  for (const p of parts) {
    const r = item.safeParse(normalize(p));
    if (!r.success) return refused(r.error, p);
  }
  return ok(parts.length ? parts.map(normalize) : undefined);
}

function parseNumber(raw: string): number | undefined {
  const cleaned = raw.trim().replace(/[\s\u00a0']/g, '');
  if (!cleaned) return undefined;
  // "1.234,56" (European) and "1,234.56" (English): the last separator is the decimal one, except
  // for comma-grouped thousands ("1,234", "12,345,678"): read as thousands, the likelier meaning
  // in CRM exports, since a three-decimal amount is rare.
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  const normalized =
    lastComma > lastDot && !/^-?\d{1,3}(,\d{3})+$/.test(cleaned)
      ? cleaned.replace(/\./g, '').replace(',', '.')
      : cleaned.replace(/,/g, '');
  const n = Number(normalized);
  return Number.isFinite(n) ? n : NaN;
}

function numberCsv(raw: string): CsvResult<number> {
  const n = parseNumber(raw.replace(/%$/, ''));
  if (n === undefined) return ok(undefined);
  return Number.isNaN(n) ? fail('notANumber', raw) : ok(n);
}

const formatNumber = (v: number, locale: string, opts?: Intl.NumberFormatOptions) =>
  numberFormat(locale, opts).format(v);
const formatDate = (iso: string, locale: string) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const formatTimestamp = (ms: number, locale: string) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

function optionOrder(field: Field, id: string): number {
  const i = field.options?.findIndex((o) => o.id === id) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
function optionLabel(field: Field, id: string): string {
  return field.options?.find((o) => o.id === id)?.label ?? id;
}
function findOption(field: Field, raw: string) {
  const folded = foldText(raw.trim());
  return field.options?.find((o) => o.id === raw.trim() || foldText(o.label) === folded);
}
function findStage(pipelines: readonly Pipeline[], pipelineId: string, stageId: string) {
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  return { pipeline, stage: pipeline?.stages.find((s) => s.id === stageId) };
}

const text = (max: number, schema: z.ZodType<string>): FieldTypeSpec<string> => ({
  label: max === LIMITS.longText ? 'Multi-line text' : 'Single-line text',
  computed: false,
  value: () => schema,
  isEmpty: (v) => v.trim() === '',
  defaultValue: () => undefined,
  compare: byText,
  format: (v) => v,
  parseCsv: (raw) => {
    const v = raw.trim() === '' ? undefined : raw;
    if (v === undefined) return ok(undefined);
    const r = schema.safeParse(v);
    return r.success ? ok(v) : refused(r.error, v.slice(0, 40));
  },
  toCsv: (v) => v,
});

const numeric = (
  label: string,
  opts: Intl.NumberFormatOptions,
  schema: z.ZodType<number> = finiteNumber,
): FieldTypeSpec<number> => ({
  label,
  computed: false,
  value: () => schema,
  isEmpty: () => false,
  defaultValue: () => undefined,
  compare: byNumber,
  format: (v, _f, ctx) => formatNumber(v, ctx.locale, opts),
  parseCsv: (raw) => numberCsv(raw),
  toCsv: (v) => String(v),
  toNumber: (v) => v,
});

const listOf = (label: string, item: z.ZodType<string>, normalize: (s: string) => string): FieldTypeSpec<string[]> => ({
  label,
  computed: false,
  value: () => z.array(item).max(LIMITS.listItems, { error: 'tooMany' }),
  // Only a list of strings is normalised; anything else goes to the schema as it came, to be refused.
  normalize: (v) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...new Set(v.map(normalize))].filter(Boolean) : v),
  isEmpty: (v) => v.length === 0,
  defaultValue: () => undefined,
  compare: (a, b) => byText(a[0] ?? '', b[0] ?? ''),
  format: (v) => v.join(', '),
  parseCsv: (raw) => parseList(raw, item, normalize),
  toCsv: (v) => v.join('; '),
});

const computed = (label: string): FieldTypeSpec<number> => ({
  label,
  computed: true,
  value: () => finiteNumber,
  isEmpty: () => false,
  defaultValue: () => undefined,
  compare: byNumber,
  format: (v, field, ctx) => formatComputed(v, field.settings.statistic, ctx.locale),
  parseCsv: () => fail('notComputedImport'),
  toCsv: (v) => String(v),
  toNumber: (v) => v,
});

function formatComputed(v: number, statistic: Statistic | undefined, locale: string): string {
  if (statistic === 'emailThreadCount' || statistic === undefined) return formatNumber(v, locale);
  return formatTimestamp(v, locale);
}

const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const;

export const FIELD_REGISTRY: { [T in FieldType]: FieldTypeSpec<FieldValueMap[T]> } = {
  text: text(LIMITS.shortText, shortText),
  longText: text(LIMITS.longText, longText),
  number: numeric('Number', { maximumFractionDigits: 6 }),
  autoNumber: {
    ...numeric('Auto-number', { maximumFractionDigits: 0 }, z.number().int().positive()),
    format: (v) => String(v),
  },
  percent: {
    ...numeric('Percent', {}),
    format: (v, _f, ctx) => formatNumber(v / 100, ctx.locale, { style: 'percent', maximumFractionDigits: 2 }),
    toNumber: (v) => v / 100,
  },
  currency: {
    label: 'Currency',
    computed: false,
    value: () => currencyValue,
    isEmpty: () => false,
    defaultValue: () => undefined,
    compare: (a, b) => a.amount - b.amount || byText(a.currency, b.currency),
    format: (v, _f, ctx) => formatNumber(v.amount, ctx.locale, { style: 'currency', currency: v.currency }),
    parseCsv: (raw, field) => {
      const code = /[A-Za-z]{3}/.exec(raw)?.[0]?.toUpperCase() ?? field.settings.defaultCurrency ?? 'EUR';
      const n = parseNumber(raw.replace(/[A-Za-z]{3}/, '').replace(/[€$£¥]/g, ''));
      if (n === undefined) return ok(undefined);
      return Number.isNaN(n) ? fail('notAnAmount', raw) : ok({ amount: n, currency: code });
    },
    toCsv: (v) => `${v.amount} ${v.currency}`,
    toNumber: (v) => v.amount,
  },
  date: {
    label: 'Date',
    computed: false,
    value: () => isoDate,
    isEmpty: (v) => v === '',
    defaultValue: () => undefined,
    compare: byText,
    format: (v, _f, ctx) => formatDate(v, ctx.locale),
    parseCsv: (raw) => {
      const s = raw.trim();
      if (!s) return ok(undefined);
      const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
      const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s.slice(0, 10);
      return isoDate.safeParse(iso).success ? ok(iso) : fail('unreadableDate', s);
    },
    toCsv: (v) => v,
  },
  checkbox: {
    label: 'Checkbox',
    computed: false,
    value: () => z.boolean({ error: 'notBoolean' }),
    isEmpty: () => false,
    defaultValue: () => false,
    compare: (a, b) => Number(a) - Number(b),
    format: (v) => (v ? '✓' : ''),
    parseCsv: (raw) => {
      const s = foldText(raw.trim());
      if (['true', 'yes', 'y', '1', 'x', 'si', 'sí', 'on'].includes(s)) return ok(true);
      if (['false', 'no', 'n', '0', '', 'off'].includes(s)) return ok(false);
      return fail('notYesNo', raw);
    },
    toCsv: (v) => (v ? 'true' : 'false'),
  },
  dropdown: {
    label: 'Dropdown',
    computed: false,
    value: (field) =>
      z.string().refine((v) => field.options?.some((o) => o.id === v) ?? false, {
        error: 'unknownOption',
      }),
    isEmpty: (v) => v === '',
    defaultValue: () => undefined,
    compare: (a, b, field) => optionOrder(field, a) - optionOrder(field, b),
    format: (v, field) => optionLabel(field, v),
    parseCsv: (raw, field) => {
      if (!raw.trim()) return ok(undefined);
      const o = findOption(field, raw);
      return o ? ok(o.id) : fail('unknownOption', raw);
    },
    toCsv: (v, field) => optionLabel(field, v),
  },
  multiDropdown: {
    label: 'Multiple choice',
    computed: false,
    value: (field) =>
      z.array(z.string()).refine((vs) => vs.every((v) => field.options?.some((o) => o.id === v) ?? false), {
        error: 'unknownOption',
      }),
    isEmpty: (v) => v.length === 0,
    defaultValue: () => undefined,
    compare: (a, b, field) => optionOrder(field, a[0] ?? '') - optionOrder(field, b[0] ?? ''),
    format: (v, field) => v.map((id) => optionLabel(field, id)).join(', '),
    parseCsv: (raw, field) => {
      const ids: string[] = [];
      for (const part of raw.split(LIST_SEPARATOR).filter((p) => p.trim())) {
        const o = findOption(field, part);
        if (!o) return fail('unknownOption', part);
        ids.push(o.id);
      }
      return ok(ids.length ? ids : undefined);
    },
    // A label holding the list separator would split on import: such an option exports as its id.
    toCsv: (v, field) => v.map((id) => (optionLabel(field, id).includes(';') ? id : optionLabel(field, id))).join('; '),
  },
  user: {
    label: 'User',
    computed: false,
    value: () => z.string().min(1).max(128),
    isEmpty: (v) => v === '',
    defaultValue: () => undefined,
    compare: byText,
    format: (v) => v,
    parseCsv: (raw) => ok(raw.trim() || undefined),
    toCsv: (v) => v,
  },
  email: { ...listOf('Email', emailAddress, (s) => s.trim().toLowerCase()), indexAs: 'emails' },
  phone: listOf('Phone', phoneNumber, (s) => s.trim()),
  url: {
    label: 'URL',
    computed: false,
    value: () => webUrl,
    isEmpty: (v) => v === '',
    defaultValue: () => undefined,
    compare: byText,
    format: (v) => v,
    parseCsv: (raw) => {
      const s = raw.trim();
      if (!s) return ok(undefined);
      const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
      return webUrl.safeParse(withScheme).success ? ok(withScheme) : fail('invalidUrl', s);
    },
    toCsv: (v) => v,
  },
  address: {
    label: 'Address',
    computed: false,
    value: () => addressValue,
    isEmpty: (v) => isPlainObject(v) && ADDRESS_PARTS.every((k) => !v[k]),
    defaultValue: () => undefined,
    compare: (a, b) => byText(formatAddress(a), formatAddress(b)),
    format: (v) => formatAddress(v),
    parseCsv: (raw) => {
      if (!raw.trim()) return ok(undefined);
      const parts = raw.split('|').map((s) => s.trim());
      if (parts.length > ADDRESS_PARTS.length) return fail('tooManyParts', raw);
      const v: Address = {};
      ADDRESS_PARTS.forEach((k, i) => {
        if (parts[i]) v[k] = parts[i];
      });
      return addressValue.safeParse(v).success ? ok(v) : fail('notAnAddress', raw.slice(0, 40));
    },
    toCsv: (v) => ADDRESS_PARTS.map((k) => v[k] ?? '').join(' | '),
  },
  socials: {
    label: 'Socials',
    computed: false,
    value: () => socialsValue as z.ZodType<Socials>,
    isEmpty: (v) => isPlainObject(v) && Object.values(v).every((s) => !s),
    defaultValue: () => undefined,
    compare: (a, b) => byText(Object.values(a)[0] ?? '', Object.values(b)[0] ?? ''),
    format: (v) => Object.entries(v).map(([k, s]) => `${k}: ${s}`).join(', '),
    parseCsv: (raw) => {
      const v: Socials = {};
      for (const part of raw.split(LIST_SEPARATOR).filter((p) => p.trim())) {
        const m = /^([a-z]+)\s*:\s*(.+)$/i.exec(part);
        const network = SOCIAL_NETWORKS.find((n) => n === m?.[1]?.toLowerCase());
        if (!m || !network) return fail('socialsShape', part);
        v[network] = m[2]!.trim();
      }
      return ok(Object.keys(v).length ? v : undefined);
    },
    toCsv: (v) => Object.entries(v).map(([k, s]) => `${k}: ${s}`).join('; '),
  },
  link: {
    label: 'Link to records',
    computed: false,
    value: () => z.array(z.string().min(1).max(64)).max(LIMITS.linkTargets),
    isEmpty: (v) => v.length === 0,
    defaultValue: () => undefined,
    compare: (a, b) => a.length - b.length,
    format: (v, _f, ctx) =>
      ctx.recordTitle ? v.map((id) => ctx.recordTitle!(id) ?? '(deleted)').join(', ') : `${v.length} linked`,
    parseCsv: (raw) => {
      const ids = raw.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
      return ok(ids.length ? ids : undefined);
    },
    toCsv: (v) => v.join('; '),
    indexAs: 'linkedIds',
  },
  stage: {
    label: 'Pipeline stage',
    computed: false,
    value: (_field, ctx) =>
      stageValue.refine((v) => findStage(ctx.pipelines, v.pipelineId, v.stageId).stage !== undefined, {
        error: 'unknownStage',
      }),
    isEmpty: () => false,
    defaultValue: () => undefined,
    compare: (a, b, _f, ctx) => {
      const pa = ctx.pipelines.findIndex((p) => p.id === a.pipelineId);
      const pb = ctx.pipelines.findIndex((p) => p.id === b.pipelineId);
      if (pa !== pb) return pa - pb;
      const stages = ctx.pipelines[pa]?.stages ?? [];
      return stages.findIndex((s) => s.id === a.stageId) - stages.findIndex((s) => s.id === b.stageId);
    },
    format: (v, _f, ctx) => findStage(ctx.pipelines, v.pipelineId, v.stageId).stage?.name ?? '(unknown stage)',
    parseCsv: (raw, _field, ctx) => {
      const s = raw.trim();
      if (!s) return ok(undefined);
      const [pName, sName] = s.includes('/') ? s.split('/').map((x) => x.trim()) : [undefined, s];
      for (const p of ctx.pipelines) {
        // toCsv writes ids ("pipeline_sales/won"); people write names ("Sales / Won"): accept both.
        if (pName && p.id !== pName && foldText(p.name) !== foldText(pName)) continue;
        const stage = p.stages.find((st) => foldText(st.name) === foldText(sName ?? '') || st.id === sName);
        if (stage) return ok({ pipelineId: p.id, stageId: stage.id });
      }
      return fail('notAStage', s);
    },
    toCsv: (v) => `${v.pipelineId}/${v.stageId}`,
  },
  formula: computed('Formula'),
  statistic: computed('Statistic'),
};

export function formatAddress(v: Address): string {
  return ADDRESS_PARTS.map((k) => v[k]).filter(Boolean).join(', ');
}

/** Formats any stored value through its type's spec; the one place UIs turn values into text. */
export function formatValue(field: Field, value: unknown, ctx: FormatContext): string {
  if (value === undefined || value === null) return '';
  const spec = FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>;
  return spec.format(value, field, ctx);
}

export function numericValue(field: Field, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  return (FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>).toNumber?.(value);
}

export function normalizeValue(field: Field, value: unknown): unknown {
  const spec = FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>;
  return spec.normalize && value !== undefined && value !== null ? spec.normalize(value) : value;
}

export function isEmptyValue(field: Field, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  try {
    return (FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>).isEmpty(value);
  } catch {
    // A value of the wrong shape (e.g. a number in a text field) is not empty: the schema reports it.
    return false;
  }
}

/** Sorts empties last in both directions, as spreadsheets do. */
export function compareValues(field: Field, a: unknown, b: unknown, ctx: SchemaContext): number {
  const ea = isEmptyValue(field, a);
  const eb = isEmptyValue(field, b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  return (FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>).compare(a, b, field, ctx);
}
