import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

/** Threadline's own storage in an extension page (the same origin, so the same database, as the sidebar). */
type Tl = {
  addField(folderId: string, input: { label: string; type: 'text'; mandatory: boolean }): Promise<{ id: string }>;
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
};
const sidebarOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Threadline sidebar"]');
const openThread = (page: Page, label: RegExp) => page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: label }).click();

describe('the sidebar as a door, and mandatory fields that ask', () => {
  const session = useExtensionSession();

  // First: its deals are made before deals need a PO number, so the board test below can drag one lacking it.
  it('links a thread to two deals found by search, and unlinks one', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      for (const name of ['Globex pilot', 'Initech expansion']) await tl.createRecord('folder_deals', { fd_name: name, fd_stage: { pipelineId: 'pipeline_sales', stageId: 'qualified' } });
    });
    await openThread(page, /Preventivo fornitura/);
    const sidebar = sidebarOf(page);
    const search = sidebar.getByRole('combobox', { name: 'Find a deal to link' });
    await search.fill('globex');
    await sidebar.getByRole('option', { name: /Globex pilot/ }).click();
    const globex = sidebar.getByRole('article', { name: 'Deal Globex pilot' });
    expect(await visible(globex)).toBe(true);
    await search.fill('initech');
    await sidebar.getByRole('option', { name: /Initech expansion/ }).waitFor();
    await search.press('Enter');
    const initech = sidebar.getByRole('article', { name: 'Deal Initech expansion' });
    expect(await visible(initech)).toBe(true);
    expect(await globex.getByRole('button', { name: 'Unlink thread' }).count()).toBe(1);
    expect(await initech.getByRole('button', { name: 'Unlink thread' }).count()).toBe(1);
    await screenshot(page, 'door-two-deals');
    await globex.getByRole('button', { name: 'Unlink thread' }).click();
    await globex.waitFor({ state: 'detached' });
    expect(await initech.count()).toBe(1);
  });

  it('a stage change and a new deal ask for the mandatory field inline, and succeed once it is filled', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await openThread(page, /Precio para 200 licencias/);
    const sidebar = sidebarOf(page);
    await sidebar.getByRole('form', { name: 'Add lucia.garcia@acme-iberia.es as a contact' }).getByRole('button', { name: 'Add contact' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Lucía García' }))).toBe(true);

    // "New deal from this thread" asks name (the subject), amount, close date.
    await sidebar.getByRole('button', { name: 'New deal from this thread' }).click();
    const newDeal = sidebar.getByRole('form', { name: 'New deal from this thread' });
    expect(await newDeal.getByLabel('Name').inputValue()).toBe('Precio para 200 licencias');
    await newDeal.getByLabel('Amount', { exact: true }).fill('24000');
    await newDeal.getByLabel('Close date').fill('2026-12-18');
    await newDeal.getByRole('button', { name: 'Create deal' }).click();
    const deal = sidebar.getByRole('article', { name: 'Deal Precio para 200 licencias' });
    expect(await visible(deal)).toBe(true);
    expect(await deal.getByText('€24,000.00').count()).toBe(1);

    // Deals now need a PO number, which this deal lacks.
    await loadPageModules(page);
    await page.evaluate(() => (globalThis as unknown as { __tl: Tl }).__tl.addField('folder_deals', { label: 'PO number', type: 'text', mandatory: true }).then(() => true));
    await deal.getByLabel('Stage').selectOption({ label: 'Proposal' });
    const ask = deal.getByRole('form', { name: 'Missing fields of Precio para 200 licencias' });
    expect(await visible(ask)).toBe(true);
    expect(await ask.getByRole('textbox').count()).toBe(1);
    await screenshot(page, 'door-sidebar-ask');
    await ask.getByLabel('PO number').press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await deal.getByLabel('Stage').inputValue()).toBe('new');

    await deal.getByLabel('Stage').selectOption({ label: 'Proposal' });
    await ask.getByLabel('PO number').fill('PO-2041');
    await ask.getByLabel('PO number').press('Enter');
    await ask.waitFor({ state: 'detached' });
    const history = sidebar.getByRole('list', { name: 'History' });
    expect(await visible(history.getByText('Stage: New → Proposal'))).toBe(true);
    expect(await deal.getByLabel('Stage').inputValue()).toBe('proposal');

    // A second deal from the same thread: the form, then the ask, then the deal.
    await sidebar.getByRole('button', { name: 'New deal from this thread' }).click();
    await newDeal.getByLabel('Name').fill('Soporte anual');
    await newDeal.getByRole('button', { name: 'Create deal' }).click();
    const askNew = sidebar.getByRole('form', { name: 'Missing fields of Soporte anual' });
    await askNew.getByLabel('PO number').fill('PO-2042');
    await askNew.getByRole('button', { name: 'Create deal' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Deal Soporte anual' }))).toBe(true);

    // The common fields edit in place: Enter saves.
    const lucia = sidebar.getByRole('article', { name: 'Contact Lucía García' });
    await lucia.getByRole('button', { name: 'Position: edit' }).click();
    await lucia.getByLabel('Position', { exact: true }).fill('Directora de compras');
    await lucia.getByLabel('Position', { exact: true }).press('Enter');
    expect(await visible(lucia.getByRole('button', { name: 'Position: edit' }).getByText('Directora de compras'))).toBe(true);
    await screenshot(page, 'door-sidebar-deals');

    // The deal's name opens its record: the demo's Threadline route is the CRM page.
    const [crm] = await Promise.all([session().context.waitForEvent('page'), deal.getByRole('link', { name: 'Precio para 200 licencias' }).click()]);
    await crm.waitForLoadState();
    expect(crm.url()).toMatch(/dashboard\.html#\/record\/rec_/);
    expect(await visible(crm.getByRole('heading', { name: /Precio para 200 licencias/ }))).toBe(true);
    await screenshot(crm, 'door-record-opened');
    await crm.close();
  });

  it('a 50-person thread lists its unknown people compactly, with Add and Add all', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await openThread(page, /50 people/);
    const sidebar = sidebarOf(page);
    const list = sidebar.getByRole('region', { name: /people not in the CRM/ });
    expect(await visible(list)).toBe(true);
    expect(await sidebar.getByRole('form', { name: /as a contact/ }).count()).toBe(0);
    await screenshot(page, 'door-sidebar-50-people');
    const height = await page.frames().find((f) => f.url().endsWith('/sidebar.html'))!.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2_000);
    await sidebar.getByRole('button', { name: 'Add person1@bigcorp-events.com' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Participant 1' }))).toBe(true);
    // "Add everyone new" adds the people past "show more" too, each once.
    await sidebar.getByRole('button', { name: 'Add everyone new' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Participant 10' }))).toBe(true);
    await list.waitFor({ state: 'detached' });
    await sidebar.getByRole('button', { name: 'Show 39 more people' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Participant 49' }))).toBe(true);
    expect(await sidebar.getByRole('article', { name: /^Contact Participant / }).count()).toBe(49);
  });

  it('a board drag that leaves a mandatory field empty asks over the card; cancel leaves it, filling it moves it', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_deals/view/view_deals_board');
    // Globex pilot was made (first test) before deals needed a PO number (second test).
    const board = page.getByRole('region', { name: 'Board' });
    const column = (name: string) => board.getByRole('region', { name, exact: true });
    const card = column('Qualified').getByRole('button', { name: 'Globex pilot' });
    expect(await visible(card)).toBe(true);
    const outcome = page.getByTestId('board-outcome');
    const drag = async () => {
      await card.focus();
      await page.keyboard.press('Space');
      await page.getByRole('status').filter({ hasText: /Picked up Globex pilot\.|Globex pilot is over Qualified\./ }).waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      await page.keyboard.press('ArrowRight');
      await page.getByRole('status').filter({ hasText: 'Globex pilot is over Proposal.' }).waitFor({ state: 'attached' });
      await page.keyboard.press('Space');
    };
    await drag();
    const ask = column('Qualified').getByRole('form', { name: 'Missing fields of Globex pilot' });
    expect(await visible(ask)).toBe(true);
    await expect.poll(() => outcome.textContent()).toBe('Globex pilot needs PO number to move to Proposal: fill them in on the card.');
    // The drop animation's overlay gone, the card with its form is what shows.
    await page.locator('.tl-board [data-asking] form').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-dnd-kit-drag-overlay], .tl-board ~ div [style*="transform"]'));
    await screenshot(page, 'door-board-ask');
    await ask.getByLabel('PO number').press('Escape');
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => outcome.textContent()).toBe('Globex pilot stays in Qualified: nothing was saved.');
    expect(await column('Qualified').getByRole('button', { name: 'Globex pilot' }).count()).toBe(1);

    await drag();
    await ask.getByLabel('PO number').fill('PO-9');
    await ask.getByRole('button', { name: 'Move to Proposal' }).click();
    expect(await visible(column('Proposal').getByRole('button', { name: 'Globex pilot' }))).toBe(true);
    await expect.poll(() => outcome.textContent()).toBe('Globex pilot moved to Proposal.');
    await screenshot(page, 'door-board-moved');
  });
});
