import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncStatusBadge } from '../../components/workspace/SyncStatusBadge';
import { WorkspacePage } from '../../components/workspace/WorkspacePage';
import { setLocale } from '../../i18n';
import { createRecord } from '../../storage/write/records';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { refuse } from '../../sync/outbox';
import { setActiveWorkspace, writeStatus, type ActiveWorkspace } from '../../sync/state';
import type { Account, WorkspaceService } from '../../sync/workspaces';
import { db, resetDb, shareWorkspace } from '../support/db';
import { renderWithDb } from '../support/render';

beforeEach(async () => {
  setLocale('en');
  await resetDb();
});

describe('SyncStatusBadge', () => {
  it('says local workspace when nothing syncs, whatever the outbox holds', async () => {
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await writeStatus(db, { state: 'local' });
    renderWithDb(<SyncStatusBadge />);
    expect(await screen.findByRole('status')).toHaveTextContent('Local workspace');
  });

  it('counts waiting changes live, and shows offline, errors and refused changes', async () => {
    await shareWorkspace();
    await writeStatus(db, { state: 'synced', waiting: 0, at: 1 });
    renderWithDb(<SyncStatusBadge />);
    const badge = await screen.findByRole('status');
    await vi.waitFor(() => expect(badge).toHaveTextContent('Synced'));
    await act(() => createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' }));
    await act(() => createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Bo' }));
    await vi.waitFor(() => expect(badge).toHaveTextContent('2 changes waiting'));
    await act(() => writeStatus(db, { state: 'offline', waiting: 2 }));
    await vi.waitFor(() => expect(badge).toHaveTextContent('Offline · 2 waiting'));
    await act(() => writeStatus(db, { state: 'error', waiting: 2, reason: 'quota exceeded' }));
    await vi.waitFor(() => expect(badge).toHaveTextContent('Sync error: quota exceeded'));
    const [first] = await db.outbox.toArray();
    await act(() => refuse(db, [first!.seq!], 'Missing or insufficient permissions.'));
    await vi.waitFor(() => expect(badge).toHaveTextContent('1 change refused'));
  });

  it('shows the first download as a progress bar', async () => {
    await writeStatus(db, { state: 'syncing', waiting: 0, progress: { done: 30, total: 120 } });
    renderWithDb(<SyncStatusBadge />);
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('value', '30');
    expect(bar).toHaveAttribute('max', '120');
    expect(screen.getByRole('status')).toHaveTextContent('Downloading the workspace… 25%');
  });
});

function fakeService(account: Account | null, over: Partial<WorkspaceService> = {}): WorkspaceService {
  return {
    watchAccount: (cb) => {
      cb(account);
      return () => {};
    },
    signIn: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    myWorkspaces: async () => [],
    myInvites: async () => [],
    create: vi.fn(async (name: string) => {
      const ws: ActiveWorkspace = { id: 'ws_1', name, role: 'owner' };
      await setActiveWorkspace(db, ws);
      return ws;
    }),
    members: async () => [
      { uid: 'u1', email: 'owner@acme.com', role: 'owner' },
      { uid: 'u2', email: 'rep@acme.com', role: 'member' },
    ],
    invite: vi.fn(async () => {}),
    setRole: vi.fn(async () => {}),
    remove: vi.fn(async () => {}),
    accept: vi.fn(),
    switchTo: vi.fn(),
    leave: vi.fn(),
    ...over,
  } as WorkspaceService;
}

describe('WorkspacePage', () => {
  it('without sync settings says so, and still offers the GDPR tools', async () => {
    renderWithDb(<WorkspacePage />);
    expect(screen.getByText(/no shared-workspace settings/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Personal data (GDPR)' })).toBeInTheDocument();
  });

  it('signed out: offers Google sign-in', async () => {
    const service = fakeService(null);
    renderWithDb(<WorkspacePage service={service} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with Google' }));
    expect(service.signIn).toHaveBeenCalled();
  });

  it('signed in on the local workspace: creates a shared one, then manages members as its owner', async () => {
    const service = fakeService({ uid: 'u1', email: 'owner@acme.com' });
    renderWithDb(<WorkspacePage service={service} />);
    await userEvent.type(await screen.findByLabelText('Workspace name'), 'Acme sales');
    await userEvent.click(screen.getByRole('button', { name: 'Create and upload this workspace' }));
    expect(service.create).toHaveBeenCalledWith('Acme sales');
    expect(await screen.findByText('Current workspace: Acme sales (Owner)')).toBeInTheDocument();
    const members = await screen.findByRole('region', { name: 'Members' });
    await userEvent.selectOptions(within(members).getByLabelText('Role of rep@acme.com'), 'viewer');
    expect(service.setRole).toHaveBeenCalledWith('ws_1', 'u2', 'viewer');
    await userEvent.type(within(members).getByLabelText('Email address'), 'new@acme.com');
    await userEvent.click(within(members).getByRole('button', { name: 'Invite' }));
    expect(service.invite).toHaveBeenCalledWith('ws_1', 'new@acme.com', 'member');
    expect(await within(members).findByText('Invitation sent to new@acme.com.')).toBeInTheDocument();
  });

  it('a viewer sees members but cannot invite or change roles', async () => {
    await setActiveWorkspace(db, { id: 'ws_1', name: 'Acme', role: 'viewer' });
    renderWithDb(<WorkspacePage service={fakeService({ uid: 'u3', email: 'v@acme.com' })} />);
    const members = await screen.findByRole('region', { name: 'Members' });
    expect(await within(members).findByText('rep@acme.com')).toBeInTheDocument();
    expect(within(members).queryByRole('button', { name: 'Invite' })).toBeNull();
    expect(within(members).queryByRole('combobox')).toBeNull();
  });

  it('erases a contact found by email, after confirmation', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.com'] });
    renderWithDb(<WorkspacePage confirm={() => true} />);
    await userEvent.type(screen.getByLabelText('Contact’s email address'), 'ana@acme.com');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Erase Ana everywhere' }));
    expect(await screen.findByText('Erased Ana: 0 history entries and 0 thread links deleted; 0 other entries no longer name this person.')).toBeInTheDocument();
    // Erasing the one contact found does not then claim that no one has the address.
    expect(screen.queryByText('No contact has this email address.')).toBeNull();
    expect(await db.records.get(ana.id)).toBeUndefined();
  });
});
