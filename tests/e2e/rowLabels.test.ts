import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = { createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }> };
const inbox = (page: Page) => page.getByRole('navigation', { name: 'Inbox' });
const sidebarOf = (page: Page) => page.frameLocator('iframe[title="Threadline sidebar"]');

describe('deal stages on the inbox rows', () => {
  const session = useExtensionSession();

  it("shows a linked deal's stage on its thread's row and follows a stage change", async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      await tl.createRecord('folder_deals', { fd_name: 'Umbrella rollout', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'qualified' } });
    });
    const row = inbox(page).getByRole('button', { name: /Preventivo fornitura/ });
    await row.click();
    const sidebar = sidebarOf(page);
    await sidebar.getByRole('combobox', { name: 'Find a deal to link' }).fill('umbrella');
    await sidebar.getByRole('option', { name: /Umbrella rollout/ }).click();
    const deal = sidebar.getByRole('article', { name: 'Deal Umbrella rollout' });
    expect(await visible(deal)).toBe(true);

    // The link is a write in the sidebar's page: the background hears it and the row asks again.
    const label = row.locator('.demo-row-label');
    await label.getByText('Qualified', { exact: true }).waitFor();
    expect(await label.locator('span[title="Umbrella rollout"]').count()).toBe(1);
    // Rows of threads without deals show nothing.
    expect(await inbox(page).locator('.demo-row-label').count()).toBe(1);

    await deal.getByLabel('Stage').selectOption({ label: 'Proposal' });
    await label.getByText('Proposal', { exact: true }).waitFor();
    const colours = await label.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours[0]).not.toBe(colours[1]);
    await screenshot(page, 'row-labels');
  });
});
