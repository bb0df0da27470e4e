// First: zod must be jitless before any storage module builds its schemas.
import './jitless';
import { openThreadlineDb } from '../storage/open';
import { activityByRep } from '../storage/reports/activityByRep';
import { campaignImpact } from '../storage/reports/campaigns';
import { forecastByMonth } from '../storage/reports/forecast';
import { lifecycleFunnel } from '../storage/reports/funnel';
import { loadClosedStageChanges } from '../storage/reports/closedHistory';
import { loadReportActivities, loadReportDeals, loadReportPeople, loadReportRecords, withActivities } from '../storage/reports/load';
import { pipelineByStage } from '../storage/reports/pipeline';
import { pipelineByProduct, revenueByProduct, topCustomers } from '../storage/reports/products';
import type { Period, ReportData, ReportFilters } from '../storage/reports/types';
import { winRates } from '../storage/reports/winRate';

/**
 * The reports page's own functions (components/reports/ReportsPage.tsx loads the records part once,
 * activity by rep's card loads the activities part beside it, then each section computes its figure
 * from its part), bundled for the CRM page and run on its database.
 */
const db = openThreadlineDb();

const REPORTS: Record<string, (data: ReportData, filters: ReportFilters) => unknown> = {
  pipeline: pipelineByStage,
  forecast: forecastByMonth,
  winRate: winRates,
  campaigns: campaignImpact,
  activityByRep,
  funnel: lifecycleFunnel,
  revenueByProduct,
  pipelineByProduct,
  topCustomers: (data, filters) => topCustomers(data, filters, 'EUR'),
};

async function timed(read: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await read();
  return Math.round((performance.now() - t0) * 10) / 10;
}

/**
 * The part each card waits for (parts load side by side): activity by rep every part; the funnel
 * and campaigns the deals and people parts; every other report the deals part only.
 */
const PEOPLE_REPORTS = new Set(['campaigns', 'funnel']);
const needsActivities = (name: string) => name === 'activityByRep';
const needsPeople = (name: string) => PEOPLE_REPORTS.has(name);

async function timeLoads(runs: number, period: Period) {
  const deals: number[] = [];
  const people: number[] = [];
  const records: number[] = [];
  const withActs: number[] = [];
  let data: ReportData | undefined;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await loadReportDeals(db);
    deals.push(performance.now() - t0);
    t0 = performance.now();
    await loadReportPeople(db);
    people.push(performance.now() - t0);
    t0 = performance.now();
    await loadReportRecords(db);
    records.push(performance.now() - t0);
    t0 = performance.now();
    const [r, a] = await Promise.all([loadReportRecords(db), loadReportActivities(db, period)]);
    withActs.push(performance.now() - t0);
    data = withActivities(r, a);
  }
  return { deals, people, records, withActs, data: data! };
}

/** `runs` loads of each part, then `runs` computations of each report over the last load; ms each. */
async function timeReports(runs: number, period: Period) {
  const filters: ReportFilters = { period };
  const { deals, people, records, withActs, data } = await timeLoads(runs, period);
  const compute: Record<string, number[]> = {};
  const rows: Record<string, number> = {};
  for (const [name, report] of Object.entries(REPORTS)) {
    compute[name] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const out = report(data, filters);
      compute[name].push(performance.now() - t0);
      rows[name] = Array.isArray(out) ? out.length : Object.keys(out as object).length;
    }
  }
  const d = data;
  const closedIds = d.deals.filter((x) => x.outcome === 'won' || x.outcome === 'lost').map((x) => x.id);
  const dealsFolderId = d.dealsFolderId ?? '';
  // Where the loads go: their big reads, each alone; the closed deals' history as the records part
  // reads it (each deal's last stage change) beside every activity of those deals (as before).
  const reads = {
    deals: await timed(() => db.records.where('folderId').equals(dealsFolderId).toArray()),
    activitiesInPeriod: await timed(() => loadReportActivities(db, period)),
    closedDealsStageEntry: await timed(() => loadClosedStageChanges(db, d.deals)),
    closedDealsWholeHistory: await timed(() => db.activities.where('recordIds').anyOf(closedIds).distinct().toArray()),
  };
  const sizes = { deals: d.deals.length, contacts: d.contacts.length, activities: d.activities.length, lines: d.deals.reduce((n, x) => n + (x.lines?.length ?? 0), 0), closed: d.deals.filter((x) => x.closedAt !== undefined).length };
  const names = Object.keys(REPORTS);
  return { load: { deals, people, records, withActivities: withActs }, reads, compute, rows, sizes, needsActivities: names.filter(needsActivities) as string[], needsPeople: names.filter(needsPeople) as string[] };
}

const reportsBench = { timeReports };
export type ReportsBench = typeof reportsBench;
(globalThis as { threadlineReportsBench?: ReportsBench }).threadlineReportsBench = reportsBench;
