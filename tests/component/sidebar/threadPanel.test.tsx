import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import type { ThreadContext } from '../../../messaging/threadContext';
import { addNote, linkThread } from '../../../storage/activities/activities';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const context: ThreadContext = {
  threadId: 'th-panel',
  subject: 'Renewal',
  userEmails: ['me@team.io'],
  messages: [{ messageId: 'm1', from: { name: 'Ana', email: 'ana@acme.es' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [{ name: 'Nuevo', email: 'nuevo@else.es' }], date: 1, snippet: 'hola' }],
};

async function workspace(notes: number) {
  // One millisecond apart, in the past: notes written in the same millisecond (a busy machine)
  // would tie and sort by their random ids, and a later real write must still be the newest.
  let clock = Date.now() - 60_000;
  const now = vi.spyOn(Date, 'now').mockImplementation(() => clock++);
  try {
    return await seed(notes);
  } finally {
    now.mockRestore();
  }
}

async function seed(notes: number) {
  const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.es' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'], fc_company: [acme.id] });
  const deal = await createRecord(db, deals, { fd_name: 'Renewal 2027', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
  await linkThread(db, context.threadId, deal.id);
  for (let i = 0; i < notes; i++) await addNote(db, [i % 2 ? ana.id : acme.id], `note ${i}`);
  return { ana, acme, deal };
}

const historyItems = () => within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem');

describe('the thread panel', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('marks sidebar-ready in the commit that shows people, deals and the first page of history', async () => {
    await workspace(30);
    const atMark: { contact: boolean; unknown: boolean; deal: boolean; history: number }[] = [];
    const mark = performance.mark.bind(performance);
    vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
      if (name === 'sidebar-ready') {
        atMark.push({
          contact: screen.queryByRole('article', { name: 'Contact Ana' }) !== null,
          unknown: screen.queryByRole('form', { name: 'Add nuevo@else.es as a contact' }) !== null,
          deal: screen.queryByRole('article', { name: 'Deal Renewal 2027' }) !== null,
          history: document.querySelectorAll('.tl-timeline > li').length,
        });
      }
      return mark(name, options);
    });
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await waitFor(() => expect(atMark).toHaveLength(1));
    // The deal's own stage-change entry makes 31 in all: the first page is 20, with more to show.
    expect(atMark[0]).toEqual({ contact: true, unknown: true, deal: true, history: 20 });
    expect(screen.getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it('pages on with "show more", keeping the first page on screen, and stays live', async () => {
    const { ana } = await workspace(30);
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await waitFor(() => expect(historyItems()).toHaveLength(20));
    expect(historyItems()[0]!.textContent).toContain('note 29');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(historyItems()).toHaveLength(31));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    await act(() => addNote(db, [ana.id], 'just now'));
    await waitFor(() => expect(historyItems()).toHaveLength(32));
    expect(historyItems()[0]!.textContent).toContain('just now');
  });

  it('shows a new note on the first page at once', async () => {
    const { ana } = await workspace(3);
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await waitFor(() => expect(historyItems()).toHaveLength(4));
    await act(() => addNote(db, [ana.id], 'Wants a discount'));
    await waitFor(() => expect(historyItems()[0]!.textContent).toContain('Wants a discount'));
    expect(historyItems()).toHaveLength(5);
  });

  it('a mailing-list thread shows its first 10 people and 5 other deals, the rest on request', async () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@list.es` }));
    const big: ThreadContext = { ...context, threadId: 'th-big', messages: [{ ...context.messages[0]!, to: list, cc: [] }] };
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    for (let i = 0; i < 8; i++) await createRecord(db, deals, { fd_name: `Deal ${i}`, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [ana.id] });
    renderWithDb(<ThreadPanel context={big} logRequests={0} />);
    const people10 = await screen.findByRole('button', { name: 'Show 41 more people' });
    // Known people are cards; this many unknown ones are a compact list, one row each.
    const people = () => within(screen.getByRole('region', { name: 'People' }));
    const cards = () => people().getAllByRole('article').length + people().queryAllByRole('form').length + people().queryAllByRole('listitem').length;
    expect(cards()).toBe(10);
    expect(screen.getAllByRole('article', { name: /^Deal Deal/ })).toHaveLength(5);
    await userEvent.click(people10);
    await waitFor(() => expect(cards()).toBe(51));
    expect(screen.queryByRole('button', { name: /more people/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show 3 more deals' }));
    expect(screen.getAllByRole('article', { name: /^Deal Deal/ })).toHaveLength(8);
  });
});
