import { describe, expect, it } from 'vitest';
import type { CrmRecord } from '../../storage/model/entities';
import { FIELD_TYPES, type Field, type FieldType } from '../../storage/model/field';
import { filterOps, startOfWeek } from '../../storage/model/filterRegistry';
import { presetFields, presetPipelines, presetViews } from '../../storage/folders/presets';
import { compileFilters, runView, sortRecords, type ViewFilter } from '../../storage/views/viewQuery';

const NOW = new Date(2025, 2, 12, 15, 0).getTime(); // Wednesday 12 March 2025, 15:00 local
const DAY = 86_400_000;
const fields = presetFields(0);
const pipelines = presetPipelines(0);
const env = { now: NOW, pipelines };
const f = (id: string) => fields.find((x) => x.id === id)!;

let n = 0;
function rec(folderId: string, values: Record<string, unknown>, extra: Partial<CrmRecord> = {}): CrmRecord {
  n++;
  return {
    id: `r${n}`, folderId, values, title: String(values.fc_firstName ?? values.fd_name ?? ''), emails: [], domains: [], linkedIds: [], stats: {},
    createdAt: NOW - DAY, updatedAt: NOW - n, ...extra,
  };
}
const ids = (rs: CrmRecord[]) => rs.map((r) => r.title);
const run = (records: CrmRecord[], filters: ViewFilter[], sort: { fieldId: string; direction: 'asc' | 'desc' }[] = []) =>
  ids(runView(records, fields, { filters, sort }, env).records);

describe('filter registry', () => {
  it('offers operators for every field type, with empty checks where a value can be missing', () => {
    for (const type of FIELD_TYPES) {
      const field = { ...f('fc_firstName'), type, settings: type === 'statistic' ? { statistic: 'createdAt' as const } : {} } as Field;
      const ops = filterOps(field).map((o) => o.op);
      expect(ops.length, type).toBeGreaterThan(1);
      expect(ops.includes('isEmpty'), type).toBe(type !== 'checkbox');
    }
  });

  it('fits operators to the type: text contains, numbers compare, dates are relative, thread counts are numbers', () => {
    const opsOf = (type: FieldType, settings: Field['settings'] = {}) => filterOps({ ...f('fc_firstName'), type, settings }).map((o) => o.op);
    expect(opsOf('text')).toContain('contains');
    expect(opsOf('currency')).toEqual(expect.arrayContaining(['gt', 'lte']));
    expect(opsOf('date')).toEqual(expect.arrayContaining(['thisWeek', 'thisMonth', 'inLastDays', 'olderThanDays']));
    expect(opsOf('statistic', { statistic: 'lastActivity' })).toContain('notInLastDays');
    expect(opsOf('statistic', { statistic: 'emailThreadCount' })).toContain('gte');
    expect(opsOf('stage')).toContain('isOpen');
  });
});

