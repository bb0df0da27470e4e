import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = {
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  db: { records: { get(id: string): Promise<{ values: Record<string, unknown> } | undefined> } };
};

/** Runs in the CRM page: companies to pick from and five contacts, the newest changed last. */
async function seed(): Promise<{ contacts: string[]; globex: string }> {
  const tl = (globalThis as unknown as { __tl: Tl }).__tl;
  await tl.createRecord('folder_companies', { fo_name: 'Acme Ibérica', fo_domain: 'acme.es' });
  const globex = await tl.createRecord('folder_companies', { fo_name: 'Globex', fo_domain: 'globex.io' });
  await tl.createRecord('folder_companies', { fo_name: 'Global Foods', fo_domain: 'globalfoods.it' });
  const contacts: string[] = [];
  for (const [first, last] of [['Elena', 'Rossi'], ['Diego', 'Martín'], ['Chiara', 'Bianchi'], ['Bruno', 'Costa'], ['Ana', 'López']]) {
    contacts.push((await tl.createRecord('folder_contacts', { fc_firstName: first, fc_lastName: last })).id);
  }
  return { contacts, globex: globex.id };
}

const valuesOf = (page: Page, id: string) =>
  page.evaluate(async (recordId) => (await (globalThis as unknown as { __tl: Tl }).__tl.db.records.get(recordId))?.values, id);

/** Saved for the person reviewing the change too, under one folder of their own. */
async function shot(page: Page, name: string) {
  const path = await screenshot(page, name);
  const dir = process.env.THREADLINE_SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(path, join(dir, `${name}.png`));
  }
}

describe('stable tables and pickers in Chromium with the built extension', () => {
  const session = useExtensionSession();

  it('three edits in the second row of a newest-change-first view land on one record; a company is picked by type-ahead', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await page.setViewportSize({ width: 1000, height: 640 });
    await loadPageModules(page);
    const { contacts, globex } = await page.evaluate(seed);
    await page.goto(page.url().replace(/#.*$/, '') + '#/folder/folder_contacts');
    const table = page.getByRole('table', { name: 'Contacts' });
    const rows = table.locator('tbody tr:not(.tl-spacer)');
    await expect.poll(() => rows.locator('td:nth-child(2)').allTextContents()).toEqual(['Ana', 'Bruno', 'Chiara', 'Diego', 'Elena']);
    const second = rows.nth(1);
    const bruno = contacts[3]!;

    // Last name: double-click, type, Tab saves and moves right (to Emails).
    await second.locator('td').nth(2).dblclick();
    const lastName = page.getByRole('group', { name: /Edit Last name of Bruno/ }).getByLabel('Last name');
    await lastName.fill('Costa Neri');
    await shot(page, 'tables-editing');
    await lastName.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('td')?.cellIndex)).toBe(3);

    // Emails: Enter opens the focused cell; Tab again moves to Company.
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: /Edit Emails of/ }).getByLabel('Emails').fill('bruno@globex.io');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('td')?.cellIndex)).toBe(4);

    // Company: the type-ahead combobox; Enter picks the highlighted suggestion, the next Enter saves and moves down.
    await page.keyboard.press('Enter');
    const picker = page.getByRole('group', { name: /Edit Company of/ }).getByRole('combobox');
    await picker.pressSequentially('glo');
    const options = page.getByRole('listbox', { name: 'Suggestions for Company' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(['Globexglobex.io', 'Global Foodsglobalfoods.it']);
    await shot(page, 'tables-combobox-open');
    await picker.press('Enter');
    expect(await visible(page.getByRole('button', { name: 'Remove Globex' }))).toBe(true);
    await picker.press('Enter');
    await expect.poll(async () => (await valuesOf(page, bruno))?.fc_company).toEqual([globex]);
    // Focus went down one row in the same column, never to the page.
    await expect.poll(() => page.evaluate(() => {
      const td = document.activeElement?.closest('td');
      return td ? [(td.parentElement as HTMLTableRowElement).querySelectorAll('td')[1]!.textContent, td.cellIndex] : null;
    })).toEqual(['Chiara', 4]);

    const saved = await valuesOf(page, bruno);
    expect([saved?.fc_lastName, saved?.fc_emails, saved?.fc_company]).toEqual(['Costa Neri', ['bruno@globex.io'], [globex]]);
    // Bruno is now the newest change, yet still the second row; everyone else is as they were.
    await expect.poll(() => rows.nth(1).locator('td').nth(4).textContent()).toBe('Globex');
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['Ana', 'Bruno', 'Chiara', 'Diego', 'Elena']);
    for (const other of contacts.filter((id) => id !== bruno)) expect((await valuesOf(page, other))?.fc_company).toBeUndefined();

    // Scrolled sideways, the checkbox and title columns stay in view.
    await page.getByTestId('table-scroll').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => page.getByTestId('table-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const box = await page.getByTestId('table-scroll').boundingBox();
    const title = await rows.nth(1).locator('td').nth(1).boundingBox();
    expect(title!.x).toBeGreaterThanOrEqual(box!.x + 40);
    expect(title!.x).toBeLessThan(box!.x + 60);
    await shot(page, 'tables-sticky-scrolled');

    // Navigation refreshes the order: back on the folder, Bruno (the newest change) comes first.
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'Contacts' }).locator('tbody tr:not(.tl-spacer) td:nth-child(2)').first().textContent()).toBe('Bruno');
  });

  it('the record form links companies through the same picker, as chips', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Giulia');
    const picker = page.getByRole('combobox', { name: 'Company' });
    for (const typed of ['acme', 'global f']) {
      await picker.fill(typed);
      await expect.poll(() => page.getByRole('listbox', { name: 'Suggestions for Company' }).getByRole('option').count()).toBe(1);
      await picker.press('Enter');
    }
    await picker.fill('glo');
    await expect.poll(() => page.getByRole('listbox', { name: 'Suggestions for Company' }).getByRole('option').allTextContents()).toEqual(['Globexglobex.io']);
    await shot(page, 'tables-form-chips');
    await picker.press('Escape');
    // Owner, in the local workspace: "me".
    const owner = page.getByRole('combobox', { name: 'Owner' });
    await owner.click();
    const me = page.getByRole('listbox', { name: 'Suggestions for Owner' }).getByRole('option');
    await expect.poll(() => me.allTextContents()).toEqual(['MeYou, in this local workspace']);
    await owner.press('ArrowDown');
    await shot(page, 'tables-owner-picker');
    await owner.press('Enter');
    expect(await visible(page.getByRole('button', { name: 'Remove Me' }))).toBe(true);
    await page.getByRole('button', { name: 'Create contact' }).click();
    const row = page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Giulia/ });
    await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('Acme Ibérica, Global Foods');
  });
});
