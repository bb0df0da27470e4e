import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = { createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }> };

/**
 * Gmail's search box, as the demo inbox stands in for it: the suggestions come from the content
 * script's own provider (recordSearch.ts) through the background's search, and choosing one opens
 * the record as Gmail's Threadline route would (the demo's route is the CRM page in a tab).
 */
describe("Gmail's search box and nav, as the demo inbox stands in for them", () => {
  const session = useExtensionSession();

  it('suggests a record with its folder as the rep types, accents ignored, and opens the one chosen', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      const acme = await tl.createRecord('folder_companies', { fo_name: 'Acme Iberia', fo_domain: 'acme-iberia.es' });
      await tl.createRecord('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia.garcia@acme-iberia.es'], fc_company: [acme.id] });
    });
    const box = page.getByRole('combobox', { name: 'Search mail and Threadline' });
    await box.pressSequentially('lucia gar');
    const suggestions = page.getByRole('listbox', { name: 'Threadline records' });
    const lucia = suggestions.getByRole('option', { name: /Lucía García/ });
    expect(await visible(lucia)).toBe(true);
    expect(await lucia.textContent()).toContain('Contacts');
    await screenshot(page, 'gmail-search-suggestions');

    const opened = session().context.waitForEvent('page');
    await lucia.click();
    const record = await opened;
    await record.waitForURL(/dashboard\.html#\/record\//);
    expect(await visible(record.getByRole('heading', { name: /Lucía García/ }))).toBe(true);
  });

  it('lists the saved views under the Threadline nav item, and one opens its board in the CRM page', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    const views = page.getByRole('list', { name: 'Saved views' });
    const pipeline = views.getByRole('button', { name: 'Pipeline · Deals' });
    expect(await visible(pipeline)).toBe(true);
    expect(await views.getByRole('button', { name: 'All contacts · Contacts' }).count()).toBe(1);
    const opened = session().context.waitForEvent('page');
    await pipeline.click();
    const crm = await opened;
    await crm.waitForURL(/dashboard\.html#\/(view|folder)\//);
    expect(await visible(crm.getByRole('radio', { name: 'Board' }))).toBe(true);
    expect(await crm.getByRole('radio', { name: 'Board' }).isChecked()).toBe(true);
  });

  it("Gmail's shortcuts, through the content script's shortcuts.ts: a note, the thread's record, and g r to Threadline", async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      await tl.createRecord('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia.garcia@acme-iberia.es'] });
    });
    await page.getByText('Keyboard shortcuts').click();
    expect(await page.locator('.demo-shortcuts kbd').allTextContents()).toEqual(['shift+l', 'shift+o', 'shift+m', 'g r']);
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: /Precio para 200 licencias/ }).click();
    const sidebar = page.frameLocator('iframe[title="Threadline sidebar"]');
    expect(await visible(sidebar.getByRole('article', { name: /Lucía García/ }))).toBe(true);
    const main = page.getByRole('main');

    await main.click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+M');
    const frame = page.frame({ url: /sidebar\.html/ })!;
    await expect.poll(() => frame.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label') ?? '')).toBe('Note');

    await main.click({ position: { x: 5, y: 300 } });
    const record = session().context.waitForEvent('page');
    await page.keyboard.press('Shift+O');
    const opened = await record;
    await opened.waitForURL(/dashboard\.html#\/record\//);
    expect(await visible(opened.getByRole('heading', { name: /Lucía García/ }))).toBe(true);

    await main.click({ position: { x: 5, y: 300 } });
    const crm = session().context.waitForEvent('page');
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await (await crm).waitForURL(/dashboard\.html/);
    await screenshot(page, 'gmail-shortcuts');
  });
});
