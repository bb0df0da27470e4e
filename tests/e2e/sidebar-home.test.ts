import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = {
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  addTask(input: { title: string; recordIds: string[]; due?: { due: number; timed: boolean } }): Promise<unknown>;
};
const SIDEBAR = 'iframe[title="Threadline sidebar"]';
const openThread = (page: Page, label: RegExp) => page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: label }).click();

/**
 * The sidebar as Gmail now hosts it: one frame for the tab (the demo inbox hosts it the same way),
 * the rep's day while no thread is open, and threads that arrive as messages to the same page.
 */
describe("the sidebar's one frame and the rep's day", () => {
  const session = useExtensionSession();

  it("shows the day's tasks with no thread open, and switches threads without reloading its frame", async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      const lucia = await tl.createRecord('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia.garcia@acme-iberia.es'] });
      const hour = 3_600_000;
      await tl.addTask({ title: 'Send Lucía the revised quote', recordIds: [lucia.id], due: { due: Date.now() - 2 * hour, timed: true } });
      await tl.addTask({ title: 'Prepare next week’s demo', recordIds: [], due: { due: Date.now() + 8 * 24 * hour, timed: false } });
    });
    const sidebar = page.frameLocator(SIDEBAR);
    const day = sidebar.getByRole('region', { name: 'Overdue and due today' });
    expect(await visible(day.getByText('Send Lucía the revised quote'))).toBe(true);
    expect(await day.getByText('Prepare next week’s demo').count()).toBe(0);
    expect(await visible(day.getByRole('link', { name: /Lucía García/ }))).toBe(true);
    await screenshot(page, 'sidebar-home-day');

    // A mark on the frame's window: a reloaded or replaced frame would not carry it.
    const frame = page.frame({ url: /sidebar\.html/ })!;
    await frame.evaluate(() => void ((window as { __sameDocument?: string }).__sameDocument = 'kept'));
    await openThread(page, /Precio para 200 licencias/);
    expect(await visible(sidebar.getByRole('heading', { level: 1, name: 'Precio para 200 licencias' }))).toBe(true);
    await openThread(page, /Preventivo fornitura/);
    expect(await visible(sidebar.getByRole('heading', { level: 1, name: 'Preventivo fornitura' }))).toBe(true);
    await openThread(page, /Precio para 200 licencias/);
    expect(await visible(sidebar.getByRole('article', { name: /Lucía García/ }))).toBe(true);
    expect(await page.locator(SIDEBAR).count()).toBe(1);
    expect(await page.frame({ url: /sidebar\.html/ })!.evaluate(() => (window as { __sameDocument?: string }).__sameDocument)).toBe('kept');
    await screenshot(page, 'sidebar-home-thread');
  });
});
