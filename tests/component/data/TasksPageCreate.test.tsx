import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TasksPage } from '../../../components/tasks/TasksPage';
import { SnoozeControl } from '../../../components/tasks/SnoozeControl';
import { setLocale } from '../../../i18n';
import { addTask } from '../../../storage/activities/activities';
import { startOfLocalDay, tomorrowMorning } from '../../../storage/activities/taskTime';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ActivityOf } from '../../../storage/model/entities';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const DAY = 86_400_000;
const listed = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.querySelector('label')!.textContent!.trim());
const tasks = async () => (await db.activities.toArray()).filter((a): a is ActivityOf<'task'> => a.kind === 'task');
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('TasksPage: opening tab, new tasks, snooze', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    localStorage.clear();
  });

  it('opens on the first tab with a task: Upcoming when that is all there is, Today when there is nothing', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await addTask(db, [ana.id], 'Next week', startOfLocalDay(Date.now()) + 7 * DAY);
    const { unmount } = renderWithDb(<TasksPage />);
    expect(await screen.findByRole('list', { name: 'Upcoming' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Upcoming/ })).toHaveAttribute('aria-pressed', 'true');
    unmount();
    await resetDb();
    renderWithDb(<TasksPage />);
    expect(await screen.findByText('No tasks here.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Today/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('creates a task with a date, a time and a record found by type-ahead', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Bruno' });
    const user = userEvent.setup();
    renderWithDb(<TasksPage />);
    const form = await screen.findByRole('form', { name: 'New task' });
    const day = isoDay(Date.now() + 2 * DAY);
    expect(within(form).getByLabelText('Time (optional)')).toBeDisabled();
    await user.type(within(form).getByLabelText('Task'), 'Send the contract');
    await user.type(within(form).getByLabelText('Due date'), day);
    await user.type(within(form).getByLabelText('Time (optional)'), '14:30');
    await user.type(within(form).getByRole('combobox', { name: 'About (optional)' }), 'ana');
    await user.click(await screen.findByRole('option', { name: /Ana Ruiz/ }));
    expect(within(form).getByRole('list', { name: /About/ })).toHaveTextContent('Ana Ruiz');
    await user.click(within(form).getByRole('button', { name: 'Add task' }));

    await waitFor(async () => expect(await tasks()).toHaveLength(1));
    const [task] = await tasks();
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    expect(task).toMatchObject({ title: 'Send the contract', recordIds: [ana.id], due: new Date(y, m - 1, d, 14, 30).getTime(), timed: true, done: false });
    expect(screen.getByRole('status')).toHaveTextContent('Task added: Send the contract');
    // The form is ready for the next one, and the page shows the tab the task fell in.
    expect(within(form).getByLabelText('Task')).toHaveValue('');
    expect(screen.getByRole('button', { name: /^Upcoming/ })).toHaveAttribute('aria-pressed', 'true');
    const row = within(await screen.findByRole('list', { name: 'Upcoming' })).getByRole('listitem');
    expect(row).toHaveTextContent(/due .*14:30|due .*2:30/);
    expect(within(row).getByRole('link', { name: 'Ana Ruiz' })).toHaveAttribute('href', `#/record/${ana.id}`);
  });

  it('a task about no record and no date is fine, and shows among all open tasks', async () => {
    const user = userEvent.setup();
    renderWithDb(<TasksPage />);
    const form = await screen.findByRole('form', { name: 'New task' });
    expect(within(form).getByRole('button', { name: 'Add task' })).toBeDisabled();
    await user.type(within(form).getByLabelText('Task'), 'Plan the week');
    await user.click(within(form).getByRole('button', { name: 'Add task' }));
    await waitFor(async () => expect((await tasks()).map((x) => x.title)).toEqual(['Plan the week']));
    expect((await tasks())[0]!.due).toBeUndefined();
    // Undated: it shows among all open tasks.
    expect(within(await screen.findByRole('list', { name: 'All open' })).getByText('Plan the week')).toBeInTheDocument();
  });

  it('snoozes an overdue task to tomorrow morning: it leaves Overdue and shows under Upcoming', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const late = await addTask(db, [ana.id], 'Call Ana', Date.now() - 2 * DAY);
    const user = userEvent.setup();
    renderWithDb(<TasksPage />);
    await screen.findByRole('list', { name: 'Overdue' });
    await user.click(screen.getByRole('button', { name: 'Snooze Call Ana' }));
    expect(screen.getByRole('button', { name: 'Snooze Call Ana' })).toHaveAttribute('aria-expanded', 'true');
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: /^Tomorrow · / }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Overdue/ })).toHaveTextContent('Overdue 0'));
    const stored = (await db.activities.get(late.id)) as ActivityOf<'task'>;
    expect(stored.timed).toBe(true);
    expect([tomorrowMorning(before), tomorrowMorning(Date.now())]).toContain(stored.due);
    expect(screen.getByRole('status')).toHaveTextContent(/^Call Ana snoozed until /);
    // The page stays on the tab it opened on: the snoozed task left it.
    expect(screen.getByRole('button', { name: /^Overdue/ })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: /^Upcoming/ }));
    expect(listed('Upcoming')).toEqual(['Call Ana']);
  });

  it('snoozes to a picked date and time, and Escape closes the choices', async () => {
    const task = await addTask(db, (await Promise.all([createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' })])).map((r) => r.id), 'Follow up', Date.now());
    const user = userEvent.setup();
    renderWithDb(<TasksPage />);
    const toggle = await screen.findByRole('button', { name: 'Snooze Follow up' });
    await user.click(toggle);
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Pick a date…' }));
    const group = screen.getByRole('group', { name: 'Snooze Follow up' });
    await user.type(within(group).getByLabelText('Due date'), '2031-05-06');
    await user.type(within(group).getByLabelText('Time (optional)'), '08:15');
    await user.click(within(group).getByRole('button', { name: 'Snooze until then' }));
    await waitFor(async () => expect(await db.activities.get(task.id)).toMatchObject({ due: new Date(2031, 4, 6, 8, 15).getTime(), timed: true }));
  });

  it('offers no "later today" in the evening, when it would be tomorrow morning', async () => {
    const task = await addTask(db, [], 'Evening task', Date.now());
    const user = userEvent.setup();
    const at = (h: number) => new Date(2030, 5, 12, h, 0).getTime();
    const { rerender } = renderWithDb(<SnoozeControl task={task} now={at(10)} onSnoozed={() => undefined} onError={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Snooze Evening task' }));
    expect(screen.getByRole('button', { name: /^Later today · / })).toHaveTextContent('1:00');
    rerender(<SnoozeControl task={task} now={at(19)} onSnoozed={() => undefined} onError={() => undefined} />);
    expect(screen.queryByRole('button', { name: /^Later today/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Tomorrow · / })).toBeInTheDocument();
  });

  it.each([
    ['es', 'Nueva tarea', 'Posponer Llamar'],
    ['it', 'Nuova attività', 'Posticipa Llamar'],
  ] as const)('speaks %s', async (locale, form, snooze) => {
    setLocale(locale);
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await addTask(db, [ana.id], 'Llamar', Date.now());
    renderWithDb(<TasksPage />);
    expect(await screen.findByRole('form', { name: form })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: snooze })).toBeInTheDocument();
  });
});
