import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Entry = { doc: Record<string, unknown>; changed: string[]; fresh: boolean };
type Tl = {
  mutate(fn: (w: { putMany(table: string, entries: Entry[]): Promise<unknown> }) => Promise<unknown>): Promise<unknown>;
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  db: { records: { where(i: string): { equals(v: string): { count(): Promise<number> } } } };
};
type ReadStats = { wholeFolderReads: number; materialised: Record<string, number>; reset(): void };

const DEALS = 20_000;
const STAGES = ['new', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
const NAMES = ['New', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'];
/** Deal i: stage i mod 6, €1,000 + (i mod 10) × €100, the lower i the more recently changed (so "Deal 0" tops New). */
const amountOf = (i: number) => 1_000 + (i % 10) * 100;

/** Runs in the CRM page: `n` deals through the bulk write path (derived columns set by the middleware), 5,000 per transaction. */
async function seed(n: number): Promise<number> {
  const tl = (globalThis as unknown as { __tl: Tl }).__tl;
  const before = await tl.db.records.where('folderId').equals('folder_deals').count();
  const stages = ['new', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
  const now = Date.now();
  for (let start = 0; start < n; start += 5_000) {
    const entries = Array.from({ length: Math.min(5_000, n - start) }, (_, k) => {
      const i = start + k;
      const values = { fd_name: `Deal ${i}`, fd_stage: { pipelineId: 'pipeline_sales', stageId: stages[i % 6] }, fd_amount: { amount: 1_000 + (i % 10) * 100, currency: 'EUR' } };
      const at = now - 60_000 - i * 10;
      return { doc: { id: `rec_bd_${i}`, folderId: 'folder_deals', values, stats: {}, createdAt: at, updatedAt: at }, changed: Object.keys(values), fresh: true };
    });
    await tl.mutate((w) => w.putMany('records', entries));
  }
  return before;
}

const stats = (page: Page) => page.evaluate(() => (globalThis as unknown as { __threadlineReadStats: ReadStats }).__threadlineReadStats);
const euros = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(n);

function expected(): { count: number; sum: number }[] {
  const out = STAGES.map(() => ({ count: 0, sum: 0 }));
  for (let i = 0; i < DEALS; i++) {
    out[i % 6]!.count += 1;
    out[i % 6]!.sum += amountOf(i);
  }
  return out;
}

/** Issue 17: the deals board at 20,000 deals reads the folder once, then follows changed keys only. */
describe('the deals board at 20,000 deals', { timeout: 600_000 }, () => {
  const session = useExtensionSession();

  it('shows every stage with its count and total, moves a card with the keyboard, follows a remote write, without another whole-folder read', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await page.setViewportSize({ width: 1400, height: 800 });
    await loadPageModules(page);
    expect(await page.evaluate(seed, DEALS)).toBe(0);
    await page.evaluate(() => (globalThis as unknown as { __threadlineReadStats?: ReadStats }).__threadlineReadStats?.reset());
    await page.evaluate(() => (location.hash = '#/folder/folder_deals/view/view_deals_board'));
    const board = page.getByRole('region', { name: 'Board' });
    const column = (name: string) => board.getByRole('region', { name, exact: true });
    const counts = () => board.locator('.tl-board-column').evaluateAll((cols) => cols.map((c) => Number(c.getAttribute('data-count'))));

    const want = expected();
    await expect.poll(counts, { timeout: 120_000 }).toEqual(want.map((w) => w.count));
    // Built once: the one whole-folder read is the index's build.
    expect((await stats(page)).wholeFolderReads).toBe(1);
    for (const [k, name] of NAMES.entries()) {
      await expect.poll(() => column(name).locator('.tl-board-totals').textContent()).toContain(euros(want[k]!.sum));
      expect(await column(name).locator('.tl-board-totals').textContent()).toContain(want[k]!.count.toLocaleString('en'));
    }
    // Virtualised: a few dozen cards in the page, not 20,000.
    const inDom = await board.locator('.tl-board-card').count();
    expect(inDom).toBeGreaterThanOrEqual(NAMES.length);
    expect(inDom).toBeLessThan(200);
    await page.evaluate(() => (globalThis as unknown as { __threadlineReadStats: ReadStats }).__threadlineReadStats.reset());

    // The top card of New, moved to Qualified with the keyboard (as crm-views.test.ts does it).
    const card = column('New').getByRole('button', { name: 'Deal 0', exact: true });
    await card.focus();
    const announced = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await announced(/Picked up Deal 0\.|Deal 0 is over New\./);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowRight');
    await announced('Deal 0 is over Qualified.');
    await page.keyboard.press('Space');
    await column('Qualified').getByRole('button', { name: 'Deal 0', exact: true }).waitFor({ timeout: 20_000 });
    expect(await column('New').getByRole('button', { name: 'Deal 0', exact: true }).count()).toBe(0);
    const moved = [{ ...want[0]!, count: want[0]!.count - 1, sum: want[0]!.sum - amountOf(0) }, { count: want[1]!.count + 1, sum: want[1]!.sum + amountOf(0) }];
    await expect.poll(async () => (await counts()).slice(0, 2)).toEqual(moved.map((m) => m.count));
    expect(await column('New').locator('.tl-board-totals').textContent()).toContain(euros(moved[0]!.sum));
    expect(await column('Qualified').locator('.tl-board-totals').textContent()).toContain(euros(moved[1]!.sum));

    // Another page of the extension writes a won deal: it shows on this board.
    const other = await openExtensionPage(session(), 'dashboard.html');
    await loadPageModules(other);
    await other.evaluate(() => (globalThis as unknown as { __tl: Tl }).__tl.createRecord('folder_deals', { fd_name: 'Remota', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'won' }, fd_amount: { amount: 500, currency: 'EUR' } }));
    await column('Won').getByRole('button', { name: 'Remota', exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await counts())[4]).toBe(want[4]!.count + 1);
    // The folder's count comes from the same index: "20,001 records".
    await expect.poll(() => page.getByText(`${(DEALS + 1).toLocaleString('en')} records`, { exact: true }).count()).toBe(1);
    await other.close();

    mkdirSync('/tmp/shots-board', { recursive: true });
    await page.screenshot({ path: '/tmp/shots-board/board-scale.png' });
    await screenshot(page, 'board-scale');
    const s = await stats(page);
    console.log(`board at ${DEALS} deals, after the build: ${JSON.stringify(s)}`);
    expect(s.wholeFolderReads).toBe(0);
    expect(s.materialised.wholeFolder).toBe(0);
    expect(s.materialised.folderIndex).toBe(0);
    // The moved deal and the remote one (and their stage-history echoes): never the folder.
    expect(s.materialised.changed).toBeLessThan(50);
  });
});
