import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchInLanguage, openExtensionPage, readStore, removeProfile, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = { createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }> };
type StoredTemplate = { id: string; name: string; uses: Record<string, number> };

/**
 * A template written in the CRM page and inserted from the demo inbox's compose window, which runs
 * the content script's own compose code: the merge fields are filled from the recipient's records
 * by the background, and a value the records lack is marked where it would go.
 */
describe('compose templates', () => {
  const session = useExtensionSession();

  async function seedLucia(page: Page) {
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      // Lucía has no company; her open deal has an amount.
      const lucia = await tl.createRecord('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia.garcia@acme-iberia.es'] });
      await tl.createRecord('folder_deals', { fd_name: 'Licencias 2026', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'negotiation' }, fd_amount: { amount: 18000, currency: 'EUR' }, fd_mainContact: [lucia.id] });
    });
  }

  it('writes a template with merge fields, inserts it into the demo compose with the missing company marked, and counts the use', async () => {
    const crm = await openExtensionPage(session(), 'dashboard.html#/page/templates');
    await seedLucia(crm);
    expect(await visible(crm.getByText(/No templates yet/))).toBe(true);
    await screenshot(crm, 'templates-empty-en');

    await crm.getByRole('button', { name: 'New template' }).click();
    await crm.getByLabel('Name', { exact: true }).fill('Propuesta');
    await crm.getByLabel('Subject', { exact: true }).fill('Our proposal for {{company.name}}');
    const body = crm.getByLabel('Body', { exact: true });
    await body.fill('Hi , the licences come to {{deal.amount}} for {{company.name}}.');
    // The caret after "Hi ": the field goes in there from the menu, by keyboard.
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await crm.getByRole('combobox', { name: 'Insert field' }).focus();
    await crm.keyboard.press('ArrowDown');
    expect(await visible(crm.getByRole('option', { name: /^First name/ }))).toBe(true);
    await crm.keyboard.press('Enter');
    expect(await body.inputValue()).toBe('Hi {{contact.firstName}}, the licences come to {{deal.amount}} for {{company.name}}.');
    const preview = crm.getByTestId('template-preview');
    await expect.poll(() => preview.innerText()).toBe('Hi Lucía, the licences come to €18,000.00 for [Company].');
    expect(await visible(crm.getByText('Missing for this contact: Company'))).toBe(true);
    await screenshot(crm, 'templates-editor-en');
    await crm.getByRole('button', { name: 'Save template' }).click();
    const row = crm.getByRole('row', { name: /Propuesta/ });
    expect(await visible(row)).toBe(true);
    // Language, subject, uses, actions.
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('0');
    await screenshot(crm, 'templates-list-en');
    await row.getByRole('button', { name: 'Edit Propuesta' }).click();
    await crm.emulateMedia({ colorScheme: 'dark' });
    expect(await visible(crm.getByText('Missing for this contact: Company'))).toBe(true);
    await screenshot(crm, 'templates-editor-dark');
    await crm.getByRole('button', { name: 'Cancel' }).click();
    await crm.emulateMedia({ colorScheme: 'light' });

    const demo = await openExtensionPage(session(), 'demo.html');
    await demo.getByRole('button', { name: 'Compose', exact: true }).click();
    const compose = demo.getByRole('region', { name: 'Compose window' });
    await compose.getByLabel('To', { exact: true }).fill('Lucía García <lucia.garcia@acme-iberia.es>');
    const message = compose.getByRole('textbox', { name: 'Message' });
    await message.click();
    await message.pressSequentially('Hola,');
    await compose.getByRole('button', { name: 'Insert a Threadline template' }).click();
    const list = demo.getByRole('listbox', { name: 'Threadline templates' });
    expect(await visible(list)).toBe(true);
    const option = list.getByRole('option', { name: /Propuesta/ });
    expect(await option.innerText()).toContain('Missing: Company');
    await expect.poll(() => demo.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await screenshot(demo, 'compose-templates-popup');

    await demo.keyboard.press('Enter');
    expect(await list.count()).toBe(0);
    await expect.poll(() => message.innerText()).toBe('Hola,Hi Lucía, the licences come to €18,000.00 for [Company].');
    const marked = message.locator('[data-tl-missing="company.name"]');
    expect(await marked.innerText()).toBe('[Company]');
    expect(await compose.getByLabel('Subject', { exact: true }).inputValue()).toBe('Our proposal for [Company]');
    await screenshot(demo, 'compose-templates-inserted');

    await expect.poll(async () => {
      const [stored] = await readStore<StoredTemplate>(crm, 'templates');
      return Object.values(stored?.uses ?? {}).reduce((a, b) => a + b, 0);
    }).toBe(1);
    expect(await visible(crm.getByRole('row', { name: /Propuesta/ }).getByRole('cell', { name: '1', exact: true }))).toBe(true);
  });

  it('says there are none, and where to make one, when the workspace has no templates', async () => {
    const { context, id, profile } = await launchInLanguage('es', 'templates');
    try {
      const crm = await context.newPage();
      await crm.goto(`chrome-extension://${id}/dashboard.html#/page/templates`);
      expect(await visible(crm.getByRole('heading', { name: 'Plantillas' }))).toBe(true);
      expect(await visible(crm.getByText(/Aún no hay plantillas/))).toBe(true);
      await crm.getByRole('button', { name: 'Nueva plantilla' }).click();
      await crm.getByRole('button', { name: 'Guardar plantilla' }).click();
      expect(await visible(crm.getByText(/^Nombre /))).toBe(true);
      await screenshot(crm, 'templates-editor-es');

      const demo = await context.newPage();
      await demo.goto(`chrome-extension://${id}/demo.html`);
      await demo.getByRole('button', { name: 'Redactar', exact: true }).click();
      await demo.getByRole('button', { name: 'Insertar una plantilla de Threadline' }).click();
      expect(await visible(demo.getByText('Aún no hay plantillas. Crea una en Threadline → Plantillas.'))).toBe(true);
      await screenshot(demo, 'compose-templates-none-es');
    } finally {
      await context.close();
      removeProfile(profile);
    }
  });
});
