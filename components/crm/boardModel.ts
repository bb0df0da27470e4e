import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Field, FieldType } from '../../storage/model/field';
import type { FieldValueMap } from '../../storage/model/fieldValues';
import { FIELD_REGISTRY, numericValue, type FieldTypeSpec } from '../../storage/model/fieldRegistry';

/** One board column: the value a card takes when dropped there, and the cards now in it. */
export type BoardColumn = { id: string; label: string; color?: string; value: unknown; probability?: number; records: CrmRecord[] };

type Grouping<V> = {
  /** Whether the board offers a pipeline switcher (stage fields span several pipelines). */
  perPipeline: boolean;
  columns: (field: Field, pipeline: Pipeline | undefined) => Omit<BoardColumn, 'records'>[];
  /** The column a value belongs in; undefined when it belongs on another pipeline's board. */
  columnOf: (value: V | undefined, pipeline: Pipeline | undefined) => string | undefined;
};

export const NO_VALUE = '__none__';

/** Which field types can make board columns, typed over every type so a new one is decided here. */
export const BOARD_GROUPING: { [T in FieldType]: Grouping<FieldValueMap[T]> | null } = {
  stage: {
    perPipeline: true,
    columns: (_f, pipeline) =>
      pipeline?.stages.map((s) => ({ id: s.id, label: s.name, color: s.color, probability: s.probability, value: { pipelineId: pipeline.id, stageId: s.id } })) ?? [],
    columnOf: (v, pipeline) => (v && v.pipelineId === pipeline?.id ? v.stageId : undefined),
  },
  dropdown: {
    perPipeline: false,
    columns: (field) => [
      ...(field.options ?? []).map((o) => ({ id: o.id, label: o.label, color: o.color, value: o.id })),
      { id: NO_VALUE, label: '', value: undefined },
    ],
    columnOf: (v) => v ?? NO_VALUE,
  },
  text: null, longText: null, number: null, autoNumber: null, percent: null, currency: null, date: null, checkbox: null,
  multiDropdown: null, user: null, email: null, phone: null, url: null, address: null, socials: null, link: null, formula: null, statistic: null,
};

export function boardGrouping(field: Field): Grouping<unknown> | null {
  return BOARD_GROUPING[field.type] as Grouping<unknown> | null;
}

export function boardFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => boardGrouping(f) !== null);
}

export function buildBoard(records: readonly CrmRecord[], field: Field, pipeline: Pipeline | undefined): BoardColumn[] {
  const grouping = boardGrouping(field);
  if (!grouping) return [];
  const columns = grouping.columns(field, pipeline).map((c) => ({ ...c, records: [] as CrmRecord[] }));
  const byId = new Map(columns.map((c) => [c.id, c]));
  for (const r of records) byId.get(grouping.columnOf(r.values[field.id], pipeline) ?? '')?.records.push(r);
  return columns;
}

export type Totals = { count: number; byCurrency: { currency: string; amount: number; weighted: number }[] };

/**
 * Count, sum of amounts and the sum weighted by probability: the record's own probability when
 * it has one, else its stage's. Amounts in different currencies are never added together.
 */
export function columnTotals(column: BoardColumn, amountField: Field | undefined, probabilityField: Field | undefined): Totals {
  const sums = new Map<string, { amount: number; weighted: number }>();
  for (const r of column.records) {
    if (!amountField) break;
    const raw = r.values[amountField.id];
    const amount = numericValue(amountField, raw);
    if (amount === undefined) continue;
    const currency = typeof raw === 'object' && raw !== null && 'currency' in raw ? String(raw.currency) : '';
    const own = probabilityField ? numericValue(probabilityField, r.values[probabilityField.id]) : undefined;
    const p = own ?? (column.probability ?? 0) / 100;
    const s = sums.get(currency) ?? { amount: 0, weighted: 0 };
    s.amount += amount;
    s.weighted += amount * p;
    sums.set(currency, s);
  }
  return { count: column.records.length, byCurrency: [...sums].map(([currency, s]) => ({ currency, ...s })) };
}

/** Card fields by key (the presets' amount / probability / owner), typed by the registry: a number-like amount. */
export function cardFields(fields: readonly Field[]) {
  const numeric = (f: Field) => (FIELD_REGISTRY[f.type] as FieldTypeSpec<unknown>).toNumber !== undefined && !FIELD_REGISTRY[f.type].computed;
  return {
    amount: fields.find((f) => f.key === 'amount' && numeric(f)),
    probability: fields.find((f) => f.key === 'probability' && numeric(f)),
    owner: fields.find((f) => f.key === 'owner'),
  };
}
