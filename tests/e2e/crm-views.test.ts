import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/** The CRM views as a person uses them: custom fields, saved views, the board, the record page. */
describe('CRM views in Chromium with the built extension', () => {
  const session = useExtensionSession();

  const folderLink = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${name}\\b`) });

  async function createContact(page: Page, first: string, extra: (page: Page) => Promise<void> = async () => {}) {
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill(first);
    await extra(page);
    await page.getByRole('button', { name: 'Create contact' }).click();
  }

  it('a mandatory custom field is enforced on new contacts, naming the field', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await folderLink(page, 'Contacts').click();
    await page.getByRole('link', { name: 'Edit fields' }).click();
    const add = page.getByRole('form', { name: 'Add a field' });
    await add.getByLabel('Label').fill('Customer ID');
    await add.getByLabel('Type').selectOption('text');
    await add.getByLabel('Mandatory').check();
    await add.getByRole('button', { name: 'Add field' }).click();
    expect(await visible(page.getByRole('listitem', { name: 'Customer ID' }))).toBe(true);
    await screenshot(page, 'views-field-editor');

    await page.getByRole('link', { name: /Back to Contacts/ }).click();
    await createContact(page, 'Lucía');
    const alert = page.getByRole('alert');
    expect(await visible(alert)).toBe(true);
    expect(await alert.textContent()).toContain('Customer ID is required');
    await page.getByLabel('Customer ID').fill('C-001');
    await page.getByRole('button', { name: 'Create contact' }).click();
    const table = page.getByRole('table', { name: 'Contacts' });
    expect(await visible(table.getByRole('cell', { name: 'Lucía' }))).toBe(true);
  });

  it('a saved view with a filter is in the navigation after a reload and still filters', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_contacts');
    await createContact(page, 'Marco', async (p) => {
      await p.getByLabel('Customer ID').fill('C-002');
      await p.getByLabel('Lifecycle stage').selectOption({ label: 'Customer' });
    });
    await createContact(page, 'Giulia', async (p) => {
      await p.getByLabel('Customer ID').fill('C-003');
      await p.getByLabel('Lifecycle stage').selectOption({ label: 'Lead' });
    });
    const table = page.getByRole('table', { name: 'Contacts' });
    expect(await visible(table.getByRole('cell', { name: 'Giulia' }))).toBe(true);

    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Field of filter 1').selectOption({ label: 'Lifecycle stage' });
    await page.getByLabel('Condition of filter 1').selectOption({ label: 'is' });
    await page.getByLabel('Value of filter 1').selectOption({ label: 'Customer' });
    await expect.poll(() => table.getByRole('cell', { name: 'Giulia' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save as new view' }).click();
    await page.getByLabel('View name').fill('Customers only');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await visible(page.getByRole('navigation').getByRole('link', { name: /Customers only/ }))).toBe(true);
    await screenshot(page, 'views-table-filtered');

    await page.goto(page.url().replace(/#.*$/, ''));
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: /Customers only/ }).click();
    const again = page.getByRole('table', { name: 'Contacts' });
    expect(await visible(again.getByRole('cell', { name: 'Marco' }))).toBe(true);
    expect(await again.getByRole('cell', { name: 'Giulia' }).count()).toBe(0);
    expect(await again.getByRole('cell', { name: 'Lucía' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Filters (1)' }).isVisible()).toBe(true);
  });

  it('dragging a deal to another stage with the keyboard records the change in its timeline', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_deals');
    for (const [name, amount] of [['Acme renewal', '12000'], ['Globex pilot', '3000']] as const) {
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel(/^Name\b/).fill(name);
      await page.getByLabel('Stage').selectOption({ label: 'New' });
      await page.getByLabel('Amount', { exact: true }).fill(amount);
      await page.getByRole('button', { name: 'Create deal' }).click();
      expect(await visible(page.getByRole('table', { name: 'Deals' }).getByRole('cell', { name })));
    }
    await page.getByRole('navigation').getByRole('link', { name: /Pipeline/ }).click();
    const board = page.getByRole('region', { name: 'Board' });
    const column = (name: string) => board.getByRole('region', { name, exact: true });
    const card = column('New').getByRole('button', { name: 'Acme renewal' });
    expect(await visible(card)).toBe(true);
    expect(await column('New').textContent()).toContain('€15,000.00');

    await card.focus();
    // Each key waits for what dnd-kit announces in its live region: picked up, then over the column.
    // Right after the pick-up it may already say the card is over its own column, which replaces
    // "Picked up": either means the drag has started.
    const announced = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' }); // a visually hidden region
    await page.keyboard.press('Space');
    await announced(/Picked up Acme renewal\.|Acme renewal is over New\./);
    // dnd-kit's keyboard sensor starts listening for arrows in a setTimeout(0) queued at pick-up;
    // a 0 ms timer queued now runs after it (timers of equal delay run in order), so the arrow is heard.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowRight');
    await announced('Acme renewal is over Qualified.');
    await page.keyboard.press('Space');
    expect(await visible(column('Qualified').getByRole('button', { name: 'Acme renewal' }))).toBe(true);
    expect(await column('New').getByRole('button', { name: 'Acme renewal' }).count()).toBe(0);
    // Totals follow: Qualified holds 12,000, weighted by its 25 % probability.
    expect(await column('Qualified').textContent()).toContain('weighted €3,000.00');
    await screenshot(page, 'views-board');

    await column('Qualified').getByRole('link', { name: 'Acme renewal' }).click();
    const history = page.getByRole('list', { name: 'History' });
    expect(await visible(history.getByText('Stage: New → Qualified'))).toBe(true);
    expect(await page.getByLabel('Stage').inputValue()).toBe('pipeline_sales/qualified');
    await screenshot(page, 'views-record-page');
  });

  it('fits a 1000px wide frame, as inside Gmail\'s custom route: no page-level horizontal scrolling', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_deals/view/view_deals_board');
    await page.setViewportSize({ width: 1000, height: 720 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await visible(page.getByRole('region', { name: 'Board' }))).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'views-board-1000px');
    for (const hash of ['#/folder/folder_contacts', '#/fields/folder_contacts']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.getByRole('main').getByRole('heading').first().waitFor();
      expect(await overflow(), hash).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'views-fields-1000px');
  });

  it('searches across folders, accents ignored, and opens the record from the keyboard', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.fill('lucia');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    expect(await visible(options.filter({ hasText: 'Lucía' }))).toBe(true);
    await box.press('ArrowDown');
    await box.press('Enter');
    expect(await visible(page.getByRole('article', { name: 'Lucía' }))).toBe(true);
  });
});

/**
 * 50,000 contacts: the table keeps only a window of rows in the DOM whatever the position, and the
 * figures (load, frame gaps while scrolling, search) are printed for the benchmark issue, not asserted.
 */
describe('CRM table with 50,000 contacts', () => {
  const session = useExtensionSession();
  const N = 50_000;

  // Seeding and reading 50,000 records takes a while on a busy two-core machine: a longer budget than the default.
  it('renders a bounded window of rows, scrolls to the last record, and searches', { timeout: 300_000 }, async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_contacts');
    await page.getByRole('button', { name: 'New contact' }).waitFor();
    // Seeded straight into IndexedDB (a fixture, not a feature): 50,000 writes through the UI would take an hour.
    await page.evaluate(async (n) => {
      const open = indexedDB.open('threadline');
      const idb = await new Promise<IDBDatabase>((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
      const tx = idb.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      const first = ['Lucía', 'Marco', 'Ana', 'José', 'Chiara', 'Giulia', 'Pedro', 'Sofia'];
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        const name = `${first[i % first.length]} Person${i}`;
        const email = `p${i}@example.com`;
        store.put({
          id: `rec_bulk${String(i).padStart(6, '0')}`, folderId: 'folder_contacts', values: { fc_firstName: name, fc_emails: [email] }, title: name,
          emails: [email], domains: ['example.com'], linkedIds: [], stats: {}, createdAt: now, updatedAt: now - i,
        });
      }
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
      idb.close();
    }, N);

    await page.reload();
    const table = page.getByRole('table', { name: 'Contacts' });
    await table.getByRole('cell', { name: 'Lucía Person0', exact: true }).waitFor({ timeout: 60_000 });
    const loadedMs = await page.evaluate(() => performance.now());
    // The first page shows before the folder is counted (components/crm/useTableRows.ts): the count follows.
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe(String(N + 1));
    const rowsAtTop = await page.locator('.tl-table tbody tr:not(.tl-spacer)').count();
    expect(rowsAtTop).toBeLessThan(80);

    const scroll = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('[data-testid="table-scroll"]')!;
      const gaps: number[] = [];
      let last = performance.now();
      for (let f = 0; f < 180; f++) {
        el.scrollTop += 900;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      gaps.sort((a, b) => a - b);
      const rows = document.querySelectorAll('.tl-table tbody tr:not(.tl-spacer)').length;
      return { max: gaps[gaps.length - 1]!, p95: gaps[Math.floor(gaps.length * 0.95)]!, median: gaps[gaps.length >> 1]!, rows };
    });
    expect(scroll.rows).toBeLessThan(80);

    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="table-scroll"]')!;
      el.scrollTop = el.scrollHeight;
    });
    const lastName = `${['Lucía', 'Marco', 'Ana', 'José', 'Chiara', 'Giulia', 'Pedro', 'Sofia'][(N - 1) % 8]} Person${N - 1}`;
    expect(await visible(table.getByRole('cell', { name: lastName, exact: true }))).toBe(true);
    const rowsAtBottom = await page.locator('.tl-table tbody tr:not(.tl-spacer)').count();
    expect(rowsAtBottom).toBeLessThan(80);
    await screenshot(page, 'views-table-50k');

    const box = page.getByRole('combobox', { name: 'Search everything' });
    let started = Date.now();
    await box.fill('giulia person49997');
    await page.getByRole('option', { name: /Giulia Person49997/ }).waitFor({ timeout: 60_000 });
    const firstSearchMs = Date.now() - started;
    started = Date.now();
    await box.fill('p12345@example');
    await page.getByRole('option', { name: /Person12345/ }).waitFor();
    const nextSearchMs = Date.now() - started;

    console.info(
      `[views 50k] rows in DOM: top ${rowsAtTop}, after scrolling ${scroll.rows}, bottom ${rowsAtBottom} (of ${N}); ` +
        `page load to first rows ${Math.round(loadedMs)} ms; scroll frame gaps median ${scroll.median.toFixed(1)} / p95 ${scroll.p95.toFixed(1)} / max ${scroll.max.toFixed(1)} ms; ` +
        `search: first query (builds index) ${firstSearchMs} ms, next ${nextSearchMs} ms`,
    );
  });
});
