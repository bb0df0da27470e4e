import { fieldValue } from '../fields/computed';
import type { CrmRecord, View } from '../model/entities';
import type { Field } from '../model/field';
import { compareValues, isEmptyValue, type SchemaContext } from '../model/fieldRegistry';
import { EMPTY_MATCHES, filterOps, filterTest, type FilterEnv, type FilterInput } from '../model/filterRegistry';

/**
 * The filter and sort engine of tables, boards and saved views: pure functions over records and
 * fields, so the same view gives the same rows on every page and in tests.
 */
export type ViewFilter = View['filters'][number];
export type ViewSort = View['sort'][number];
export type ViewQuery = { filters: readonly ViewFilter[]; sort: readonly ViewSort[] };

/** Why a stored filter was skipped (its field was deleted, or its type changed). */
export type FilterProblem = { index: number; reason: 'unknownField' | 'unknownOp' };

type Compiled = { field: Field; op: string; test: (v: unknown) => boolean };

/** A filter whose argument is still blank (being typed) is not applied, rather than matching nothing. */
export function filterIsComplete(input: FilterInput, value: unknown): boolean {
  switch (input) {
    case 'none':
      return true;
    case 'number':
    case 'days':
      return value !== '' && value !== null && value !== undefined && Number.isFinite(Number(value));
    case 'options':
      return Array.isArray(value) && value.length > 0;
    default:
      return typeof value === 'string' && value.trim() !== '';
  }
}

export function compileFilters(filters: readonly ViewFilter[], fields: readonly Field[], env: FilterEnv) {
  const compiled: Compiled[] = [];
  const problems: FilterProblem[] = [];
  const idSets: Set<string>[] = [];
  filters.forEach((f, index) => {
    if (f.fieldId === '_id' && f.op === 'in' && Array.isArray(f.value)) return idSets.push(new Set(f.value.map(String)));
    const field = fields.find((x) => x.id === f.fieldId);
    if (!field) return problems.push({ index, reason: 'unknownField' });
    if (f.op === 'isEmpty' || f.op === 'isNotEmpty') {
      const wantEmpty = f.op === 'isEmpty';
      return compiled.push({ field, op: f.op, test: (v) => isEmptyValue(field, v) === wantEmpty });
    }
    const info = filterOps(field).find((o) => o.op === f.op);
    const test = filterTest(field, f.op);
    if (!info || !test) return problems.push({ index, reason: 'unknownOp' });
    if (!filterIsComplete(info.input, f.value)) return;
    const emptyMatches = EMPTY_MATCHES.has(f.op);
    compiled.push({
      field,
      op: f.op,
      test: (v) => {
        if (isEmptyValue(field, v)) return emptyMatches;
        try {
          return test(v, f.value, field, env);
        } catch {
          // A stored value of the wrong shape (left by an old type) matches no filter rather than breaking the view.
          return false;
        }
      },
    });
  });
  const matches = (record: CrmRecord) => idSets.every((ids) => ids.has(record.id)) && compiled.every((c) => c.test(fieldValue(record, c.field, fields)));
  return { matches, problems };
}

/** Sorts by each key in turn; the input order (most recently changed first) breaks ties. */
export function sortRecords(records: readonly CrmRecord[], sort: readonly ViewSort[], fields: readonly Field[], ctx: SchemaContext): CrmRecord[] {
  const keys = sort.flatMap((s) => {
    const field = fields.find((f) => f.id === s.fieldId);
    return field ? [{ field, dir: s.direction === 'desc' ? -1 : 1 }] : [];
  });
  if (keys.length === 0) return [...records];
  // Values are computed once per record, not once per comparison: formulas are not free.
  const rows = records.map((record, i) => ({ record, i, values: keys.map((k) => fieldValue(record, k.field, fields)) }));
  rows.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const { field, dir } = keys[k]!;
      const va = a.values[k];
      const vb = b.values[k];
      const ea = isEmptyValue(field, va);
      const eb = isEmptyValue(field, vb);
      // Empty values go last whichever the direction, as in spreadsheets.
      if (ea || eb) {
        if (ea !== eb) return ea ? 1 : -1;
        continue;
      }
      const c = compareValues(field, va, vb, ctx) * dir;
      if (c !== 0) return c;
    }
    return a.i - b.i;
  });
  return rows.map((r) => r.record);
}

/** The rows a view shows: its filters (all must hold) and then its sort. */
export function runView(records: readonly CrmRecord[], fields: readonly Field[], query: ViewQuery, env: FilterEnv) {
  const { matches, problems } = compileFilters(query.filters, fields, env);
  const kept = records.filter(matches);
  return { records: sortRecords(kept, query.sort, fields, env), problems };
}

/** Records newest-changed first: the order a view starts from before its own sort. */
export function byRecentChange(records: CrmRecord[]): CrmRecord[] {
  return records.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
