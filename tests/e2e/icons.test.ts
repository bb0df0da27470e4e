import type { Frame, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/**
 * What this machine's Chromium has no font for (no emoji font, like many Linux desktops) and
 * draws as an empty box: pictographs, dingbats and misc symbols, geometric shapes, and arrows
 * used as icons. "→" stays: it is a word in "Stage: New → Won" and every font draws it.
 */
const ICON_CHARS = '[\\u{1F000}-\\u{1FAFF}\\u{2600}-\\u{27BF}\\u{2B00}-\\u{2BFF}\\u{25A0}-\\u{25FF}\\u{2190}\\u{2191}\\u{2193}-\\u{21FF}]';

/**
 * Every svg of the page's root but the charts is one of Threadline's icons (hidden, shapes only)
 * and is drawn with a size; no text carries an emoji or symbol character instead.
 */
async function iconReport(frame: Page | Frame) {
  return frame.evaluate((pattern) => {
    const root = document.getElementById('root') ?? document.body;
    const shapes = ['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse'];
    // The reports' charts (recharts) are drawings, not icons.
    const svgs = [...root.querySelectorAll('svg')].filter((s) => !s.closest('.recharts-wrapper, .recharts-surface, .recharts-legend-wrapper'));
    const wrong = svgs
      .filter((s) => !(s.classList.contains('lucide') && s.getAttribute('aria-hidden') === 'true' && [...s.querySelectorAll('*')].every((c) => shapes.includes(c.tagName.toLowerCase()))))
      .map((s) => s.outerHTML.slice(0, 80));
    const undrawn = svgs.filter((s) => s.getBoundingClientRect().width === 0 && s.checkVisibility()).length;
    const chars = root.innerText.match(new RegExp(pattern, 'gu')) ?? [];
    return { icons: svgs.length, wrong, undrawn, chars };
  }, ICON_CHARS);
}

async function expectIconsOnly(frame: Page | Frame) {
  const r = await iconReport(frame);
  expect(r.icons).toBeGreaterThan(0);
  expect({ wrong: r.wrong, undrawn: r.undrawn, chars: r.chars }).toEqual({ wrong: [], undrawn: 0, chars: [] });
}

const iconIn = (locator: Locator) => locator.locator('svg.lucide').first().getAttribute('class');

describe('icons in Chromium without an emoji font', () => {
  const session = useExtensionSession();

  it('the sidebar in the demo inbox: cards, the logged mark and the history', async () => {
    const page = await openExtensionPage(session(), 'demo.html');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: /Precio para 200 licencias/ }).click();
    const sidebar = page.frameLocator('iframe[title="Threadline sidebar"]');
    const form = sidebar.getByRole('form', { name: 'Add lucia.garcia@acme-iberia.es as a contact' });
    await form.getByRole('button', { name: 'Add contact' }).click();
    await visible(sidebar.getByRole('article', { name: 'Contact Lucía García' }));
    await sidebar.getByRole('button', { name: 'Log email' }).click();
    const logged = sidebar.getByRole('button', { name: 'Email logged' });
    await visible(logged);
    expect(await iconIn(logged)).toContain('lucide-check');
    await visible(sidebar.getByRole('list', { name: 'History' }).locator('svg.lucide-mail'));
    // A deal for the board below, and a note in the history.
    await sidebar.getByRole('button', { name: 'New deal from this thread' }).click();
    await sidebar.getByRole('form', { name: 'New deal from this thread' }).getByRole('button', { name: 'Create deal' }).click();
    await visible(sidebar.getByRole('article', { name: 'Deal Precio para 200 licencias' }));
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Wants volume discount');
    await sidebar.getByRole('button', { name: 'Add note' }).click();
    await visible(sidebar.getByRole('list', { name: 'History' }).locator('svg.lucide-sticky-note'));
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
    await expectIconsOnly(frame);
    await screenshot(page, 'icons-sidebar');
  });

  it('the CRM page: navigation, a folder, the icon picker, the board, tasks and reports', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    const nav = page.getByRole('navigation', { name: 'Folders' });
    await visible(page.getByRole('heading', { level: 2, name: 'Contacts' }));
    expect(await iconIn(nav.getByRole('link', { name: /^Contacts/ }))).toContain('lucide-user');
    expect(await iconIn(nav.getByRole('link', { name: 'Reports' }))).toContain('lucide-chart-column');
    await expectIconsOnly(page);
    await screenshot(page, 'icons-crm-contacts');

    await nav.getByRole('button', { name: 'New folder' }).click();
    const dialog = page.getByRole('form', { name: 'New folder' });
    await dialog.getByRole('textbox', { name: 'Folder name' }).fill('Partners');
    await dialog.getByText('Rocket').locator('..').click();
    expect(await dialog.getByRole('radio', { name: 'Rocket' }).isChecked()).toBe(true);
    await screenshot(page, 'icons-folder-picker');
    await dialog.getByRole('button', { name: 'Create folder' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Partners' });
    await visible(heading);
    expect(await iconIn(heading)).toContain('lucide-rocket');
    expect(await iconIn(nav.getByRole('link', { name: /^Partners/ }))).toContain('lucide-rocket');
    await expectIconsOnly(page);

    // Another icon, from the open folder's settings: the navigation and the open page follow at once.
    await page.getByRole('button', { name: 'Folder settings' }).click();
    const settings = page.getByRole('form', { name: 'Folder settings' });
    expect(await settings.getByRole('radio', { name: 'Rocket' }).isChecked()).toBe(true);
    await settings.getByText('Star').locator('..').click();
    await settings.getByRole('button', { name: 'Save' }).click();
    await visible(nav.getByRole('link', { name: /^Partners/ }).locator('svg.lucide-star'));
    await visible(heading.locator('svg.lucide-star'));

    await nav.getByRole('link', { name: 'Pipeline' }).click();
    await visible(page.getByRole('region', { name: 'Board' }));
    await expectIconsOnly(page);
    await screenshot(page, 'icons-board');

    for (const [name, shot] of [['Tasks', 'icons-tasks'], ['Reports', 'icons-reports'], ['Automations', 'icons-automations']] as const) {
      await nav.getByRole('link', { name }).click();
      await visible(page.getByRole('heading', { name }).first());
      await expectIconsOnly(page);
      await screenshot(page, shot);
    }
  });
});
