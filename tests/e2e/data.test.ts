import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactsCsv } from '../fixtures/csv/contacts';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/**
 * The data pages (components/data) in Chromium with the built extension. They are mounted by the
 * CRM shell as extra pages (components/shell/pages.tsx), whose routes are `#/page/<id>`; the
 * export step uses the "Export to CSV" button (components/data/ExportButton) of a folder's view.
 */
const pageUrl = (id: 'import' | 'duplicates' | 'tasks') => `dashboard.html#/page/${id}`;
const LONG = 120_000;

async function importFile(page: Page, name: string, csv: string | Buffer, dedup: RegExp, shot?: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) });
  await visible(page.getByRole('table', { name: 'Columns and fields' }));
  await page.getByRole('radio', { name: dedup }).check();
  if (shot) await screenshot(page, shot);
  const started = Date.now();
  await page.getByRole('button', { name: 'Start import' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  if (shot) {
    // The progress bar may come and go too fast to catch: wait for it or the report, whichever
    // shows first, and keep the bar for the record when it was seen.
    const progress = page.getByRole('progressbar');
    await progress.or(report).first().waitFor({ timeout: LONG });
    if (await progress.isVisible()) await screenshot(page, 'data-import-progress');
  }
  await report.waitFor({ state: 'visible', timeout: LONG });
  console.log(`[figure] import of ${name} in Chromium: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return report;
}

describe('data pages in Chromium with the built extension', () => {
  const session = useExtensionSession();
  const fixture = contactsCsv();

  it('imports a 1,000-row CSV: 990 imported, the 10 bad rows reported with row and reason', async () => {
    const page = await openExtensionPage(session(), pageUrl('import'));
    await visible(page.getByRole('heading', { name: 'Import from CSV' }));
    const report = await importFile(page, 'contacts-1000.csv', fixture.csv, /Skip the row/, 'data-import-mapping');
    await expect.poll(() => report.getByRole('heading').textContent()).toContain('finished');
    expect(await report.getByText('Rows imported: 990').count()).toBe(1);
    expect(await report.getByText('Rows refused: 10').count()).toBe(1);
    const rows = report.getByRole('table', { name: 'Refused rows' }).locator('tbody tr');
    expect(await rows.count()).toBe(10);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(cells.map((c) => Number(c[0]))).toEqual(fixture.bad.map((b) => b.row));
    cells.forEach((c, i) => {
      expect(c[1]).toBe(fixture.bad[i]!.column);
      expect(c[2]).toMatch(fixture.bad[i]!.reason);
    });
    await screenshot(page, 'data-import-report');

    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Download refused rows (CSV)' }).click();
    const refused = readFileSync((await (await download).path())!, 'utf8');
    expect(refused.split('\r\n').filter(Boolean)).toHaveLength(11);
  }, LONG);

  it('exports the view and re-imports it with no change', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_contacts');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const exported = readFileSync((await (await download).path())!);
    expect(exported.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(991);

    await page.goto(`chrome-extension://${session().extensionId}/${pageUrl('import')}`);
    const report = await importFile(page, 'export.csv', exported, /Update the record/);
    expect(await report.getByText('Rows imported: 990').count()).toBe(1);
    expect(await report.getByText('New records: 0 · updated: 0 · already up to date: 990').count()).toBe(1);
    expect(await report.getByText('Rows refused: 0').count()).toBe(1);
    await screenshot(page, 'data-reimport-no-change');
  }, LONG);

  it('merges two duplicates and shows their history combined', async () => {
    const page = await openExtensionPage(session(), pageUrl('import'));
    await importFile(page, 'dups.csv', 'First name,Last name,Email\r\nDúo,Uno,duo@acme.es\r\nDuo,Dos,DUO@acme.es\r\n', /Create a new record anyway/);

    await page.goto(`chrome-extension://${session().extensionId}/${pageUrl('duplicates')}`);
    const group = page.getByRole('list', { name: 'Likely duplicates' }).getByRole('listitem').filter({ hasText: 'duo@acme.es' });
    await visible(group);
    const hrefs = await group.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(2);
    for (const [i, href] of hrefs.entries()) {
      await page.goto(`chrome-extension://${session().extensionId}/dashboard.html${href}`);
      await page.getByLabel('New task').fill(`Task from record ${i + 1}`);
      await page.getByRole('button', { name: 'Add task' }).click();
      await visible(page.getByText(`Task from record ${i + 1}`).first());
    }

    await page.goto(`chrome-extension://${session().extensionId}/${pageUrl('duplicates')}`);
    await page.getByRole('list', { name: 'Likely duplicates' }).getByRole('listitem').filter({ hasText: 'duo@acme.es' }).getByRole('button', { name: /Review and merge/ }).click();
    const review = page.getByRole('region', { name: 'Review duplicates' });
    await visible(review);
    await screenshot(page, 'data-duplicates-review');
    // Both came from one import batch (same creation time): say which to keep, as a user would,
    // since the later test opens the survivor by its name.
    await review.getByRole('radio', { name: 'Keep Dúo Uno', exact: true }).check();
    await review.getByRole('button', { name: 'Merge 2 records' }).click();
    const status = page.getByRole('status');
    await visible(status);
    await status.getByRole('link').click();

    const history = page.getByRole('region', { name: 'History' });
    await visible(history.getByText('Task from record 1'));
    expect(await history.getByText('Task from record 2').count()).toBe(1);
    await screenshot(page, 'data-merged-record');

    await page.goto(`chrome-extension://${session().extensionId}/${pageUrl('tasks')}`);
    await page.getByRole('button', { name: /All open/ }).click();
    const tasks = page.getByRole('list', { name: 'All open' });
    await visible(tasks.getByText('Task from record 2'));
    const linked = await tasks.getByRole('listitem').getByRole('link').allTextContents();
    expect(new Set(linked).size).toBe(1);
    await screenshot(page, 'data-tasks');
  }, LONG);

  it('a task that comes due raises a browser notification for its record', async () => {
    const worker = session().context.serviceWorkers()[0]!;
    type Chrome = { alarms: { getAll(): Promise<{ name: string }[]> }; notifications: { getAll(): Promise<Record<string, boolean>> } };
    const alarms = await worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll());
    expect(alarms.map((a) => a.name)).toContain('threadline-reminders-refresh');

    const page = await openExtensionPage(session(), pageUrl('tasks'));
    await page.getByRole('button', { name: /All open/ }).click();
    await page.getByRole('list', { name: 'All open' }).getByRole('link', { name: 'Dúo Uno' }).first().click();
    // Due two hours ago, at a time: a reminder missed while the browser was closed fires at once
    // (a date-only task reminds at 09:00 on its day, which may still be ahead or a day behind).
    const due = await page.evaluate(() => {
      const d = new Date(Date.now() - 2 * 3_600_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, time: `${two(d.getHours())}:${two(d.getMinutes())}` };
    });
    await page.getByLabel('New task').fill('Call back about the quote');
    await page.getByLabel('Due date').fill(due.date);
    await page.getByLabel('Time (optional)').fill(due.time);
    await page.getByRole('button', { name: 'Add task' }).click();
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll())), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^threadline-task:act_/)]);
  }, LONG);
});
