import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openExtensionPage, readStore, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';
import { join } from 'node:path';

/**
 * The reports and automations pages in Chromium over the demo workspace the Reports page seeds
 * ("Load demo data", through the write path). The pages are mounted by the CRM shell under the
 * route ids `reports` and `automations`: `#/reports`, or the shell's `#/page/<id>`.
 */
async function openPage(page: Page, id: string, heading: string) {
  // The shell's own address for its extra pages (components/shell/router.ts: routeHref).
  await page.evaluate((h) => (location.hash = h), `#/page/${id}`);
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}

const card = (page: Page, name: RegExp) => page.getByRole('region', { name });


async function dragTo(page: Page, card: Locator, column: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // dnd-kit starts a drag after 6 px of movement; several steps let it see the pointer travel.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
  await page.mouse.up();
}

describe('reports and automations in Chromium', () => {
  const session = useExtensionSession();
  let page: Page;

  beforeAll(async () => {
    page = await openExtensionPage(session(), 'dashboard.html');
    await openPage(page, 'reports', 'Reports');
    await page.getByRole('button', { name: 'Load demo data' }).click();
    expect(await visible(card(page, /Lifecycle funnel/), 30_000)).toBe(true);
  });

  it('shows every report as a chart over the demo workspace', async () => {
    for (const [name, file] of [
      [/Pipeline by stage/, 'pipeline'],
      [/Forecast by expected close month/, 'forecast'],
      [/Win rate and sales cycle/, 'win-rate'],
      [/Campaign and source impact/, 'campaigns'],
      [/Activity by rep per week/, 'activity'],
      [/Lifecycle funnel/, 'funnel'],
    ] as const) {
      const region = card(page, name);
      // Each chart draws bars (SVG paths), not just axes; activity by rep's card loads its own part, so wait for them.
      expect(await visible(region.locator('.recharts-bar-rectangle'))).toBe(true);
      await region.screenshot({ path: join(ARTIFACTS_DIR, `reports-chart-${file}.png`) });
    }
    await screenshot(page, 'reports-page');
  });

  it('changing the period changes the figures', async () => {
    const region = card(page, /Campaign and source impact/);
    await region.getByRole('button', { name: 'Table' }).click();
    expect(await visible(region.getByRole('row', { name: /Expo Madrid 2026/ }))).toBe(true);
    // The demo's contacts were all created today: last month brought nobody.
    await page.getByLabel('Period').selectOption('lastMonth');
    expect(await visible(region.getByText('Nothing to show for these filters.'))).toBe(true);
    await page.getByLabel('Period').selectOption('thisYear');
    expect(await visible(region.getByRole('row', { name: /Expo Madrid 2026/ }))).toBe(true);
    await screenshot(page, 'reports-this-year-table');
  });

  it('drills from a campaign figure into the deals behind it', async () => {
    const row = card(page, /Campaign and source impact/).getByRole('row', { name: /Expo Madrid 2026/ });
    const deals = row.getByRole('button').nth(1);
    expect(await deals.textContent()).toBe('4');
    await deals.click();
    // The agreed drill address is #/view/<id>; the shell may then show it under its folder's address.
    await page.waitForURL(/#\/(folder\/[^/]+\/)?view\/view_[^/]+$/, { waitUntil: 'commit' });
    const viewId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
    const view = (await readStore<{ id: string; name: string; filters: { fieldId: string; op: string; value: string[] }[] }>(page, 'views')).find((v) => v.id === viewId);
    expect(view?.name).toBe('Report: Expo Madrid 2026 · Deals');
    expect(view?.filters[0]).toMatchObject({ fieldId: '_id', op: 'in' });
    expect(view?.filters[0]?.value).toHaveLength(4);
    // The saved view shows exactly those deals.
    for (const name of ['Acme — CRM rollout', 'Acme — support plan', 'Acme — analytics add-on', 'Globex — training']) {
      expect(await visible(page.getByText(name, { exact: true }))).toBe(true);
    }
    expect(await page.getByText('Umbrella — stores', { exact: true }).count()).toBe(0);
    await screenshot(page, 'reports-drilled-view');
  });

  it('a won deal dragged on the board makes its contact a customer, and the history says why', async () => {
    await openPage(page, 'automations', 'Automations');
    await page.getByLabel('Add a ready-made rule:').selectOption('dealWon');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('button', { name: 'Save rules' }).click();
    expect(await visible(page.getByRole('status').filter({ hasText: 'Saved.' }))).toBe(true);
    await screenshot(page, 'automations-page');

    // Wide enough for every column: a board that scrolls would auto-scroll under the dragged card.
    await page.setViewportSize({ width: 1800, height: 900 });
    await page.evaluate(() => (location.hash = '#/folder/folder_deals/view/view_deals_board'));
    const board = page.getByRole('region', { name: 'Board' });
    const won = board.getByRole('region', { name: 'Won' });
    const dealCard = board.getByRole('button', { name: 'Acme — support plan' });
    expect(await visible(dealCard)).toBe(true);
    await dragTo(page, dealCard, won);
    expect(await visible(won.getByRole('button', { name: 'Acme — support plan' }))).toBe(true);

    const contacts = await readStore<{ id: string; title: string; values: Record<string, unknown> }>(page, 'records');
    const javier = contacts.find((r) => r.title === 'Javier Moreno')!;
    expect(javier.values.fc_lifecycleStage).toBe('customer');
    await page.evaluate((id) => (location.hash = `#/record/${id}`), javier.id);
    const entry = page.getByText('Automation “Won deal makes a customer”');
    expect(await visible(entry)).toBe(true);
    expect(await page.getByText(/Javier Moreno: Lifecycle stage set to Customer · because deal Acme — support plan was won/).count()).toBe(1);
    await screenshot(page, 'automation-history');
  });
});
