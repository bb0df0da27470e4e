import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RepDay } from '../../../components/sidebar/RepDay';
import { SidebarApp } from '../../../components/sidebar/SidebarApp';
import { openRecord, openThread } from '../../../components/sidebar/host';
import { formatDue } from '../../../components/tasks/dueFormat';
import { setLocale } from '../../../i18n';
import { addActivityIn, logEmail, setTaskDone, type EmailToLog } from '../../../storage/activities/activities';
import { createTask } from '../../../storage/activities/tasks';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { newId } from '../../../storage/model/ids';
import { mutate } from '../../../storage/write/mutate';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.mock('../../../components/sidebar/host', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../components/sidebar/host')>()),
  openRecord: vi.fn(() => Promise.resolve()),
  openThread: vi.fn(() => Promise.resolve()),
}));

/** A local moment `days` from today: built from calendar parts, as tasks' due dates are. */
const day = (days: number, h: number, m = 0) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, h, m).getTime();
};

const deal = (name: string, stageId = 'new') => createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: name, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId } });
const noteAt = (recordId: string, at: number) =>
  mutate(db, (w) => addActivityIn(w, { id: newId('act'), kind: 'note', recordIds: [recordId], body: 'n', at, createdAt: at, updatedAt: at }));

const email = (threadId: string, messageId: string, subject: string, date: number): EmailToLog => ({
  threadId,
  messageId,
  direction: 'received',
  from: { name: 'Ana Ruiz', email: 'ana@acme.io' },
  to: [{ name: 'Me', email: 'me@team.com' }],
  cc: [],
  subject,
  snippet: '',
  date,
});

async function seed() {
  const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
  await createTask(db, { title: 'Send the quote', recordIds: [ana.id], due: { due: day(-1, 23, 59), timed: false } });
  await createTask(db, { title: 'Call Ana', recordIds: [ana.id], due: { due: day(0, 23, 59), timed: false } });
  await createTask(db, { title: 'Prepare the demo', recordIds: [ana.id], due: { due: day(1, 23, 59), timed: false } });
  const done = await createTask(db, { title: 'Old finished task', recordIds: [ana.id], due: { due: day(-2, 9), timed: true } });
  await setTaskDone(db, done.id, true);
  const big = await deal('Big renewal', 'proposal');
  const small = await deal('Small pilot');
  await noteAt(small.id, day(-3, 9));
  await noteAt(big.id, day(-2, 9));
  await logEmail(db, email('t1', 'm1', 'Pricing', day(-4, 9)), [ana.id]);
  await logEmail(db, email('t1', 'm2', 'Re: Pricing', day(-1, 9)), [ana.id]);
  await logEmail(db, email('t2', 'm3', 'Intro', day(-2, 9)), [ana.id]);
  return { ana, big, small };
}

const region = (name: string) => screen.findByRole('region', { name });
const items = (el: HTMLElement) => within(el).queryAllByRole('listitem').map((li) => li.textContent);

