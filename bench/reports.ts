import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openExtensionPage, type Session } from './browser';
import type { ReportsBench } from './reportsInpage';
import { summary, round } from './stats';

const REPORTS = '#/page/reports';
/** A light route to start from, so the page figure is the route change in a booted page, not its boot. */
const ELSEWHERE = '#/page/templates';

let source: Promise<string> | undefined;
/** bench/reportsInpage.ts as an IIFE (as bench/browser.ts bundles bench/inpage.ts). */
function reportsSource(): Promise<string> {
  source ??= (async () => {
    const { build } = await import('rolldown');
    const result = await build({
      input: resolve('bench/reportsInpage.ts'),
      cwd: resolve('.'),
      platform: 'browser',
      write: false,
      output: { format: 'iife', name: 'threadlineReportsBenchModule', minify: false },
      transform: { define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' } },
    });
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('rolldown produced no chunk');
    return `${chunk.code}\n;true;`;
  })();
  return source;
}

async function loadReportsBench(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const result = await cdp.send('Runtime.evaluate', { expression: await reportsSource(), allowUnsafeEvalBlockedByCSP: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`loading the reports bench failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
}

/**
 * In the page: open the reports route and wait (a check per frame) until every report card is
 * there and nothing is loading; ms from the route change, and how many cards showed.
 */
async function routeToReports([hash, back]: readonly [string, string]): Promise<{ ms: number; firstMs: number; cards: number }> {
  location.hash = back;
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  location.hash = hash;
  // The deal cards show first (the funnel's, campaigns' and activity by rep's may still be loading), then all ten.
  const nine = () => document.querySelector('section[data-report="topCustomers"]');
  const done = () => nine() && !document.querySelector('main [aria-busy="true"]');
  let firstMs: number | undefined;
  while (!done()) {
    if (firstMs === undefined && nine()) firstMs = performance.now() - t0;
    if (performance.now() - t0 > 120_000) throw new Error(`the reports page never showed every report: ${document.querySelector('main')?.textContent?.slice(0, 300)}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
  const ms = performance.now() - t0;
  return { ms, firstMs: firstMs ?? ms, cards: document.querySelectorAll('section[data-report]').length };
}

/**
 * Every report's time in the booted CRM page (issue 17: ≤ 1 s each over 500,000 activities and
 * 20,000 deals; issue 19: the product reports over their lines): the page's two loads (the records
 * part, and activity by rep's activities part beside it), each report's computation, and the load
 * it waits for + its computation as what a report costs when the page opens; then the reports page
 * itself, from the route change to the nine records-part cards and to every card shown.
 */
export async function measureReports(session: Session, runs: number) {
  const page = await openExtensionPage(session, `dashboard.html${ELSEWHERE}`);
  try {
    await page.locator('main').first().waitFor({ timeout: 60_000 });
    await loadReportsBench(page);
    const t = await page.evaluate(
      ([n]) => (globalThis as unknown as { threadlineReportsBench: ReportsBench }).threadlineReportsBench.timeReports(n, {}),
      [runs] as const,
    );
    const deals = summary(t.load.deals);
    const people = summary(t.load.people);
    const records = summary(t.load.records);
    const withActivities = summary(t.load.withActivities);
    const each = Object.fromEntries(
      Object.entries(t.compute).map(([name, ms]) => {
        const compute = summary(ms);
        // Activity by rep's card waits for every part; the funnel and campaigns for deals and people; the rest for the deals part.
        const load = t.needsActivities.includes(name) ? withActivities : t.needsPeople.includes(name) ? records : deals;
        // Load and computation run one after the other when the page opens: their p95s added bound a report's p95.
        return [name, { compute, withLoad: { p50: round(load.p50 + compute.p50), p95: round(load.p95 + compute.p95) }, rows: t.rows[name] }];
      }),
    );
    const pageMs: number[] = [];
    const firstMs: number[] = [];
    let cards = 0;
    for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) {
      const r = await page.evaluate(routeToReports, [REPORTS, ELSEWHERE] as const);
      pageMs.push(r.ms);
      firstMs.push(r.firstMs);
      cards = r.cards;
    }
    const load = { deals, people, records, withActivities };
    return { period: 'all time', load, loadReads: t.reads, each, sizes: t.sizes, page: { ...summary(pageMs), cards, untilNineCards: summary(firstMs) } };
  } finally {
    await page.close();
  }
}
