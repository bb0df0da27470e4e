import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TasksPage } from '../../../components/tasks/TasksPage';
import { bucketOf } from '../../../components/tasks/taskList';
import { startOfLocalDay as startOfDay } from '../../../storage/activities/taskTime';
import { setLocale } from '../../../i18n';
import { addTask } from '../../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const DAY = 86_400_000;
const { contacts, deals } = PRESET_FOLDER_IDS;

async function seed() {
  const today = startOfDay(Date.now());
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_owner: 'marta@team.io' });
  const bea = await createRecord(db, contacts, { fc_firstName: 'Bea', fc_owner: 'luis@team.io' });
  await addTask(db, [ana.id], 'Overdue call', today - DAY + 9 * 3_600_000);
  await addTask(db, [ana.id], 'Call today', today + 10 * 3_600_000);
  await addTask(db, [bea.id], 'Bea today', today + 11 * 3_600_000);
  await addTask(db, [bea.id], 'Next week', today + 7 * DAY);
  await addTask(db, [ana.id], 'Someday');
  return { ana, bea };
}

const listed = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.querySelector('label')!.textContent!.trim());

describe('TasksPage', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    localStorage.clear();
  });

  it('sorts tasks into overdue, today, upcoming, all open and done, and ticks them off', async () => {
    const { ana } = await seed();
    const user = userEvent.setup();
    renderWithDb(<TasksPage />);
    // The first tab with a task in it.
    await screen.findByRole('list', { name: 'Overdue' });
    expect(screen.getByRole('button', { name: /^Overdue/ })).toHaveAttribute('aria-pressed', 'true');
    expect(listed('Overdue')).toEqual(['Overdue call']);
    expect(screen.getByRole('button', { name: /^Overdue/ })).toHaveTextContent('Overdue 1');
    expect(screen.getByRole('button', { name: /^All open/ })).toHaveTextContent('All open 5');
    await user.click(screen.getByRole('button', { name: /^Today/ }));
    expect(listed('Today')).toEqual(['Call today', 'Bea today']);

    await user.click(screen.getByRole('button', { name: /^Overdue/ }));
    const link = within(screen.getByRole('list', { name: 'Overdue' })).getByRole('link', { name: 'Ana' });
    expect(link).toHaveAttribute('href', `#/record/${ana.id}`);

    await user.click(screen.getByRole('checkbox', { name: 'Overdue call' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Overdue/ })).toHaveTextContent('Overdue 0'));
    await user.click(screen.getByRole('button', { name: /^Done/ }));
    expect(listed('Done')).toEqual(['Overdue call']);
    const task = (await db.activities.toArray()).find((a) => a.kind === 'task' && a.title === 'Overdue call');
    expect(task).toMatchObject({ done: true });

    await user.click(screen.getByRole('button', { name: /^Upcoming/ }));
    expect(listed('Upcoming')).toEqual(['Next week']);
    await user.click(screen.getByRole('button', { name: /^All open/ }));
    expect(listed('All open')).toEqual(['Call today', 'Bea today', 'Next week', 'Someday']);
  });

  it('"Mine" shows the tasks of records I own, and remembers who I am', async () => {
    await seed();
    await createRecord(db, deals, { fd_name: 'Big deal', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' }, fd_owner: 'luis@team.io' });
    const user = userEvent.setup();
    const { unmount } = renderWithDb(<TasksPage />);
    await screen.findByRole('list', { name: 'Overdue' });
    await user.click(screen.getByRole('button', { name: /^Today/ }));
    await user.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(screen.getByText('Choose who you are (an owner of records) to see your tasks.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('I am'), 'marta@team.io');
    expect(listed('Today')).toEqual(['Call today']);
    unmount();
    renderWithDb(<TasksPage />);
    await screen.findByRole('list', { name: 'Overdue' });
    await user.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(screen.getByLabelText('I am')).toHaveValue('marta@team.io');
  });

  it('buckets by the local calendar day', () => {
    const now = new Date(2026, 2, 29, 12).getTime();
    expect(bucketOf({ done: false, due: new Date(2026, 2, 29, 0, 0).getTime() }, now)).toBe('today');
    expect(bucketOf({ done: false, due: new Date(2026, 2, 28, 23, 59).getTime() }, now)).toBe('overdue');
    expect(bucketOf({ done: false, due: new Date(2026, 2, 30, 0, 0).getTime() }, now)).toBe('upcoming');
    expect(bucketOf({ done: true, due: 0 }, now)).toBe('done');
    expect(bucketOf({ done: false, due: undefined }, now)).toBe('noDate');
  });

  it.each([
    ['es', 'Tareas', 'Vencidas'],
    ['it', 'Attività', 'Scadute'],
  ] as const)('speaks %s', async (locale, title, overdue) => {
    setLocale(locale);
    renderWithDb(<TasksPage />);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: new RegExp(overdue) })).toBeInTheDocument();
  });
});
