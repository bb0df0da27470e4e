import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type View = { id: string; columns: string[] };
type Tl = {
  addField(folderId: string, input: { label: string; type: string }): Promise<{ id: string }>;
  seed(contacts: number, companies: number, extra?: (i: number) => Record<string, unknown>): Promise<string>;
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  mutate(fn: (w: { put(table: string, row: unknown, changed: string[]): Promise<unknown> }) => Promise<unknown>): Promise<unknown>;
  db: { views: { get(id: string): Promise<View | undefined> } };
};
type ReadStats = { wholeFolderReads: number; materialised: Record<string, number>; reset(): void };

const CONTACTS = 50_000;

/** Runs in the CRM page: a custom "Score" (a permutation of 0..49,999), shown in the contacts' view. */
async function seed(n: number): Promise<string> {
  const tl = (globalThis as unknown as { __tl: Tl }).__tl;
  const score = await tl.addField('folder_contacts', { label: 'Score', type: 'number' });
  await tl.seed(n, 1_000, (i) => ({ [score.id]: (i * 7919) % n }));
  const view = (await tl.db.views.get('view_contacts_all'))!;
  await tl.mutate((w) => w.put('views', { ...view, columns: [...view.columns, score.id] }, ['columns']));
  return score.id;
}

const stats = (page: Page) => page.evaluate(() => (globalThis as unknown as { __threadlineReadStats: ReadStats }).__threadlineReadStats);

/** Issue 17: the contacts table at 50,000 records never reads the whole folder (a counter, not a timing). */
describe('the contacts table at 50,000 records', { timeout: 600_000 }, () => {
  const session = useExtensionSession();

  it('sorts by a custom field, filters, keeps an edited row in place and shows a record written elsewhere, without a whole-folder read', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await page.setViewportSize({ width: 1200, height: 700 });
    await loadPageModules(page);
    await page.evaluate(seed, CONTACTS);
    await page.evaluate(() => (globalThis as unknown as { __threadlineReadStats?: ReadStats }).__threadlineReadStats?.reset());
    await page.goto(page.url().replace(/#.*$/, '') + '#/folder/folder_contacts');
    const table = page.getByRole('table', { name: 'Contacts' });
    const rowCount = () => table.getAttribute('aria-rowcount');
    await expect.poll(rowCount, { timeout: 60_000 }).toBe(String(CONTACTS + 1));
    const rows = table.locator('tbody tr:not(.tl-spacer):not(.tl-row-loading)');
    const scoreCol = 6; // select, first, last, emails, company, lifecycle, score
    const scores = () => rows.locator(`td:nth-child(${scoreCol + 1})`).allTextContents();

    // Sort by Score: ascending, then descending.
    await table.getByRole('button', { name: /^Score/ }).click();
    await expect.poll(async () => (await scores()).slice(0, 3)).toEqual(['0', '1', '2']);
    await table.getByRole('button', { name: /^Score/ }).click();
    await expect.poll(async () => (await scores()).slice(0, 2)).toEqual(['49,999', '49,998']);

    // Filter: Score is at least 49,990.
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Field of filter 1').selectOption({ label: 'Score' });
    await page.getByLabel('Condition of filter 1').selectOption({ label: 'is at least' });
    await page.getByLabel('Value of filter 1').fill('49990');
    await expect.poll(rowCount).toBe('11');
    expect(await page.getByText('10 of 50,000 records').count()).toBe(1);

    // Edit the second row's score so low it would sort last: the row stays second.
    const second = rows.nth(1);
    const name = await second.locator('td').nth(1).textContent();
    await second.locator('td').nth(scoreCol).dblclick();
    const input = page.getByRole('group', { name: /Edit Score of/ }).getByLabel('Score');
    await input.fill('49990.5');
    await input.press('Enter');
    await expect.poll(async () => (await scores())[1]).toBe('49,990.5');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe(name);

    // Another page of the extension writes a contact that matches: it appears here.
    const other = await openExtensionPage(session(), 'dashboard.html');
    await loadPageModules(other);
    const scoreId = await other.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      const view = (await tl.db.views.get('view_contacts_all'))!;
      return view.columns.at(-1)!;
    });
    await other.evaluate(([id]) => (globalThis as unknown as { __tl: Tl }).__tl.createRecord('folder_contacts', { fc_firstName: 'Remota', [id!]: 49_995 }), [scoreId]);
    await expect.poll(rowCount).toBe('12');
    await expect.poll(() => table.getByRole('cell', { name: 'Remota', exact: true }).count()).toBe(1);
    await screenshot(page, 'table-scale');

    const s = await stats(page);
    console.log(`table at ${CONTACTS} contacts: ${JSON.stringify(s)}`);
    expect(s.wholeFolderReads).toBe(0);
    expect(s.materialised.wholeFolder).toBe(0);
    expect(s.materialised.folderIndex).toBe(0);
    // The rows on screen, a few pages of them, and the changed records: never the folder.
    expect((s.materialised.page ?? 0) + (s.materialised.changed ?? 0)).toBeLessThan(2_000);
    await other.close();
  });
});
