import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, readStore, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

type Tl = { createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }> };
type Activity = { kind: string; subject?: string; threadId?: string; recordIds: string[] };

/**
 * Gmail's compose window, as the demo inbox stands in for it: the content script's own compose.ts
 * adds its "Log to Threadline when sent" box and, after sending, logs the message (box ticked) or
 * offers to; the background answers the demo page as it answers Gmail.
 */
describe('logging sent mail from the compose window', () => {
  const session = useExtensionSession();
  let luciaId: string | undefined;

  async function openDemo(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await openExtensionPage(session(), 'demo.html');
    // The demo inbox follows the system's theme (it is not framed by Gmail).
    await page.emulateMedia({ colorScheme: scheme });
    if (!luciaId) {
      await loadPageModules(page);
      luciaId = await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        const lucia = await tl.createRecord('folder_contacts', { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia.garcia@acme-iberia.es'] });
        return lucia.id;
      });
    }
    return page;
  }

  const compose = (page: Page) => page.getByRole('region', { name: 'Compose window' });
  const butter = (page: Page) => page.getByRole('status', { name: 'Notifications' });
  const emailsAbout = async (page: Page, subject: string) =>
    (await readStore<Activity>(page, 'activities')).filter((a) => a.kind === 'email' && a.subject === subject);

  async function write(page: Page, subject: string) {
    await page.getByRole('button', { name: 'Compose', exact: true }).click();
    const window = compose(page);
    expect(await visible(window)).toBe(true);
    await window.getByLabel('To', { exact: true }).fill('Lucía García <lucia.garcia@acme-iberia.es>');
    await window.getByLabel('Subject', { exact: true }).fill(subject);
    await window.getByLabel('Message', { exact: true }).fill('Hola Lucía, te adjunto la propuesta.');
  }

  it('sends unticked: logs nothing, and offers to log it against Lucía', async () => {
    const page = await openDemo();
    await write(page, 'Propuesta sin registrar');
    const box = compose(page).getByRole('checkbox', { name: 'Log to Threadline when sent' });
    expect(await visible(box)).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await screenshot(page, 'compose-open');

    await compose(page).getByRole('button', { name: 'Send' }).click();
    // The offer means the background has answered: it logs nothing for a plain sent event.
    expect(await visible(butter(page).getByText('Log this email to 1 Threadline record?'))).toBe(true);
    expect(await butter(page).getByRole('button', { name: 'Log it' }).isVisible()).toBe(true);
    expect(await compose(page).count()).toBe(0);
    await screenshot(page, 'compose-offer');
    expect(await emailsAbout(page, 'Propuesta sin registrar')).toEqual([]);
  });

  it('sends with the box ticked: logs the message once against Lucía and says so', async () => {
    const page = await openDemo();
    await write(page, 'Propuesta registrada');
    await compose(page).getByRole('checkbox', { name: 'Log to Threadline when sent' }).check();
    await compose(page).getByRole('button', { name: 'Send' }).click();
    expect(await visible(butter(page).getByText('Logged to Threadline'))).toBe(true);
    await screenshot(page, 'compose-logged');

    const logged = await emailsAbout(page, 'Propuesta registrada');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.recordIds).toContain(luciaId);
    expect(logged[0]!.threadId).toMatch(/^demo-sent-/);
  });

  it('logs a reply once when the offer is accepted, in the thread it answers', async () => {
    const page = await openDemo('dark');
    await page.getByRole('button', { name: /Precio para 200 licencias/ }).click();
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const window = compose(page);
    expect(await window.getByLabel('To', { exact: true }).inputValue()).toContain('lucia.garcia@acme-iberia.es');
    expect(await window.getByLabel('Subject', { exact: true }).inputValue()).toBe('Re: Precio para 200 licencias');
    await window.getByLabel('Message', { exact: true }).fill('Aquí tienes el presupuesto.');
    await screenshot(page, 'compose-reply-dark');
    await window.getByRole('button', { name: 'Send' }).click();

    const logIt = butter(page).getByRole('button', { name: 'Log it' });
    expect(await visible(logIt)).toBe(true);
    await logIt.click();
    expect(await visible(butter(page).getByText('Logged to Threadline'))).toBe(true);
    await screenshot(page, 'compose-reply-logged-dark');
    // The offer is gone with its button: it cannot log the message twice.
    expect(await logIt.count()).toBe(0);
    const logged = await emailsAbout(page, 'Re: Precio para 200 licencias');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ threadId: 'demo-thread-1' });
    expect(logged[0]!.recordIds).toContain(luciaId);
  });
});
