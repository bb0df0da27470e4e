import { act, screen, waitFor, within } from '@testing-library/react';
import { renderWithDb } from '../support/render';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldAdminPage } from '../../components/crm/FieldAdminPage';
import { FolderPage } from '../../components/crm/FolderPage';
import { RecordPage } from '../../components/crm/RecordPage';
import { ImportPage } from '../../components/import/ImportPage';
import { setLocale, t } from '../../i18n';
import { ThreadPanel } from '../../components/sidebar/ThreadPanel';
import type { ThreadContext } from '../../messaging/threadContext';
import { addTask, linkThread } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { can } from '../../sync/roles';
import { setActiveWorkspace, type Role } from '../../sync/state';
import { db, resetDb } from '../support/db';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * The UI's half of firestore.rules' role checks: a viewer only reads, so no control that writes
 * is offered (the rules would refuse the write at sync), and the page says why, once.
 */
const NOTE = 'View only: your role in this workspace is viewer.';

/** The shared workspace this device syncs with, stored the way the sync code stores it. */
const joinAs = (role: Role) => setActiveWorkspace(db, { id: 'ws-team', name: 'Team', role });

const context: ThreadContext = {
  threadId: 'th-1',
  subject: 'Licences for 2025',
  userEmails: ['me@team.io'],
  messages: [
    {
      messageId: 'm-1',
      from: { name: 'Ana García', email: 'ana@acme.es' },
      to: [{ name: 'Me', email: 'me@team.io' }],
      cc: [{ name: 'Bea Stranger', email: 'bea@umbrella.it' }],
      date: Date.UTC(2025, 0, 10),
      snippet: 'About the licences',
    },
  ],
};

/** A known contact on the thread with a task and a deal linked to the thread; one unknown person. */
async function seedThread() {
  const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'García', fc_emails: ['ana@acme.es'] });
  const pipeline = (await loadFolderSchema(db, PRESET_FOLDER_IDS.deals)).pipelines[0]!;
  const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Acme licences', fd_stage: { pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id }, fd_mainContact: [contact.id] });
  await linkThread(db, context.threadId, deal.id);
  await addTask(db, [contact.id], 'Send the offer');
  return { contact, deal };
}

/**
 * Renders `ui` as a viewer, waits for the note (the role has been read), then, for another role,
 * changes the stored role under the open page and waits for the note to go: the page follows the
 * role live, and every later assertion is about a page that knows the role.
 */
async function renderAs(role: Role | 'local', ui: ReactElement) {
  await joinAs('viewer');
  const view = renderWithDb(ui);
  expect(await screen.findAllByText(NOTE)).toHaveLength(1);
  if (role !== 'viewer') {
    await act(() => (role === 'local' ? setActiveWorkspace(db, undefined) : joinAs(role)));
    await waitFor(() => expect(screen.queryByText(NOTE)).toBeNull());
  }
  return view;
}

beforeEach(async () => {
  await resetDb();
  setLocale('en');
  history.replaceState(null, '', '#/');
});