describe('the rep’s day in the sidebar', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    vi.mocked(openRecord).mockClear();
    vi.mocked(openThread).mockClear();
  });

  it('says so in words when there is nothing yet', async () => {
    renderWithDb(<RepDay />);
    expect(await screen.findByText('Nothing overdue or due today.')).toBeInTheDocument();
    expect(screen.getByText('No deal has any activity yet.')).toBeInTheDocument();
    expect(screen.getByText('No email logged yet.')).toBeInTheDocument();
  });

  it('shows overdue and today’s open tasks, active deals with their stage, and each logged thread once', async () => {
    await seed();
    renderWithDb(<RepDay />);
    const tasks = await region('Overdue and due today');
    await waitFor(() => expect(items(tasks)).toHaveLength(2));
    expect(within(tasks).getAllByRole('listitem')[0]).toHaveTextContent(`Call AnaDue ${formatDue({ due: day(0, 23, 59), timed: false })}`);
    expect(within(tasks).getAllByRole('listitem')[1]).toHaveTextContent(`Send the quoteOverdue: was due ${formatDue({ due: day(-1, 23, 59), timed: false })}`);
    expect(within(tasks).getAllByRole('link', { name: 'Ana Ruiz' })).toHaveLength(2);
    expect(within(tasks).queryByText('Prepare the demo')).toBeNull();
    expect(within(tasks).queryByText('Old finished task')).toBeNull();

    const deals = await region('Deals with recent activity');
    expect(within(deals).getAllByRole('link').map((a) => a.textContent)).toEqual(['Big renewal', 'Small pilot']);
    expect(within(deals).getByText('Proposal')).toBeInTheDocument();

    const threads = await region('Recently logged emails');
    expect(within(threads).getAllByRole('link').map((a) => a.textContent)).toEqual(['Re: Pricing', 'Intro']);
    expect(items(threads)[0]).toContain('From Ana Ruiz');
  });

  it('shows at most ten tasks and five deals, and counts the tasks left out', async () => {
    for (let i = 0; i < 12; i++) await createTask(db, { title: `Task ${i}`, recordIds: [], due: { due: day(-1 - i, 9), timed: true } });
    for (let i = 0; i < 7; i++) await noteAt((await deal(`Deal ${i}`)).id, day(-1, i));
    renderWithDb(<RepDay />);
    expect(await screen.findByText('2 more overdue or due today')).toBeInTheDocument();
    expect(items(await region('Overdue and due today'))).toHaveLength(10);
    expect(within(await region('Deals with recent activity')).getAllByRole('link').map((a) => a.textContent)).toEqual(['Deal 6', 'Deal 5', 'Deal 4', 'Deal 3', 'Deal 2']);
  });

  it('opens a thread in the host, and a record with its link', async () => {
    const { ana, big } = await seed();
    renderWithDb(<RepDay />);
    await userEvent.click(await screen.findByRole('link', { name: 'Re: Pricing' }));
    expect(openThread).toHaveBeenCalledWith('t1');
    await userEvent.click(screen.getByRole('link', { name: 'Big renewal' }));
    expect(openRecord).toHaveBeenCalledWith(big.id);
    await userEvent.click(within(await region('Overdue and due today')).getAllByRole('link', { name: 'Ana Ruiz' })[0]!);
    expect(openRecord).toHaveBeenLastCalledWith(ana.id);
  });

  it('updates live when a task is done', async () => {
    await seed();
    renderWithDb(<RepDay />);
    await screen.findByText('Call Ana');
    const task = (await db.activities.toArray()).find((a) => a.kind === 'task' && a.title === 'Call Ana')!;
    await setTaskDone(db, task.id, true);
    await waitFor(() => expect(screen.queryByText('Call Ana')).toBeNull());
  });

  it('speaks Spanish and Italian', async () => {
    await seed();
    setLocale('es');
    const { unmount } = renderWithDb(<RepDay />);
    expect(await screen.findByRole('heading', { name: 'Tu día' })).toBeInTheDocument();
    expect(await region('Vencidas y para hoy')).toHaveTextContent(`Vencida: vencía ${formatDue({ due: day(-1, 23, 59), timed: false })}`);
    expect(await region('Negocios con actividad reciente')).toHaveTextContent('Big renewal');
    expect(await region('Correos registrados recientemente')).toHaveTextContent('De Ana Ruiz');
    unmount();
    await resetDb();
    setLocale('it');
    renderWithDb(<RepDay />);
    expect(await screen.findByRole('heading', { name: 'La tua giornata' })).toBeInTheDocument();
    expect(screen.getByText('Niente di scaduto o in scadenza oggi.')).toBeInTheDocument();
    expect(screen.getByText('Nessuna trattativa ha ancora attività.')).toBeInTheDocument();
    expect(screen.getByText('Nessuna email registrata finora.')).toBeInTheDocument();
  });

  it('is what the sidebar shows while no thread is open', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await seed();
    renderWithDb(<SidebarApp />);
    expect(screen.getByText('Open a thread to see its people, deals and history.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Your day' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Re: Pricing' })).toBeInTheDocument();
  });
});
