import type { Page } from 'playwright-core';
import { call, loadBench, openExtensionPage, type Session } from './browser';
import { timeFilterChanges, timeRemoteWrites, timeSortChanges } from './tableChanges';

type ReadStats = { wholeFolderReads: number; materialised: Record<string, number> };
const ROW_HEIGHT = 36; // components/crm/TableView.tsx
const ROW = '.tl-table tbody tr[data-index]';

/**
 * The contacts table of the CRM page: first rows from the page's boot and, in the booted page,
 * from the route change that opens the folder; frames over budget while the table is scrolled
 * wheel-style (3 rows a frame) and thumb-drag style (top to bottom in `frames` frames); sort and
 * filter changes (click or keystroke to the new first row); a rename written by another extension
 * page until the table shows it; with the page's read counter (storage/queries/readStats.ts)
 * saying whether any of it read the whole folder, and the whole-folder read timed in the same page.
 */
export async function measureScroll(session: Session, expectRows: number, frames: number, changes = 10) {
  const page: Page = await openExtensionPage(session, 'dashboard.html#/folder/folder_contacts');
  const t0 = Date.now();
  await page.waitForFunction((n) => document.querySelector('table.tl-table')?.getAttribute('aria-rowcount') === String(n + 1), expectRows, { timeout: 120_000, polling: 20 });
  await page.locator(ROW).first().waitFor({ timeout: 60_000 });
  const firstRowsFromBootMs = Date.now() - t0;
  // Filter values: first names of the unsorted first rows (once sorted by first name, the rows on screen share a few).
  const names = [...new Set(await page.locator(`${ROW} td:nth-child(2)`).allTextContents())].filter(Boolean).slice(0, changes);
  const idle = await page.evaluate(scrollFrames, { frames: Math.min(frames, 120), rowsPerFrame: -1, rowHeight: ROW_HEIGHT });
  const route = await page.evaluate(timeRouteChanges, { n: changes, rows: expectRows });
  const wheel = await page.evaluate(scrollFrames, { frames, rowsPerFrame: 3, rowHeight: ROW_HEIGHT });
  const thumb = await page.evaluate(scrollFrames, { frames, rowsPerFrame: 0, rowHeight: ROW_HEIGHT });
  const sortChangeMs = await page.evaluate(timeSortChanges, changes);
  const remoteWriteMs = await timeRemoteWrites(page, await openExtensionPage(session, 'demo.html'), changes);
  // Best effort: a filter UI that does not settle leaves the figure out rather than the scroll figures.
  const filterChangeMs = await timeFilterChanges(page, names).catch((e: unknown) => (console.error(`filter change not measured: ${String(e).slice(0, 200)}`), [] as number[]));
  const reads = await page.evaluate(() => (globalThis as { __threadlineReadStats?: ReadStats }).__threadlineReadStats);
  // The baseline, in the same booted page: what a table that loads its folder would read first.
  await loadBench(page);
  const folder = [];
  for (let i = 0; i < 3; i++) folder.push(await call(page, 'wholeFolder'));
  await page.close();
  return { firstRowsFromBootMs, route, idle, wheel, thumb, sortChangeMs, filterChangeMs, remoteWriteMs, reads, wholeFolder: { ms: folder.map((f) => f.ms).sort((a, b) => a - b)[1]!, rows: folder[0]!.rows } };
}

/**
 * In the booted page: leave for the home route, then time the route change back to the contacts
 * folder until its first rows are in the DOM (and the frame after), and until every row is counted.
 */
async function timeRouteChanges({ n, rows }: { n: number; rows: number }): Promise<{ firstRowsMs: number[]; allRowsMs: number[] }> {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const until = (ok: () => boolean) => new Promise<void>((resolve) => {
    const check = () => {
      if (!ok()) return;
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] });
    check();
  });
  const firstRowsMs: number[] = [];
  const allRowsMs: number[] = [];
  for (let i = 0; i < n; i++) {
    location.hash = '#/';
    await until(() => !document.querySelector('.tl-table'));
    for (let f = 0; f < 5; f++) await frame();
    const t = performance.now();
    location.hash = '#/folder/folder_contacts';
    await until(() => document.querySelector('.tl-table tbody tr[data-index]') !== null);
    await frame();
    firstRowsMs.push(performance.now() - t);
    await until(() => document.querySelector('table.tl-table')?.getAttribute('aria-rowcount') === String(rows + 1));
    allRowsMs.push(performance.now() - t);
  }
  return { firstRowsMs, allRowsMs };
}

/**
 * From the top, `frames` frames of scrolling, each frame's requestAnimationFrame delta recorded:
 * `rowsPerFrame` rows a frame (wheel-style), 0 for the whole height in `frames` steps (a thumb
 * drag), or -1 for no scrolling at all: the frame rate of this browser and machine, as a baseline.
 */
async function scrollFrames({ frames, rowsPerFrame, rowHeight }: { frames: number; rowsPerFrame: number; rowHeight: number }) {
  const el = document.querySelector<HTMLElement>('[data-testid="table-scroll"]')!;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  el.scrollTop = 0;
  for (let f = 0; f < 5; f++) await frame();
  const step = rowsPerFrame < 0 ? 0 : rowsPerFrame ? rowsPerFrame * rowHeight : Math.max(1, Math.floor((el.scrollHeight - el.clientHeight) / frames));
  const gaps: number[] = [];
  let last = performance.now();
  for (let f = 0; f < frames; f++) {
    if (step) el.scrollTop += step;
    await frame();
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }
  const rowsInDom = document.querySelectorAll('.tl-table tbody tr:not(.tl-spacer)').length;
  const loadingRows = document.querySelectorAll('.tl-table tbody tr.tl-row-loading').length;
  const scrolledTo = el.scrollTop;
  el.scrollTop = 0;
  return { gaps, scrolledTo, height: el.scrollHeight, rowsInDom, loadingRows };
}
