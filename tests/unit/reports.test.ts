import { describe, expect, it } from 'vitest';
import { activityByRep } from '../../storage/reports/activityByRep';
import { campaignImpact } from '../../storage/reports/campaigns';
import { forecastByMonth } from '../../storage/reports/forecast';
import { lifecycleFunnel } from '../../storage/reports/funnel';
import { pipelineByStage } from '../../storage/reports/pipeline';
import { EMPTY_DATA, type ReportData, type ReportFilters } from '../../storage/reports/types';
import { winRates } from '../../storage/reports/winRate';
import { DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { fixtureData, fixturePipelines, RENEWALS, YEAR_2026 } from '../fixtures/reports/workspace';

const year: ReportFilters = { period: YEAR_2026 };
const all: ReportFilters = { period: {} };
const pick = <R, K extends keyof R>(rows: R[], ...keys: K[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('pipeline by stage', () => {
  it('counts and sums deals started in the period by current stage, per currency', () => {
    const rows = pipelineByStage(fixtureData(), year);
    expect(pick(rows, 'stageId', 'count', 'amount', 'withoutAmount')).toEqual([
      { stageId: 'new', count: 1, amount: {}, withoutAmount: 1 },
      { stageId: 'qualified', count: 1, amount: { EUR: 800 }, withoutAmount: 0 },
      { stageId: 'proposal', count: 1, amount: { EUR: 2000 }, withoutAmount: 0 },
      { stageId: 'negotiation', count: 1, amount: { USD: 1000 }, withoutAmount: 0 },
      { stageId: 'won', count: 2, amount: { EUR: 1700 }, withoutAmount: 0 },
      { stageId: 'lost', count: 2, amount: { EUR: 500 }, withoutAmount: 1 },
      { stageId: 'r_open', count: 0, amount: {}, withoutAmount: 0 },
      { stageId: 'r_won', count: 1, amount: { USD: 300 }, withoutAmount: 0 },
      { stageId: 'r_lost', count: 0, amount: {}, withoutAmount: 0 },
    ]);
    expect(rows.find((r) => r.stageId === 'won')?.recordIds).toEqual(['d1', 'd8']);
    // d2 has no start date: its creation day (1 Feb 2026) places it in the year.
    expect(rows.find((r) => r.stageId === 'lost')?.recordIds).toEqual(['d2', 'd10']);
  });

  it('all time adds the deal started in 2025; pipeline and owner filters narrow', () => {
    expect(pipelineByStage(fixtureData(), all).find((r) => r.stageId === 'won')).toMatchObject({ count: 3, amount: { EUR: 1900 } });
    expect(pipelineByStage(fixtureData(), { ...year, pipelineId: DEFAULT_PIPELINE_ID })).toHaveLength(6);
    const ana = pipelineByStage(fixtureData(), { ...year, owner: 'ana' });
    expect(pick(ana, 'stageId', 'count').filter((r) => r.count)).toEqual([
      { stageId: 'new', count: 1 },
      { stageId: 'qualified', count: 1 },
      { stageId: 'won', count: 1 },
      { stageId: 'lost', count: 2 },
    ]);
  });
});

describe('forecast by expected close month', () => {
  it('weighs each amount by its own probability, else its stage probability; won counts fully', () => {
    const f = forecastByMonth(fixtureData(), year);
    expect(f.months.map((m) => m.month)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`));
    const by = Object.fromEntries(f.months.map((m) => [m.month, m]));
    expect(by['2026-01']).toMatchObject({ count: 0, amount: {}, weighted: {} });
    expect(by['2026-02']).toMatchObject({ count: 1, amount: { EUR: 1000 }, weighted: { EUR: 1000 } });
    expect(by['2026-03']).toMatchObject({ count: 1, amount: { USD: 300 }, weighted: { USD: 300 } });
    // Charlie 2000 EUR × stage 50 % = 1000; Delta 1000 USD × its own 40 % (not the stage's 75 %) = 400.
    expect(by['2026-04']).toMatchObject({ count: 2, amount: { EUR: 2000, USD: 1000 }, weighted: { EUR: 1000, USD: 400 } });
    // Echo has no amount: counted, worth nothing.
    expect(by['2026-05']).toMatchObject({ count: 2, amount: { EUR: 700 }, weighted: { EUR: 700 }, recordIds: ['d5', 'd8'] });
    // Lost Bravo (March) is left out; Foxtrot has no date.
    expect(f.undated).toEqual({ count: 1, recordIds: ['d6'] });
    expect(f.withoutAmount).toBe(1);
  });

  it('an open period lists only months with deals, the 2025 one included', () => {
    expect(forecastByMonth(fixtureData(), all).months.map((m) => m.month)).toEqual(['2025-12', '2026-02', '2026-03', '2026-04', '2026-05']);
  });
});

describe('win rate and sales cycle', () => {
  it('by owner: deals that closed in the period, days from start (or creation) to the close', () => {
    const { byOwner } = winRates(fixtureData(), year);
    expect(byOwner).toEqual([
      // Alpha won after 30 days, Bravo lost after 10 (from its creation), Juliet lost after 2.
      { key: 'ana', label: 'ana', won: 1, lost: 2, winRate: 1 / 3, avgCycleDays: 14, wonAmount: { EUR: 1000 }, recordIds: ['d1', 'd2', 'd10'], wonIds: ['d1'] },
      // Golf renewed after 60 days (USD), Hotel won after 10 (EUR): never added together.
      { key: 'ben', label: 'ben', won: 2, lost: 0, winRate: 1, avgCycleDays: 35, wonAmount: { USD: 300, EUR: 700 }, recordIds: ['d7', 'd8'], wonIds: ['d7', 'd8'] },
    ]);
  });

  it('by pipeline, and a closed deal without a stage change (India) is left out', () => {
    const { byPipeline } = winRates(fixtureData(), all);
    expect(pick(byPipeline, 'label', 'won', 'lost', 'winRate', 'avgCycleDays', 'wonAmount')).toEqual([
      { label: 'Renewals', won: 1, lost: 0, winRate: 1, avgCycleDays: 60, wonAmount: { USD: 300 } },
      { label: 'Sales', won: 2, lost: 2, winRate: 0.5, avgCycleDays: 13, wonAmount: { EUR: 1700 } },
    ]);
  });

  it('the period is the close day', () => {
    const jan = winRates(fixtureData(), { period: { from: '2026-01-01', to: '2026-01-31' } });
    expect(pick(jan.byOwner, 'key', 'won', 'lost', 'avgCycleDays')).toEqual([{ key: 'ana', won: 1, lost: 0, avgCycleDays: 30 }]);
    expect(winRates(fixtureData(), { ...year, pipelineId: RENEWALS }).byOwner.map((r) => r.key)).toEqual(['ben']);
  });
});

describe('campaign and source impact', () => {
  it('contacts brought in the period, the deals they are main contact of, and what those won', () => {
    const { bySource, byCampaign } = campaignImpact(fixtureData(), year);
    expect(pick(bySource, 'key', 'label', 'contacts', 'deals', 'won', 'amountWon')).toEqual([
      { key: 'tradeFair', label: 'Trade fair', contacts: 2, deals: 5, won: 2, amountWon: { EUR: 1000, USD: 300 } },
      { key: 'webForm', label: 'Web form', contacts: 2, deals: 3, won: 1, amountWon: { EUR: 700 } },
      { key: '', label: '', contacts: 1, deals: 0, won: 0, amountWon: {} },
    ]);
    expect(bySource[0]?.dealIds).toEqual(['d1', 'd4', 'd10', 'd2', 'd7']);
    // "Expo 2026" and "expo 2026 " are one campaign, shown as first written.
    expect(pick(byCampaign, 'key', 'label', 'contacts', 'contactIds', 'deals', 'won', 'amountWon')).toEqual([
      { key: 'expo 2026', label: 'Expo 2026', contacts: 2, contactIds: ['c1', 'c2'], deals: 5, won: 2, amountWon: { EUR: 1000, USD: 300 } },
      { key: 'spring form', label: 'Spring form', contacts: 1, contactIds: ['c3'], deals: 2, won: 1, amountWon: { EUR: 700 } },
      { key: '', label: '', contacts: 2, contactIds: ['c4', 'c6'], deals: 1, won: 0, amountWon: {} },
    ]);
  });

  it('pipeline filter narrows the deals; owner filter the contacts; all time brings the 2025 referral', () => {
    expect(campaignImpact(fixtureData(), { ...year, pipelineId: DEFAULT_PIPELINE_ID }).bySource[0]).toMatchObject({ deals: 4, won: 1, amountWon: { EUR: 1000 } });
    expect(pick(campaignImpact(fixtureData(), { ...year, owner: 'ana' }).bySource, 'key', 'contacts', 'deals')).toEqual([
      { key: 'tradeFair', contacts: 1, deals: 3 },
      { key: 'webForm', contacts: 1, deals: 2 },
    ]);
    expect(campaignImpact(fixtureData(), all).bySource.find((r) => r.key === 'referral')).toMatchObject({ contacts: 1, deals: 1, won: 1, amountWon: { EUR: 200 } });
  });
});

describe('activity by rep per week', () => {
  it('credits each activity to the first of its records with an owner; tasks count when ticked', () => {
    const rows = activityByRep(fixtureData(), year);
    const z = { emails: 0, calls: 0, meetings: 0, notes: 0, tasksDone: 0 };
    expect(rows).toEqual([
      { ...z, rep: 'ana', week: '2026-03-02', emails: 1, recordIds: ['c1'] },
      // The call is on deal Charlie (ben's) first, then on Elena (ana's): ben's. Sunday 23:00 UTC is still that week.
      { ...z, rep: 'ben', week: '2026-03-02', calls: 1, meetings: 1, recordIds: ['d3', 'c3', 'c2'] },
      { ...z, rep: '', week: '2026-03-09', notes: 1, recordIds: ['c6'] },
      // Created 20 Feb, ticked 10 March: counts in the week of 9 March. The open task does not count.
      { ...z, rep: 'ana', week: '2026-03-09', tasksDone: 1, recordIds: ['c1'] },
      { ...z, rep: 'ben', week: '2026-03-09', emails: 1, recordIds: ['c4', 'c1'] },
    ]);
    expect(activityByRep(fixtureData(), { ...year, owner: 'ben' }).map((r) => r.week)).toEqual(['2026-03-02', '2026-03-09']);
    expect(activityByRep(fixtureData(), all).some((r) => r.week === '2025-12-29' && r.calls === 1)).toBe(true);
  });
});

describe('lifecycle funnel', () => {
  it('reached = at that stage or beyond; conversion from the stage before', () => {
    const f = lifecycleFunnel(fixtureData(), year);
    expect(pick(f.stages, 'stageId', 'reached', 'conversion')).toEqual([
      { stageId: 'subscriber', reached: 4, conversion: undefined },
      { stageId: 'lead', reached: 3, conversion: 0.75 },
      { stageId: 'qualifiedLead', reached: 2, conversion: 2 / 3 },
      { stageId: 'opportunity', reached: 2, conversion: 1 },
      { stageId: 'customer', reached: 1, conversion: 0.5 },
      { stageId: 'evangelist', reached: 0, conversion: 0 },
    ]);
    expect(f.stages[4]?.recordIds).toEqual(['c1']);
    expect(f.withoutStage).toEqual({ count: 1, recordIds: ['c6'] });
    expect(lifecycleFunnel(fixtureData(), all).stages.map((s) => s.reached)).toEqual([5, 4, 3, 3, 2, 1]);
  });
});

describe('empty data', () => {
  const noRecords: ReportData = { ...EMPTY_DATA, pipelines: fixturePipelines(), lifecycleStages: fixtureData().lifecycleStages };

  it('every report answers with zeros, never NaN or a throw', () => {
    expect(pipelineByStage(EMPTY_DATA, year)).toEqual([]);
    expect(pipelineByStage(noRecords, year).every((r) => r.count === 0 && Object.keys(r.amount).length === 0)).toBe(true);
    const f = forecastByMonth(noRecords, year);
    expect(f.months).toHaveLength(12);
    expect(f.months.every((m) => m.count === 0)).toBe(true);
    expect(f.undated.count).toBe(0);
    expect(winRates(noRecords, year)).toEqual({ byOwner: [], byPipeline: [], lostByReason: [] });
    expect(campaignImpact(noRecords, year)).toEqual({ bySource: [], byCampaign: [] });
    expect(activityByRep(noRecords, year)).toEqual([]);
    const funnel = lifecycleFunnel(noRecords, year);
    expect(funnel.stages.map((s) => [s.reached, s.conversion])).toEqual(Array.from({ length: 6 }, () => [0, undefined]));
  });
});
