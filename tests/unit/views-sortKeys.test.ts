import { cmp } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Field, FieldType } from '../../storage/model/field';
import { compareValues } from '../../storage/model/fieldRegistry';
import { indexSortable, recordSortKeys, sortKeyOf } from '../../storage/views/sortKeys';

const field = (type: FieldType): Field => ({ id: `f_${type}`, folderId: 'folder_x', key: type, label: type, type, mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0 }) as Field;
const ctx = { pipelines: [], locale: 'en' } as never;

/** The values sorted by the comparator, and by their index keys (empties last, as the table puts them). */
function bothOrders(f: Field, values: unknown[]) {
  const byCompare = [...values].sort((a, b) => compareValues(f, a, b, ctx));
  const keyed = values.filter((v) => sortKeyOf(f, v) !== undefined).sort((a, b) => cmp(sortKeyOf(f, a)!, sortKeyOf(f, b)!));
  const empty = values.filter((v) => sortKeyOf(f, v) === undefined);
  return { byCompare, byKey: [...keyed, ...empty] };
}

describe('sort keys order as compareValues does', () => {
  it('text: case and accents folded, digit runs compared as numbers, empties last', () => {
    const { byCompare, byKey } = bothOrders(field('text'), ['zeta', 'Émile', 'emma', 'item 10', 'Álvaro', 'item 9', 'alba', '', 'Bob', 'item 100', 'ñu', 'nube', '  ']);
    expect(byKey).toEqual(byCompare);
  });

  it('numbers and percents, negatives included', () => {
    for (const type of ['number', 'percent', 'autoNumber'] as const) {
      const { byCompare, byKey } = bothOrders(field(type), [3, -2.5, 0, 1e6, -1e6, 0.25, undefined, -0.1]);
      expect(byKey).toEqual(byCompare);
    }
  });

  it('currency by amount, dates by day, checkboxes false first', () => {
    const money = [{ amount: 10, currency: 'EUR' }, { amount: -5, currency: 'EUR' }, { amount: 1200.5, currency: 'EUR' }, undefined];
    expect(bothOrders(field('currency'), money).byKey).toEqual(bothOrders(field('currency'), money).byCompare);
    const days = ['2024-03-09', '2023-12-31', '2024-03-10', '', undefined, '1999-01-01'];
    expect(bothOrders(field('date'), days).byKey).toEqual(bothOrders(field('date'), days).byCompare);
    expect(bothOrders(field('checkbox'), [true, false, undefined, true]).byKey).toEqual([false, true, true, undefined]);
  });

  it('emails and phones by their first item', () => {
    const emails = [['zoe@x.es'], ['Ana@x.es', 'zz@x.es'], [], ['bea@x.es']];
    expect(bothOrders(field('email'), emails).byKey).toEqual(bothOrders(field('email'), emails).byCompare);
  });

  it('leaves what an index cannot order to the in-memory index', () => {
    for (const type of ['dropdown', 'multiDropdown', 'formula', 'link', 'stage', 'address'] as const) expect(indexSortable(field(type))).toBe(false);
    expect(indexSortable(field('text'))).toBe(true);
  });

  it('a record gets one entry per sortable field with a value', () => {
    const fields = [field('text'), field('number'), field('dropdown')];
    expect(recordSortKeys('folder_x', fields, { f_text: 'Ana', f_number: -3, f_dropdown: 'a' })).toEqual([
      ['folder_x', 'f_text', 'ana'],
      ['folder_x', 'f_number', -3],
    ]);
    expect(recordSortKeys('folder_x', fields, { f_text: '' })).toEqual([]);
  });
});