describe('filters', () => {
  const people = [
    rec('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_lifecycleStage: 'lead', fc_emails: ['lucia@acme.es'] }),
    rec('folder_contacts', { fc_firstName: 'Marco', fc_lifecycleStage: 'customer', fc_phones: ['+39 02 1234'] }),
    rec('folder_contacts', { fc_firstName: 'Ana' }),
  ];

  it('text contains ignores case and accents, and negative operators include empty values', () => {
    expect(run(people, [{ fieldId: 'fc_lastName', op: 'contains', value: 'GARCIA' }])).toEqual(['Lucía']);
    expect(run(people, [{ fieldId: 'fc_lastName', op: 'notContains', value: 'garcia' }])).toEqual(['Marco', 'Ana']);
    expect(run(people, [{ fieldId: 'fc_lastName', op: 'isEmpty', value: null }])).toEqual(['Marco', 'Ana']);
    expect(run(people, [{ fieldId: 'fc_emails', op: 'contains', value: 'acme' }])).toEqual(['Lucía']);
  });

  it('dropdown is / is not / any of; every filter must hold', () => {
    expect(run(people, [{ fieldId: 'fc_lifecycleStage', op: 'is', value: 'lead' }])).toEqual(['Lucía']);
    expect(run(people, [{ fieldId: 'fc_lifecycleStage', op: 'isNot', value: 'lead' }])).toEqual(['Marco', 'Ana']);
    expect(run(people, [{ fieldId: 'fc_lifecycleStage', op: 'isAnyOf', value: ['lead', 'customer'] }])).toEqual(['Lucía', 'Marco']);
    expect(run(people, [
      { fieldId: 'fc_lifecycleStage', op: 'isAnyOf', value: ['lead', 'customer'] },
      { fieldId: 'fc_phones', op: 'isNotEmpty', value: null },
    ])).toEqual(['Marco']);
  });

  it('skips a filter whose argument is still blank, and reports filters on deleted fields', () => {
    expect(run(people, [{ fieldId: 'fc_lastName', op: 'contains', value: '' }])).toHaveLength(3);
    const { problems } = compileFilters([{ fieldId: 'gone', op: 'is', value: 'x' }, { fieldId: 'fc_firstName', op: 'gt', value: 1 }], fields, env);
    expect(problems).toEqual([{ index: 0, reason: 'unknownField' }, { index: 1, reason: 'unknownOp' }]);
  });

  it('numbers and currency compare by amount; a wrong-shaped stored value matches nothing instead of throwing', () => {
    const deals = [
      rec('folder_deals', { fd_name: 'Small', fd_amount: { amount: 500, currency: 'EUR' } }),
      rec('folder_deals', { fd_name: 'Big', fd_amount: { amount: 50_000, currency: 'USD' } }),
      rec('folder_deals', { fd_name: 'Broken', fd_amount: 'lots' }),
    ];
    expect(run(deals, [{ fieldId: 'fd_amount', op: 'gt', value: '1000' }])).toEqual(['Big']);
    expect(run(deals, [{ fieldId: 'fd_amount', op: 'lte', value: 500 }])).toEqual(['Small']);
  });
});

describe('relative date filters stay correct as time passes', () => {
  const iso = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const deals = [
    rec('folder_deals', { fd_name: 'Today', fd_expectedClose: iso(NOW) }),
    rec('folder_deals', { fd_name: 'Month start', fd_expectedClose: '2025-03-01' }),
    rec('folder_deals', { fd_name: 'Last month', fd_expectedClose: '2025-02-28' }),
    rec('folder_deals', { fd_name: 'Next month', fd_expectedClose: '2025-04-01' }),
  ];

  it('thisMonth / thisWeek / inNextDays over ISO dates, in local days', () => {
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'thisMonth', value: null }])).toEqual(['Today', 'Month start']);
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'thisWeek', value: null }])).toEqual(['Today']);
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'inNextDays', value: 20 }])).toEqual(['Today', 'Next month']);
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'before', value: '2025-03-01' }])).toEqual(['Last month']);
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'after', value: '2025-03-12' }])).toEqual(['Next month']);
    expect(run(deals, [{ fieldId: 'fd_expectedClose', op: 'on', value: '2025-03-01' }])).toEqual(['Month start']);
  });

  it('the same stored filter gives a different answer a month later', () => {
    const filters = [{ fieldId: 'fd_expectedClose', op: 'thisMonth', value: null }];
    const later = new Date(2025, 3, 10).getTime();
    expect(ids(runView(deals, fields, { filters, sort: [] }, { ...env, now: later }).records)).toEqual(['Next month']);
  });

  it('weeks start on Monday', () => {
    expect(new Date(startOfWeek(NOW)).getDay()).toBe(1);
    expect(new Date(startOfWeek(NOW)).getDate()).toBe(10);
  });

  it('inactive: no activity in the last 30 days includes deals never touched; older-than on creation', () => {
    const pool = [
      rec('folder_deals', { fd_name: 'Fresh activity' }, { stats: { lastActivityAt: NOW - 2 * DAY }, createdAt: NOW - 90 * DAY }),
      rec('folder_deals', { fd_name: 'Stale' }, { stats: { lastActivityAt: NOW - 45 * DAY }, createdAt: NOW - 90 * DAY }),
      rec('folder_deals', { fd_name: 'Never touched, old' }, { createdAt: NOW - 60 * DAY }),
      rec('folder_deals', { fd_name: 'Never touched, new' }, { createdAt: NOW - 3 * DAY }),
    ];
    const inactive = presetViews(0).find((v) => v.id === 'view_deals_inactive')!;
    const withStage = pool.map((r) => ({ ...r, values: { ...r.values, fd_stage: { pipelineId: 'pipeline_sales', stageId: 'proposal' } } }));
    expect(ids(runView(withStage, fields, inactive, env).records)).toEqual(['Stale', 'Never touched, old']);
    const won = withStage.map((r) => ({ ...r, values: { ...r.values, fd_stage: { pipelineId: 'pipeline_sales', stageId: 'won' } } }));
    expect(runView(won, fields, inactive, env).records).toEqual([]);
  });

  it('seeded "Leads created this week" keeps leads created since Monday', () => {
    const leads = presetViews(0).find((v) => v.id === 'view_contacts_leads_week')!;
    const pool = [
      rec('folder_contacts', { fc_firstName: 'Monday lead', fc_lifecycleStage: 'lead' }, { createdAt: startOfWeek(NOW) + 1000 }),
      rec('folder_contacts', { fc_firstName: 'Last week lead', fc_lifecycleStage: 'lead' }, { createdAt: startOfWeek(NOW) - 1000 }),
      rec('folder_contacts', { fc_firstName: 'Customer', fc_lifecycleStage: 'customer' }, { createdAt: NOW }),
    ];
    expect(ids(runView(pool, fields, leads, env).records)).toEqual(['Monday lead']);
  });
});

