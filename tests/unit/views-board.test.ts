import { describe, expect, it } from 'vitest';
import { buildBoard, boardFields, cardFields, columnTotals, NO_VALUE } from '../../components/crm/boardModel';
import { parseRoute, routeHref, type Route } from '../../components/shell/router';
import type { CrmRecord } from '../../storage/model/entities';
import { DEFAULT_PIPELINE_ID, presetFields, presetPipelines } from '../../storage/folders/presets';

const fields = presetFields(0);
const dealFields = fields.filter((f) => f.folderId === 'folder_deals');
const pipeline = presetPipelines(0)[0]!;
const stageField = fields.find((f) => f.id === 'fd_stage')!;
const priority = fields.find((f) => f.id === 'fd_priority')!;
let n = 0;
const deal = (values: Record<string, unknown>): CrmRecord => ({
  id: `d${++n}`, folderId: 'folder_deals', values, title: `D${n}`, emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 0, updatedAt: 0,
});
const at = (stageId: string, pipelineId = DEFAULT_PIPELINE_ID) => ({ fd_stage: { pipelineId, stageId } });

describe('board model', () => {
  it('offers only stage and dropdown fields as columns', () => {
    expect(boardFields(dealFields).map((f) => f.id)).toEqual(['fd_stage', 'fd_priority', 'fd_source', 'fd_lostReason']);
  });

  it('stage columns follow the pipeline; deals of other pipelines are not on this board', () => {
    const records = [deal(at('new')), deal(at('won')), deal(at('new', 'pipeline_other'))];
    const cols = buildBoard(records, stageField, pipeline);
    expect(cols.map((c) => c.id)).toEqual(pipeline.stages.map((s) => s.id));
    expect(cols.find((c) => c.id === 'new')!.records.map((r) => r.title)).toEqual(['D1']);
    expect(cols.flatMap((c) => c.records)).toHaveLength(2);
    expect(cols.find((c) => c.id === 'won')!.value).toEqual({ pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' });
  });

  it('dropdown columns are the options plus "no value"', () => {
    const cols = buildBoard([deal({ fd_priority: 'high' }), deal({})], priority, undefined);
    expect(cols.map((c) => c.id)).toEqual(['low', 'medium', 'high', NO_VALUE]);
    expect(cols.at(-1)!.records).toHaveLength(1);
    expect(cols.at(-1)!.value).toBeUndefined();
  });

  it('totals count, sum per currency, and weight by the deal probability or else the stage one', () => {
    const { amount, probability } = cardFields(dealFields);
    const records = [
      deal({ ...at('proposal'), fd_amount: { amount: 1000, currency: 'EUR' } }),
      deal({ ...at('proposal'), fd_amount: { amount: 3000, currency: 'EUR' }, fd_probability: 10 }),
      deal({ ...at('proposal'), fd_amount: { amount: 500, currency: 'USD' } }),
      deal({ ...at('proposal') }),
    ];
    const col = buildBoard(records, stageField, pipeline).find((c) => c.id === 'proposal')!;
    expect(columnTotals(col, amount, probability)).toEqual({
      count: 4,
      byCurrency: [
        { currency: 'EUR', amount: 4000, weighted: 1000 * 0.5 + 3000 * 0.1 },
        { currency: 'USD', amount: 500, weighted: 250 },
      ],
    });
  });
});

describe('hash routes', () => {
  it('round-trips every route, with odd characters in ids and queries', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'folder', folderId: 'folder_contacts' },
      { page: 'folder', folderId: 'folder_deals', viewId: 'view_deals_board' },
      { page: 'record', recordId: 'rec_1' },
      { page: 'fields', folderId: 'folder_x' },
      { page: 'search', query: 'García / 50% #1' },
      { page: 'extra', id: 'tasks' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });

  it('sends unknown or malformed hashes home', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/record/%E0%A4%A')).toEqual({ page: 'home' });
  });
});
