import type { Page } from 'playwright-core';
import { openExtensionPage, type Session } from './browser';

/**
 * The contacts table of the CRM page: time to first rows, then frames over budget while the table
 * is scrolled programmatically (requestAnimationFrame deltas over 16.7 ms).
 */
export async function measureScroll(session: Session, expectRows: number, frames: number) {
  const page: Page = await openExtensionPage(session, 'dashboard.html#/folder/folder_contacts');
  const t0 = Date.now();
  await page.waitForFunction((n) => document.querySelector('table.tl-table')?.getAttribute('aria-rowcount') === String(n + 1), expectRows, { timeout: 120_000, polling: 20 });
  await page.locator('.tl-table tbody tr:not(.tl-spacer)').first().waitFor({ timeout: 60_000 });
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
  await page.close();
  return { firstRowsMs, ...stats };
}
