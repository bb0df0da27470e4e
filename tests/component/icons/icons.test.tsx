import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { setLocale } from '../../../i18n';
import type { ThreadContext } from '../../../messaging/threadContext';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { createTask } from '../../../storage/activities/tasks';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';
import { withTableScrollHeight } from '../../support/layout';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

/**
 * Characters that only an emoji or symbol font draws: pictographs, dingbats and misc symbols
 * (☑ ⚙ ✕ ☰), geometric shapes (▦ ▲), and arrows used as icons (⇪ ⇄ ↑ ↓ ←). "→" is left out: it
 * is a word in sentences such as "Stage: New → Won", and every font has it.
 */
const ICON_CHARS = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{25A0}-\u{25FF}\u{2190}\u{2191}\u{2193}-\u{21FF}]/gu;
const iconChars = (el: Element) => (el.textContent ?? '').match(ICON_CHARS) ?? [];

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const nav = () => screen.getByRole('navigation', { name: 'Folders' });
/** A folder's own link (its views are links too: "Deals closing this month"). */
const folderLink = (name: string) => [...nav().querySelectorAll('a.tl-folder-link')].find((a) => a.textContent?.trim().startsWith(name))!;
/** The lucide icon drawn in `el`: hidden from assistive technology, named by its class. */
const drawnIcon = (el: Element) => {
  const svg = el.querySelector('svg.lucide');
  expect(svg?.getAttribute('aria-hidden')).toBe('true');
  return [...svg!.classList].find((c) => c.startsWith('lucide-'));
};

async function seed() {
  const company = await createRecord(db, companies, { fo_name: 'Acme Iberia', fo_domain: 'acme-iberia.es' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: ['ana@acme-iberia.es'], fc_company: [company.id] });
  const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_amount: { amount: 1200, currency: 'EUR' }, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [ana.id] });
  await createTask(db, { recordIds: [deal.id], title: 'Call Ana back', due: { due: Date.now() + 86_400_000, timed: false } });
  return { ana, deal };
}

withTableScrollHeight();

// Generous waits: these run beside other suites on a shared two-core machine (found, never slept for).
configure({ asyncUtilTimeout: 10_000 });

describe('icons are SVG, never emoji', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    // Before the reset: a fresh workspace's presets are named in the page's language.
    setLocale('en');
    await resetDb();
    window.location.hash = '';
  });

  it('the navigation, a folder, the board, a record, tasks and reports draw no emoji or symbol characters', async () => {
    const { ana } = await seed();
    const { container } = renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    await screen.findByRole('table', { name: 'Contacts' });
    await screen.findByText('Ruiz');
    expect(drawnIcon(folderLink('Contacts'))).toBe('lucide-user');
    expect(drawnIcon(folderLink('Companies'))).toBe('lucide-building');
    expect(drawnIcon(folderLink('Deals'))).toBe('lucide-briefcase');
    expect(drawnIcon(within(nav()).getByRole('link', { name: 'Tasks' }))).toBe('lucide-square-check');
    expect(iconChars(container)).toEqual([]);

    const pages: [string, () => Promise<unknown>][] = [
      [`#/folder/${deals}/view/view_deals_board`, () => screen.findByRole('region', { name: 'Board' })],
      [`#/record/${ana.id}`, () => screen.findByRole('article', { name: /Ana Ruiz/ })],
      ['#/page/tasks', () => screen.findByText('Call Ana back')],
      ['#/page/reports', () => screen.findByRole('heading', { name: 'Reports' })],
      ['#/page/automations', () => screen.findByRole('heading', { name: 'Automations' })],
    ];
    for (const [hash, shown] of pages) {
      go(hash);
      await shown();
      expect(iconChars(container), hash).toEqual([]);
    }
  });

  it("the sidebar's cards and history draw no emoji or symbol characters", async () => {
    await seed();
    const context: ThreadContext = {
      threadId: 'th-icons', subject: 'Pilot pricing', userEmails: ['me@team.io'],
      messages: [{ messageId: 'm1', from: { name: 'Ana Ruiz', email: 'ana@acme-iberia.es' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [], date: 1, snippet: 'Can we start in May?' }],
    };
    const { container } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await screen.findByRole('article', { name: /^Contact / });
    await userEvent.click(await screen.findByRole('button', { name: 'Log email' }));
    const logged = await screen.findByRole('button', { name: 'Email logged' });
    expect(drawnIcon(logged)).toBe('lucide-check');
    await waitFor(() => expect(screen.getByRole('list', { name: 'History' }).querySelector('svg.lucide-mail')).not.toBeNull());
    expect(iconChars(container)).toEqual([]);
  });
});
