import type { Page } from 'playwright-core';
import { openExtensionPage, type Session } from './browser';

type ReadStats = { wholeFolderReads: number; materialised: Record<string, number> };

/**
 * The contacts table of the CRM page: time to first rows, then frames over budget while the table
 * is scrolled programmatically (requestAnimationFrame deltas over 16.7 ms), then sort and filter
 * changes (click or keystroke to the new first row), with the page's read counter
 * (storage/queries/readStats.ts) saying whether any of it read the whole folder.
 */
export async function measureScroll(session: Session, expectRows: number, frames: number, changes = 10) {
  const page: Page = await openExtensionPage(session, 'dashboard.html#/folder/folder_contacts');
  const t0 = Date.now();
  await page.waitForFunction((n) => document.querySelector('table.tl-table')?.getAttribute('aria-rowcount') === String(n + 1), expectRows, { timeout: 120_000, polling: 20 });
  await page.locator('.tl-table tbody tr:not(.tl-spacer):not(.tl-row-loading)').first().waitFor({ timeout: 60_000 });
  const firstRowsMs = Date.now() - t0;
  const stats = await page.evaluate(async (n) => {
    const el = document.querySelector<HTMLElement>('[data-testid="table-scroll"]')!;
    const step = Math.max(1, Math.floor((el.scrollHeight - el.clientHeight) / n));
    const gaps: number[] = [];
    await new Promise((r) => requestAnimationFrame(r));
    let last = performance.now();
    for (let f = 0; f < n; f++) {
      el.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return { gaps, scrolledTo: el.scrollTop, height: el.scrollHeight, rowsInDom: document.querySelectorAll('.tl-table tbody tr:not(.tl-spacer)').length };
  }, frames);
  const sortChangeMs = await page.evaluate(timeSortChanges, changes);
  // Best effort: a filter UI that does not settle leaves the figure out rather than the scroll figures.
  const filterChangeMs = await timeFilterChanges(page, changes).catch((e: unknown) => (console.error(`filter change not measured: ${String(e).slice(0, 200)}`), [] as number[]));
  const reads = await page.evaluate(() => (globalThis as { __threadlineReadStats?: ReadStats }).__threadlineReadStats);
  await page.close();
  return { firstRowsMs, ...stats, sortChangeMs, filterChangeMs, reads };
}

/**
 * In the page: sort by First name ascending, then descending, in turn, each timed from its click
 * until the first row shows the new order (the header cycles asc → desc → none: from desc, the
 * untimed click to none goes first). A change that never shows counts as the 10 s deadline.
 */
async function timeSortChanges(n: number): Promise<number[]> {
  const firstRow = () => document.querySelector('.tl-table tbody tr:not(.tl-spacer):not(.tl-row-loading) td:nth-child(2)')?.textContent ?? '';
  const header = () => [...document.querySelectorAll<HTMLButtonElement>('.tl-table thead button.tl-th-button')].find((b) => b.textContent?.startsWith('First name'));
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const settle = async (before: string, from: number) => {
    while (firstRow() === before && performance.now() - from < 10_000) await frame();
    return performance.now() - from;
  };
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % 2 === 0) {
      const before = firstRow();
      header()?.click(); // desc → none, untimed
      await settle(before, performance.now());
    }
    const before = firstRow();
    const t = performance.now();
    header()?.click();
    times.push(await settle(before, t));
  }
  return times;
}

/**
 * A filter "First name is <a name on screen>" (served by the index), its value changed `n` times,
 * each timed until the first row bears that name.
 */
async function timeFilterChanges(page: Page, n: number): Promise<number[]> {
  const cells = page.locator('.tl-table tbody tr:not(.tl-spacer):not(.tl-row-loading) td:nth-child(2)');
  const names = [...new Set(await cells.allTextContents())].slice(0, n);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByLabel('Field of filter 1').selectOption({ label: 'First name' });
  await page.getByLabel('Condition of filter 1').selectOption({ label: 'is' });
  const times: number[] = [];
  for (const name of names) {
    const t = Date.now();
    await page.getByLabel('Value of filter 1').fill(name);
    await page.waitForFunction((want) => document.querySelector('.tl-table tbody tr:not(.tl-spacer):not(.tl-row-loading) td:nth-child(2)')?.textContent === want && !document.querySelector('.tl-table tbody tr.tl-row-loading'), name, { polling: 'raf', timeout: 10_000 });
    times.push(Date.now() - t);
  }
  return times;
}
