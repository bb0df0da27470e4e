import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, visible } from './support/extension';
import { useExtensionSession, type SessionAccessor } from './support/session';

/**
 * Dark and light in Chromium with the built extension: the system's prefers-color-scheme (emulated),
 * and the host's ?theme= overriding it for the framed pages (what the Gmail content script adds).
 */
type Scheme = 'dark' | 'light';

async function open(session: SessionAccessor, path: string, scheme: Scheme): Promise<Page> {
  const page = await session().context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${path}: ${e.message}`));
  // Before the first paint, as the system setting would be.
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${session().extensionId}/${path}`);
  return page;
}

/** The painted background under `selector` (the nearest ancestor with one) and its text colour. */
function colours(target: Page | Frame, selector: string) {
  return target.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    let bg = 'rgba(0, 0, 0, 0)';
    for (let node: Element | null = el; node; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    return { bg, fg: getComputedStyle(el).color, scheme: getComputedStyle(document.documentElement).colorScheme };
  }, selector);
}

/** WCAG relative luminance of a computed `rgb(r, g, b)`. */
function luminance(css: string): number {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const linear = (v: string | undefined) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(m[1]) + 0.7152 * linear(m[2]) + 0.0722 * linear(m[3]);
}

async function expectDark(target: Page | Frame, selector: string) {
  const c = await colours(target, selector);
  expect(luminance(c.bg), `${selector} background ${c.bg}`).toBeLessThan(0.2);
  expect(luminance(c.fg), `${selector} text ${c.fg}`).toBeGreaterThan(0.6);
  expect(c.scheme).toBe('dark');
}

async function expectLight(target: Page | Frame, selector: string) {
  const c = await colours(target, selector);
  expect(luminance(c.bg), `${selector} background ${c.bg}`).toBeGreaterThan(0.8);
  expect(luminance(c.fg), `${selector} text ${c.fg}`).toBeLessThan(0.1);
  expect(c.scheme).toBe('light');
}

const sidebarFrame = async (page: Page): Promise<Frame> => {
  const handle = await page.waitForSelector('iframe[title="Threadline sidebar"]');
  return (await handle.contentFrame())!;
};

describe('dark and light themes', () => {
  const session = useExtensionSession();

  it('follows a dark system on the CRM page: reports, contacts, a new record form, the pipeline', async () => {
    const page = await open(session, 'dashboard.html#/page/reports', 'dark');
    // Offered on an empty workspace only: the demo data fills the reports and the tables below.
    await page.getByRole('button', { name: 'Load demo data' }).click();
    expect(await visible(page.getByRole('region', { name: /Lifecycle funnel/ }), 30_000)).toBe(true);
    await expectDark(page, '.tl-rp-card');
    await expectDark(page, '.recharts-legend-item-text');
    await screenshot(page, 'theme-dark-reports');

    await page.getByRole('navigation').getByRole('link', { name: /^Contacts\b/ }).click();
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Lucía');
    await page.getByLabel('Last name').fill('García');
    await page.getByLabel('Emails').fill('lucia@acme.es');
    await page.getByRole('button', { name: 'Create contact' }).click();
    expect(await visible(page.getByRole('table', { name: 'Contacts' }).getByRole('cell', { name: 'lucia@acme.es' }))).toBe(true);
    await expectDark(page, '.tl-main');
    await expectDark(page, '.tl-folders');
    await expectDark(page, '.tl-table-scroll thead th');
    await screenshot(page, 'theme-dark-contacts');

    // A form with native inputs and selects, and the refusal of a missing mandatory field.
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByRole('alert'));
    await screenshot(page, 'theme-dark-contact-form');

    await page.getByRole('navigation').getByRole('link', { name: 'Pipeline' }).click();
    await page.locator('.tl-board-card').first().waitFor();
    await expectDark(page, '.tl-board-card');
    await screenshot(page, 'theme-dark-pipeline');
  });

  it('stays as it was in a light system', async () => {
    const page = await open(session, 'dashboard.html', 'light');
    await page.getByRole('table', { name: 'Contacts' }).waitFor();
    await expectLight(page, '.tl-main');
    await screenshot(page, 'theme-light-contacts');
  });

  it('shows the demo inbox and its framed sidebar dark in a dark system', async () => {
    const page = await open(session, 'demo.html', 'dark');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: /Precio para 200 licencias/ }).click();
    const frame = await sidebarFrame(page);
    await frame.getByRole('heading', { name: 'Precio para 200 licencias' }).waitFor();
    await expectDark(page, '.demo-main');
    await expectDark(page, ".demo-list button[aria-current='true']");
    await expectDark(frame, 'body');
    await screenshot(page, 'theme-dark-demo');

    // A known contact, a logged email and its history: the sidebar's cards, badges and the ok state.
    const sidebar = page.frameLocator('iframe[title="Threadline sidebar"]');
    await sidebar.getByRole('button', { name: 'Add contact' }).click();
    // The first test's demo data logged one of the thread's two messages already.
    await sidebar.getByRole('button', { name: /^Log (email|1 new message)$/ }).click();
    await sidebar.getByRole('button', { name: 'Email logged' }).waitFor();
    await expectDark(await sidebarFrame(page), '.tl-card');
    await screenshot(page, 'theme-dark-demo-logged');
  });

  it('takes the host theme from ?theme= over the system setting', async () => {
    const lightInDark = await open(session, 'sidebar.html?theme=light', 'dark');
    await lightInDark.locator('#root > *').first().waitFor();
    expect(await lightInDark.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await expectLight(lightInDark, 'body');

    const darkInLight = await open(session, 'sidebar.html?theme=dark', 'light');
    await darkInLight.locator('#root > *').first().waitFor();
    await expectDark(darkInLight, 'body');
    await screenshot(darkInLight, 'theme-dark-sidebar-idle');

    const crm = await open(session, 'dashboard.html?theme=dark', 'light');
    await crm.getByRole('table', { name: 'Contacts' }).waitFor();
    await expectDark(crm, '.tl-main');

    // Anything but dark or light is ignored: the system decides.
    const bogus = await open(session, 'sidebar.html?theme=blue', 'dark');
    await bogus.locator('#root > *').first().waitFor();
    expect(await bogus.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await expectDark(bogus, 'body');
  });
});
