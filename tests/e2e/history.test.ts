import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openExtensionPage, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/** Screenshots of the changed screens; THREADLINE_SHOTS_DIR keeps one engineer's apart. */
async function shot(page: Page, name: string) {
  const dir = resolve(process.env.THREADLINE_SHOTS_DIR ?? ARTIFACTS_DIR);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

const sidebarOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Threadline sidebar"]');

/** Runs in an extension page: the id of the record with this title (read from IndexedDB). */
async function idOf(title: string): Promise<string | undefined> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('threadline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const rows = await new Promise<{ id: string; title: string }[]>((resolve, reject) => {
      const all = db.transaction('records').objectStore('records').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    return rows.find((r) => r.title === title)?.id;
  } finally {
    db.close();
  }
}

async function openRecord(page: Page, title: string): Promise<Locator> {
  const id = await page.evaluate(idOf, title);
  expect(id, title).toBeTruthy();
  await page.goto(page.url().replace(/#.*$/, '') + `#/record/${encodeURIComponent(id!)}`);
  const article = page.getByRole('article', { name: title });
  expect(await visible(article)).toBe(true);
  return article;
}

/** Logs a call through the composer inside `scope` (the sidebar or a record page), submitting with Ctrl+Enter. */
async function logCall(scope: Locator | FrameLocator, { outcome, minutes, note, called }: { outcome: string; minutes: string; note: string; called?: string }) {
  await scope.getByRole('radio', { name: 'Call' }).check();
  const form = scope.getByRole('form', { name: 'Call' });
  await form.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: outcome });
  if (called) await form.getByRole('combobox', { name: 'Called' }).selectOption({ label: called });
  await form.getByLabel('Duration (min)').fill(minutes);
  await form.getByRole('textbox', { name: 'Notes' }).fill(note);
  await form.getByRole('textbox', { name: 'Notes' }).press('Control+Enter');
  expect(await visible(form.getByText('Saved.'))).toBe(true);
}

async function logMeeting(scope: Locator | FrameLocator, { title, attendee }: { title: string; attendee: string }) {
  await scope.getByRole('radio', { name: 'Meeting' }).check();
  const form = scope.getByRole('form', { name: 'Meeting' });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('checkbox', { name: attendee }).check();
  await form.getByRole('button', { name: 'Log meeting' }).click();
  expect(await visible(form.getByText('Saved.'))).toBe(true);
}

const historyOf = (scope: Locator | FrameLocator | Page) => scope.getByRole('list', { name: 'History' });
const entry = (history: Locator, text: string | RegExp) => history.getByRole('listitem').filter({ hasText: text });

describe('calls, meetings and history where people look', () => {
  const session = useExtensionSession();

  it('logs from the sidebar and from record pages, and every history shows what belongs to it', async () => {
    const inbox = await openExtensionPage(session(), 'demo.html');
    await inbox.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: /Precio para 200 licencias/ }).click();
    const sidebar = sidebarOf(inbox);
    await sidebar.getByRole('form', { name: 'Add lucia.garcia@acme-iberia.es as a contact' }).getByRole('button', { name: 'Add contact' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Lucía García' }))).toBe(true);
    // Logged before the deal exists: creating the deal from the thread must bring the emails along.
    await sidebar.getByRole('button', { name: 'Log email' }).click();
    expect(await visible(sidebar.getByRole('button', { name: 'Email logged' }))).toBe(true);
    await sidebar.getByRole('button', { name: 'New deal from this thread' }).click();
    // The sidebar may ask the deal's name and amount first (prefilled from the subject): accept them.
    const dealCard = sidebar.getByRole('article', { name: 'Deal Precio para 200 licencias' });
    const create = sidebar.getByRole('form', { name: 'New deal from this thread' }).getByRole('button', { name: 'Create deal' });
    await Promise.race([dealCard.waitFor({ timeout: 10_000 }), create.waitFor({ timeout: 10_000 })]);
    if (await create.isVisible()) await create.click();
    expect(await visible(dealCard)).toBe(true);

    await logCall(sidebar, { outcome: 'Left voicemail', minutes: '2', note: 'Sidebar call: asked for pricing' });
    await logMeeting(sidebar, { title: 'Sidebar demo', attendee: 'Lucía García' });
    const sideHistory = historyOf(sidebar);
    expect(await visible(entry(sideHistory, 'Sidebar call: asked for pricing'))).toBe(true);
    expect(await entry(sideHistory, 'Sidebar call: asked for pricing').getByText(/Left voicemail/).count()).toBe(1);
    await sidebar.getByRole('radio', { name: 'Call' }).check();
    await shot(inbox, 'sidebar-call-form');

    const crm = await openExtensionPage(session(), 'dashboard.html');
    // The deal: the email logged before it existed, the sidebar's call and meeting; then a call and a
    // meeting from its own page, with the person taken from the deal's people.
    const deal = await openRecord(crm, 'Precio para 200 licencias');
    const dealHistory = historyOf(deal);
    expect(await visible(dealHistory.getByText(/Email from .*Lucía García.*Precio para 200 licencias/).first())).toBe(true);
    expect(await visible(entry(dealHistory, 'Sidebar call: asked for pricing'))).toBe(true);
    expect(await visible(entry(dealHistory, /Meeting: .*Sidebar demo/))).toBe(true);
    await logCall(deal, { outcome: 'Connected', minutes: '15', note: 'Deal page call: agreed on 180 seats', called: 'Lucía García' });
    await logMeeting(deal, { title: 'Deal page review', attendee: 'Lucía García' });
    expect(await visible(entry(dealHistory, 'Deal page call: agreed on 180 seats'))).toBe(true);
    expect(await visible(entry(dealHistory, 'Deal page call: agreed on 180 seats').getByText(/15 min/))).toBe(true);
    await shot(crm, 'deal-page-history');

    // The contact: everything logged on or with her, wherever it was logged.
    const contact = await openRecord(crm, 'Lucía García');
    const contactHistory = historyOf(contact);
    for (const text of ['Sidebar call: asked for pricing', 'Deal page call: agreed on 180 seats', /Meeting: .*Sidebar demo/, /Meeting: .*Deal page review/]) {
      expect(await visible(entry(contactHistory, text)), String(text)).toBe(true);
    }
    await logCall(contact, { outcome: 'No answer', minutes: '0', note: 'Contact page call' });
    expect(await visible(entry(contactHistory, 'Contact page call'))).toBe(true);
    // Logged last, within the same minute as the others: still the newest.
    expect(await contactHistory.getByRole('listitem').first().textContent()).toContain('Contact page call');
    await shot(crm, 'contact-page-history');

    // The company: its person's calls and meetings, each saying whose it is.
    const company = await openRecord(crm, 'Acme Iberia');
    const companyHistory = historyOf(company);
    expect(await visible(entry(companyHistory, 'Contact page call'))).toBe(true);
    expect(await entry(companyHistory, 'Contact page call').getByText(/on .*Lucía García/).count()).toBe(1);
    expect(await visible(entry(companyHistory, 'Deal page call: agreed on 180 seats'))).toBe(true);
    expect(await visible(entry(companyHistory, /Meeting: .*Deal page review/))).toBe(true);
    expect(await visible(entry(companyHistory, 'Sidebar call: asked for pricing'))).toBe(true);
    expect(await company.getByText('No history yet.').count()).toBe(0);
    await shot(crm, 'company-page-history');
  });
});
