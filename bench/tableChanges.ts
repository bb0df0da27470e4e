import type { Page } from 'playwright-core';
import { call, loadBench } from './browser';

/**
 * In the page: sort by First name ascending, then descending, in turn, each timed from its click
 * until the first row shows the new order (the header cycles asc → desc → none: from desc, the
 * untimed click to none goes first). A change that never shows counts as the 10 s deadline.
 */
export async function timeSortChanges(n: number): Promise<number[]> {
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
 * A filter "First name is <name>" (served by the index), its value set to each of `names` in
 * turn, each timed until the first row bears that name.
 */
export async function timeFilterChanges(page: Page, names: readonly string[]): Promise<number[]> {
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

/**
 * Another extension page (`other`, the demo inbox with the bench module) renames the record in
 * the table's first row through the write path, `n` times; each sample runs from just before the
 * write until the open table's first row shows the name (a MutationObserver in the table's page).
 * Both pages run in one browser, so `performance.timeOrigin + performance.now()` compares.
 */
export async function timeRemoteWrites(page: Page, other: Page, n: number): Promise<{ shown: number[]; write: number[] }> {
  await loadBench(other);
  const id = await page.evaluate(async () => {
    const link = () => document.querySelector<HTMLAnchorElement>('.tl-table tbody tr[data-index="0"] a[href^="#/record/"]');
    while (!link()) await new Promise((r) => requestAnimationFrame(r));
    return decodeURIComponent(link()!.getAttribute('href')!.slice('#/record/'.length));
  });
  const times: number[] = [];
  const write: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Remote ${i} ${Date.now() % 1000}`;
    await page.evaluate((want) => {
      const cell = () => document.querySelector('.tl-table tbody tr[data-index="0"] td:nth-child(2)');
      (globalThis as { benchSeen?: Promise<number> }).benchSeen = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (cell()?.textContent !== want) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(document.querySelector('.tl-table')!, { childList: true, subtree: true, characterData: true });
      });
    }, name);
    const { at, committed } = await call(other, 'rename', id, 'fc_firstName', name);
    write.push(committed - at);
    const seen = await page.evaluate(() => Promise.race([(globalThis as { benchSeen?: Promise<number> }).benchSeen!, new Promise<number>((r) => setTimeout(() => r(NaN), 10_000))]));
    times.push(Number.isFinite(seen) ? seen - at : 10_000);
  }
  await other.close();
  return { shown: times, write };
}
