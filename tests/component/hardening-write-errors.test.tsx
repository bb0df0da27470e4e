import { screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../support/render';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordPage } from '../../components/crm/RecordPage';
import { RecordTasks } from '../../components/crm/RecordTasks';
import { setLocale, t } from '../../i18n';
import { Timeline } from '../../components/timeline/Timeline';
import { addTask, setTaskDone } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, deleteRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

// The real write functions, spied on so a test can make one call fail the way IndexedDB does.
vi.mock('../../storage/activities/activities', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../storage/activities/activities')>();
  return { ...real, setTaskDone: vi.fn(real.setTaskDone) };
});
vi.mock('../../storage/write/records', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../storage/write/records')>();
  return { ...real, deleteRecord: vi.fn(real.deleteRecord) };
});

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/** A full disk, as Dexie reports it from inside the write's transaction. */
const fullDisk = () => new Dexie.QuotaExceededError('QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

beforeEach(async () => {
  await resetDb();
  setLocale('en');
  history.replaceState(null, '', '#/');
});
afterEach(() => vi.clearAllMocks());

/** Whether the stored task is done, as the database has it now. */
const storedDone = async (id: string) => {
  const task = await db.activities.get(id);
  return task?.kind === 'task' ? task.done : undefined;
};

async function contactWithTask() {
  const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
  const task = await addTask(db, [contact.id], 'Send the offer');
  return { contact, task };
}

describe('a refused task write is shown beside the box, and the box shows what is stored', () => {
  it.each([
    ['the timeline', (recordId: string) => <Timeline recordIds={[recordId]} pipelines={[]} />],
    ['the record page task list', (recordId: string) => <RecordTasks recordId={recordId} />],
  ])('%s', async (_where, view) => {
    const { contact, task } = await contactWithTask();
    vi.mocked(setTaskDone).mockRejectedValueOnce(fullDisk());
    renderWithDb(view(contact.id));
    const box = await screen.findByRole('checkbox', { name: /Send the offer/ });
    await userEvent.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent(t('errors.quota'));
    expect(setTaskDone).toHaveBeenCalledWith(db, task.id, true);
    expect(box).not.toBeChecked();
    expect(await storedDone(task.id)).toBe(false);

    // The next attempt succeeds: the message goes and the box follows the stored task.
    await userEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await storedDone(task.id)).toBe(true);
  });
});

describe('deleting a record', () => {
  it('a refused delete stays on the record page and says why; nothing is deleted', async () => {
    const { contact } = await contactWithTask();
    vi.mocked(deleteRecord).mockRejectedValueOnce(fullDisk());
    history.replaceState(null, '', `#/record/${contact.id}`);
    renderWithDb(<RecordPage recordId={contact.id} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete record' }));
    await userEvent.click(screen.getByRole('button', { name: t('views.deleteConfirm') }));
    expect(await screen.findByRole('alert')).toHaveTextContent(t('errors.quota'));
    expect(location.hash).toBe(`#/record/${contact.id}`);
    expect(await db.records.get(contact.id)).toBeDefined();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Ana');
  });

  it('a delete that works still goes back to the folder', async () => {
    const { contact } = await contactWithTask();
    renderWithDb(<RecordPage recordId={contact.id} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete record' }));
    await userEvent.click(screen.getByRole('button', { name: t('views.deleteConfirm') }));
    await waitFor(() => expect(location.hash).toBe(`#/folder/${PRESET_FOLDER_IDS.contacts}`));
    expect(await db.records.get(contact.id)).toBeUndefined();
  });
});
