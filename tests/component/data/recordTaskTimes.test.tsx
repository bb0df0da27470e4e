import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordTasks } from '../../../components/crm/RecordTasks';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ActivityOf } from '../../../storage/model/entities';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const tasks = async () => (await db.activities.toArray()).filter((a): a is ActivityOf<'task'> => a.kind === 'task');

describe('a record page’s tasks with an optional time', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('stores the time when one is given and shows it; a date alone shows just the day', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const user = userEvent.setup();
    renderWithDb(<RecordTasks recordId={ana.id} />);
    const form = await screen.findByRole('form', { name: 'Add task' });
    expect(within(form).getByLabelText('Time (optional)')).toBeDisabled();
    await user.type(within(form).getByLabelText('New task'), 'Call at lunch');
    await user.type(within(form).getByLabelText('Due date'), '2031-05-06');
    await user.type(within(form).getByLabelText('Time (optional)'), '13:15');
    await user.click(within(form).getByRole('button', { name: 'Add task' }));
    await waitFor(async () => expect(await tasks()).toHaveLength(1));
    expect((await tasks())[0]).toMatchObject({ title: 'Call at lunch', due: new Date(2031, 4, 6, 13, 15).getTime(), timed: true });
    expect(await screen.findByText(/due May 6, 2031, 1:15 PM/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText('New task'), 'Send the quote');
    await user.type(within(form).getByLabelText('Due date'), '2031-05-07');
    await user.click(within(form).getByRole('button', { name: 'Add task' }));
    await waitFor(async () => expect(await tasks()).toHaveLength(2));
    expect((await tasks()).find((x) => x.title === 'Send the quote')).toMatchObject({ due: new Date(2031, 4, 7, 23, 59).getTime(), timed: false });
    const line = (await screen.findByText('Send the quote')).closest('label')!;
    expect(line).toHaveTextContent(/due May 7, 2031$/);
  });
});