describe('seeded views', () => {
  it('every preset view names fields of its folder and operators their types have', () => {
    for (const view of presetViews(0)) {
      const own = fields.filter((x) => x.folderId === view.folderId);
      expect(compileFilters(view.filters, own, env).problems, view.name).toEqual([]);
      for (const id of [...view.columns, ...view.sort.map((s) => s.fieldId)]) expect(own.some((x) => x.id === id), `${view.name}: ${id}`).toBe(true);
      // Relative filters store days or nothing, never a date: they must not go stale.
      for (const f of view.filters) expect(typeof f.value === 'string' && /^\d{4}-/.test(f.value), view.name).toBe(false);
    }
  });
});

describe('sorting', () => {
  it('sorts by several keys, empties last in both directions, ties keep the incoming order', () => {
    const pool = [
      rec('folder_deals', { fd_name: 'b', fd_priority: 'high' }),
      rec('folder_deals', { fd_name: 'a', fd_priority: 'low' }),
      rec('folder_deals', { fd_name: 'c' }),
      rec('folder_deals', { fd_name: 'd', fd_priority: 'high' }),
    ];
    const sorted = (dir: 'asc' | 'desc') => ids(sortRecords(pool, [{ fieldId: 'fd_priority', direction: dir }], fields, { pipelines }));
    expect(sorted('asc')).toEqual(['a', 'b', 'd', 'c']);
    expect(sorted('desc')).toEqual(['b', 'd', 'a', 'c']);
    const two = sortRecords(pool, [{ fieldId: 'fd_priority', direction: 'desc' }, { fieldId: 'fd_name', direction: 'desc' }], fields, { pipelines });
    expect(ids(two)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('sorts by a formula (computed once per record) and by stage order', () => {
    const pool = [
      rec('folder_deals', { fd_name: 'x', fd_amount: { amount: 100, currency: 'EUR' }, fd_probability: 50, fd_stage: { pipelineId: 'pipeline_sales', stageId: 'won' } }),
      rec('folder_deals', { fd_name: 'y', fd_amount: { amount: 1000, currency: 'EUR' }, fd_probability: 10, fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' } }),
    ];
    expect(ids(sortRecords(pool, [{ fieldId: 'fd_weightedAmount', direction: 'desc' }], fields, { pipelines }))).toEqual(['y', 'x']);
    expect(ids(sortRecords(pool, [{ fieldId: 'fd_stage', direction: 'asc' }], fields, { pipelines }))).toEqual(['y', 'x']);
  });
});
