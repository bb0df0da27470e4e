// First: zod must be jitless before any storage module builds its schemas.
import './jitless';
import { openThreadlineDb } from '../storage/open';
import { activityByRep } from '../storage/reports/activityByRep';
import { campaignImpact } from '../storage/reports/campaigns';
import { forecastByMonth } from '../storage/reports/forecast';
import { lifecycleFunnel } from '../storage/reports/funnel';
import { loadClosedStageChanges } from '../storage/reports/closedHistory';
import { loadReportActivities, loadReportRecords, withActivities } from '../storage/reports/load';
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

/** Activity by rep waits for both parts (loaded side by side); every other report for the records part only. */
const needsActivities = (name: string) => name === 'activityByRep';

async function timeLoads(runs: number, period: Period) {
  const records: number[] = [];
  const withActs: number[] = [];
  let data: ReportData | undefined;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await loadReportRecords(db);
    records.push(performance.now() - t0);
    t0 = performance.now();
    const [r, a] = await Promise.all([loadReportRecords(db), loadReportActivities(db, period)]);
    withActs.push(performance.now() - t0);
    data = withActivities(r, a);
  }
  return { records, withActs, data: data! };
}

/** `runs` loads of each part, then `runs` computations of each report over the last load; ms each. */
async function timeReports(runs: number, period: Period) {
  const filters: ReportFilters = { period };
  const { records, withActs, data } = await timeLoads(runs, period);
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
  return { load: { records, withActivities: withActs }, reads, compute, rows, sizes, needsActivities: Object.keys(REPORTS).filter(needsActivities) as string[] };
}

const reportsBench = { timeReports };
export type ReportsBench = typeof reportsBench;
(globalThis as { threadlineReportsBench?: ReportsBench }).threadlineReportsBench = reportsBench;
