import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';

describe('CRM page in Chromium with the built extension', () => {
  const session = useExtensionSession();

  it('creates a contact that survives a reload and a browser restart', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Lucía');
    await page.getByLabel('Last name').fill('García');
    await page.getByLabel('Emails').fill('lucia@acme.es');
    await page.getByLabel('Lifecycle stage').selectOption({ label: 'Lead' });
    await page.getByRole('button', { name: 'Create contact' }).click();

    const table = page.getByRole('table', { name: 'Contacts' });
    expect(await visible(table.getByRole('cell', { name: 'Lucía' }))).toBe(true);
    expect(await table.getByRole('cell', { name: 'Lead' }).count()).toBe(1);
    await screenshot(page, 'crm-contact-created');

    await page.reload();
    expect(await visible(page.getByRole('table', { name: 'Contacts' }).getByRole('cell', { name: 'lucia@acme.es' }))).toBe(true);

    const reopened = await openExtensionPage(await session.restart(), 'dashboard.html');
    expect(await visible(reopened.getByRole('cell', { name: 'García' }))).toBe(true);
  });

  it('refuses a record missing a mandatory field, names the field, and saves once it is filled', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    // Folders are links in the navigation (hash routes), with the record count after the name.
    await page.getByRole('navigation').getByRole('link', { name: /^Companies\b/ }).click();
    await page.getByRole('button', { name: 'New company' }).click();
    await page.getByLabel('Domain').fill('acme.es');
    await page.getByRole('button', { name: 'Create company' }).click();
    const alert = page.getByRole('alert');
    expect(await visible(alert)).toBe(true);
    expect(await alert.textContent()).toContain('Name is required');
    await screenshot(page, 'crm-mandatory-refused');
    expect(await page.getByRole('table', { name: 'Companies' }).count()).toBe(0);

    await page.getByLabel(/^Name\b/).fill('Acme Iberia');
    await page.getByRole('button', { name: 'Create company' }).click();
    expect(await visible(page.getByRole('table', { name: 'Companies' }).getByRole('cell', { name: 'Acme Iberia' }))).toBe(true);
    expect(await page.getByRole('table', { name: 'Companies' }).getByRole('cell', { name: 'acme.es' }).count()).toBe(1);
  });
});