describe('sidebar panel', () => {
  it('as viewer: no action is offered, the stage is read-only, and the note says why once', async () => {
    await seedThread();
    await renderAs('viewer', <ThreadPanel context={context} logRequests={0} />);
    await screen.findByRole('article', { name: 'Deal Acme licences' });
    expect(screen.queryByRole('button', { name: 'Log email' })).toBeNull();
    for (const name of ['Add contact', 'New deal from this thread', 'Unlink thread', 'Link thread to this deal', 'Add note']) {
      expect(screen.queryByRole('button', { name }), name).toBeNull();
    }
    expect(screen.queryByRole('region', { name: t('activity.composer') })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add bea@umbrella.it as a contact' })).toBeNull();
    // The unknown person is still listed, just without the form.
    expect(screen.getByText('bea@umbrella.it')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stage' })).toBeDisabled();
    expect(await screen.findByRole('checkbox', { name: /Send the offer/ })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Not logged yet');
  });

  it('as member: every action is there and no note', async () => {
    await seedThread();
    await renderAs('member', <ThreadPanel context={context} logRequests={0} />);
    await screen.findByRole('article', { name: 'Deal Acme licences' });
    for (const name of ['Log email', 'Add contact', 'Unlink thread', 'Add note']) {
      expect(screen.getByRole('button', { name }), name).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: t('activity.composer') })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stage' })).toBeEnabled();
    expect(await screen.findByRole('checkbox', { name: /Send the offer/ })).toBeEnabled();
  });

  it('the local workspace (no shared workspace) keeps every action', async () => {
    await seedThread();
    await renderAs('local', <ThreadPanel context={context} logRequests={0} />);
    expect(screen.getByRole('button', { name: 'Log email' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add contact' })).toBeInTheDocument();
  });
});

describe('record page', () => {
  it('as viewer: values shown in greyed editors, nothing to save, delete or add, the note once', async () => {
    const { contact } = await seedThread();
    await renderAs('viewer', <RecordPage recordId={contact.id} />);
    await screen.findByRole('heading', { level: 2, name: /Ana García/ });
    expect(screen.queryByRole('button', { name: 'Delete record' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add task' })).toBeNull();
    const form = screen.getByRole('form', { name: /Edit/ });
    expect(within(form).getByLabelText(/First name/)).toBeDisabled();
    expect(within(form).getByLabelText(/First name/)).toHaveValue('Ana');
    // The task list and the history each show the task.
    const boxes = await waitFor(() => {
      const found = screen.getAllByRole('checkbox', { name: /Send the offer/ });
      expect(found).toHaveLength(2);
      return found;
    });
    for (const box of boxes) expect(box).toBeDisabled();
  });

  it('as member: save, delete, add task and live checkboxes', async () => {
    const { contact } = await seedThread();
    await renderAs('member', <RecordPage recordId={contact.id} />);
    await screen.findByRole('heading', { level: 2, name: /Ana García/ });
    expect(screen.getByRole('button', { name: 'Delete record' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Add task' })).toBeInTheDocument();
    expect(within(screen.getByRole('form', { name: /Edit/ })).getByLabelText(/First name/)).toBeEnabled();
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: /Send the offer/ })).toHaveLength(2));
    for (const box of screen.getAllByRole('checkbox', { name: /Send the offer/ })) expect(box).toBeEnabled();
  });
});

describe('CRM pages', () => {
  it.each(['viewer', 'member', 'admin'] as const)('folder page as %s', async (role) => {
    await seedThread();
    await renderAs(role, <FolderPage folderId={PRESET_FOLDER_IDS.contacts} />);
    await screen.findByRole('toolbar');
    const writer = can(role, 'write', 'records');
    const shaper = can(role, 'write', 'fields');
    expect(screen.queryByRole('button', { name: 'New contact' }) !== null).toBe(writer);
    expect(screen.queryByRole('button', { name: 'Save as new view' }) !== null).toBe(writer);
    // The folder's shape is the owners' and admins' (firestore.rules: isAdmin for folders and fields).
    expect(screen.queryByRole('button', { name: 'Folder settings' }) !== null).toBe(shaper);
    expect(screen.queryByRole('link', { name: 'Edit fields' }) !== null).toBe(shaper);
    // Looking around stays possible for everyone.
    expect(screen.getByRole('button', { name: 'Filter' })).toBeInTheDocument();
  });

  it.each(['viewer', 'member', 'admin'] as const)('field editor as %s', async (role) => {
    await joinAs(role);
    renderWithDb(<FieldAdminPage folderId={PRESET_FOLDER_IDS.contacts} />);
    const shaper = role === 'admin';
    const note = t('sync.shapeAdminsOnly');
    // Fields are the owners' and admins' (firestore.rules: isAdmin): members see them greyed out too.
    if (!shaper) expect(await screen.findAllByText(note)).toHaveLength(1);
    else await screen.findByRole('form', { name: 'Add a field' });
    expect(screen.queryByRole('form', { name: 'Add a field' }) !== null).toBe(shaper);
    const label = screen.getByRole('textbox', { name: 'Label of First name' });
    if (shaper) expect(label).toBeEnabled();
    else expect(label).toBeDisabled();
    expect(screen.queryByText(note) !== null).toBe(!shaper);
  });

  it.each(['viewer', 'member'] as const)('CSV import as %s', async (role) => {
    await renderAs(role, <ImportPage />);
    await screen.findByRole('heading', { level: 2 });
    expect(screen.queryByLabelText('CSV file') !== null).toBe(role !== 'viewer');
  });
});
