// First: zod must be jitless before any storage module builds its schemas.
import './jitless';
import { openThreadlineDb } from '../storage/open';
import { activityByRep } from '../storage/reports/activityByRep';
import { campaignImpact } from '../storage/reports/campaigns';
import { forecastByMonth } from '../storage/reports/forecast';
import { lifecycleFunnel } from '../storage/reports/funnel';
import { loadReportData } from '../storage/reports/load';
import { pipelineByStage } from '../storage/reports/pipeline';
import { pipelineByProduct, revenueByProduct, topCustomers } from '../storage/reports/products';
import type { Period, ReportData, ReportFilters } from '../storage/reports/types';
import { winRates } from '../storage/reports/winRate';

/**
 * The reports page's own functions (components/reports/ReportsPage.tsx loads the data once, then
 * each section computes its figure from it), bundled for the CRM page and run on its database.
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

/** `runs` loads of the page's data, then `runs` computations of each report over the last load; ms each. */
async function timeReports(runs: number, period: Period) {
  const filters: ReportFilters = { period };
  const load: number[] = [];
  let data: ReportData | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    data = await loadReportData(db, period);
    load.push(performance.now() - t0);
  }
  const compute: Record<string, number[]> = {};
  const rows: Record<string, number> = {};
  for (const [name, report] of Object.entries(REPORTS)) {
    compute[name] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const out = report(data!, filters);
      compute[name].push(performance.now() - t0);
      rows[name] = Array.isArray(out) ? out.length : Object.keys(out as object).length;
    }
  }
  const d = data!;
  const closedIds = d.deals.filter((x) => x.outcome === 'won' || x.outcome === 'lost').map((x) => x.id);
  // Where the load goes: its three big reads, each alone (the load runs the first two together).
  const reads = {
    allRecords: await timed(() => db.records.toArray()),
    activitiesInPeriod: await timed(() => db.activities.toArray()),
    closedDealsHistory: await timed(() => db.activities.where('recordIds').anyOf(closedIds).distinct().toArray()),
  };
  const sizes = { deals: d.deals.length, contacts: d.contacts.length, activities: d.activities.length, lines: d.deals.reduce((n, x) => n + (x.lines?.length ?? 0), 0), closed: d.deals.filter((x) => x.closedAt !== undefined).length };
  return { load, reads, compute, rows, sizes };
}

const reportsBench = { timeReports };
export type ReportsBench = typeof reportsBench;
(globalThis as { threadlineReportsBench?: ReportsBench }).threadlineReportsBench = reportsBench;
