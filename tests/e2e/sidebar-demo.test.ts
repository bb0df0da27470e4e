import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/** The sidebar frame of the demo inbox: the same sidebar.html Gmail hosts. */
const sidebarOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Threadline sidebar"]');

/** Runs in the sidebar frame: the thread's logged emails as `messageId:number of records`, sorted. */
async function threadEmails(threadId: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('threadline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const rows = await new Promise<{ kind: string; threadId?: string; messageId?: string; recordIds: string[] }[]>((resolve, reject) => {
      const all = db.transaction('activities').objectStore('activities').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    return rows.filter((a) => a.kind === 'email' && a.threadId === threadId).map((a) => `${a.messageId}:${a.recordIds.length}`).sort();
  } finally {
    db.close();
  }
}

async function openThread(page: Page, label: RegExp) {
  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: label }).click();
}

describe('the Gmail loop, driven through the demo inbox', () => {
  const session = useExtensionSession();

  it('adds a contact, logs the email, links a new deal, adds a note, and sees it all from a second thread', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await openThread(page, /Precio para 200 licencias/);
    const sidebar = sidebarOf(page);

    const form = sidebar.getByRole('form', { name: 'Add lucia.garcia@acme-iberia.es as a contact' });
    expect(await visible(form)).toBe(true);
    expect(await form.getByLabel('First name').inputValue()).toBe('Lucía');
    expect(await form.getByLabel('Last name').inputValue()).toBe('García');
    expect(await form.getByText('Company: Acme Iberia (new, acme-iberia.es)').count()).toBe(1);
    await screenshot(page, 'sidebar-unknown-sender');
    await form.getByRole('button', { name: 'Add contact' }).click();
    expect(await visible(sidebar.getByRole('article', { name: 'Contact Lucía García' }))).toBe(true);

    await sidebar.getByRole('button', { name: 'Log email' }).click();
    expect(await visible(sidebar.getByRole('button', { name: 'Email logged' }))).toBe(true);
    expect(await visible(sidebar.getByText('2 of 2 messages logged', { exact: true }))).toBe(true);

    await sidebar.getByRole('button', { name: 'New deal from this thread' }).click();
    await sidebar.getByRole('form', { name: 'New deal from this thread' }).getByRole('button', { name: 'Create deal' }).click();
    const deal = sidebar.getByRole('article', { name: 'Deal Precio para 200 licencias' });
    expect(await visible(deal)).toBe(true);
    expect(await deal.getByRole('button', { name: 'Unlink thread' }).count()).toBe(1);
    await deal.getByLabel('Stage').selectOption({ label: 'Proposal' });

    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Wants volume discount; call back Friday');
    await sidebar.getByRole('button', { name: 'Add note' }).click();
    const history = sidebar.getByRole('list', { name: 'History' });
    expect(await visible(history.getByText('Wants volume discount; call back Friday'))).toBe(true);
    expect(await visible(history.getByText('Stage: New → Proposal'))).toBe(true);
    await screenshot(page, 'sidebar-thread-1-done');

    // The Gmail toolbar button path: logging again never duplicates. Each email is on the contact,
    // her company and the deal (creating the deal from the thread attached the emails logged before
    // it); with exactly those two emails on the thread nothing was logged twice (a duplicate would be
    // a third row).
    await page.getByRole('button', { name: 'Log to Threadline' }).click();
    const sidebarFrame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
    await expect.poll(() => sidebarFrame.evaluate(threadEmails, 'demo-thread-1'), { timeout: 10_000 }).toEqual(['demo-msg-1a:3', 'demo-msg-1b:3']);
    expect(await history.getByText(/Precio para 200 licencias$/).count()).toBe(2);

    await openThread(page, /Re: propuesta/);
    const second = sidebarOf(page);
    expect(await visible(second.getByRole('heading', { name: 'Re: propuesta' }))).toBe(true);
    expect(await visible(second.getByRole('article', { name: 'Contact Lucía García' }))).toBe(true);
    expect(await visible(second.getByRole('article', { name: 'Deal Precio para 200 licencias' }))).toBe(true);
    const secondHistory = second.getByRole('list', { name: 'History' });
    expect(await visible(secondHistory.getByText('Email from Lucía García: Precio para 200 licencias'))).toBe(true);
    expect(await secondHistory.getByText('Wants volume discount; call back Friday').count()).toBe(1);
    await screenshot(page, 'sidebar-thread-2-history');

    await page.reload();
    await openThread(page, /Re: propuesta/);
    const afterReload = sidebarOf(page).getByRole('list', { name: 'History' });
    expect(await visible(afterReload.getByText('Wants volume discount; call back Friday'))).toBe(true);
    expect(await afterReload.getByText(/Precio para 200 licencias$/).count()).toBe(2);
  });

  it('says it could not read a malformed thread, and writes nothing', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await openThread(page, /Unreadable thread/);
    const alert = sidebarOf(page).getByRole('alert');
    expect(await visible(alert)).toBe(true);
    expect(await alert.textContent()).toContain('couldn’t read this thread');
    await screenshot(page, 'sidebar-invalid-thread');
  });

  it('renders hostile names, subjects and snippets as text', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await openThread(page, /Suspicious sender/);
    const sidebar = sidebarOf(page);
    expect(await visible(sidebar.getByRole('heading', { name: '<b>Invoice</b><script>window.__pwned = 1</script>' }))).toBe(true);
    const form = sidebar.getByRole('form', { name: 'Add billing@hostile.example as a contact' });
    await form.getByRole('button', { name: 'Add contact' }).click();
    await sidebar.getByRole('button', { name: 'Log email' }).click();
    expect(await visible(sidebar.getByRole('button', { name: 'Email logged' }))).toBe(true);
    await screenshot(page, 'sidebar-hostile');
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Threadline's own icons are the one svg allowed: hidden, and nothing but plain shapes inside.
    expect(await frame.evaluate(() => {
      const shapes = ['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse'];
      const icon = (e: Element) => e.tagName.toLowerCase() === 'svg' && e.classList.contains('lucide') && e.getAttribute('aria-hidden') === 'true' && [...e.querySelectorAll('*')].every((c) => shapes.includes(c.tagName.toLowerCase()));
      return [...document.querySelectorAll('#root script, #root img, #root svg, #root b, #root [onerror], #root [onload]')].filter((e) => !icon(e)).map((e) => e.outerHTML.slice(0, 80));
    })).toEqual([]);
  });
});
