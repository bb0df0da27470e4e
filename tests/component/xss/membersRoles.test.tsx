import { screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { MembersPanel } from '../../../components/workspace/MembersPanel';
import { ROLES, type Role } from '../../../sync/state';
import type { Member, WorkspaceService } from '../../../sync/workspaces';
import { MARKUP_PAYLOADS } from '../../fixtures/xss-corpus';
import { expectInert } from './support';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * The UI's own role checks, mirroring firestore.rules (ARCHITECTURE §3: only owners and admins
 * change members; nobody changes or removes the owner), and member addresses a co-member chose
 * rendered as text. The rules themselves are tested in tests/emulator/rules.test.ts.
 */
const members: Member[] = [
  { uid: 'u-owner', email: 'owner@team.io', role: 'owner' },
  { uid: 'u-admin', email: 'admin@team.io', role: 'admin' },
  { uid: 'u-member', email: MARKUP_PAYLOADS[2], role: 'member' },
  { uid: 'u-viewer', email: MARKUP_PAYLOADS[5], role: 'viewer' },
];

function fakeService(): WorkspaceService {
  return {
    members: vi.fn(async () => members),
    invite: vi.fn(async () => undefined),
    setRole: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
  } as unknown as WorkspaceService;
}

/** What each role may do to the member list, as the rules allow it. */
const MAY_MANAGE: Record<Role, boolean> = { owner: true, admin: true, member: false, viewer: false };

beforeEach(() => {
  setLocale('en');
  delete (window as { __pwned?: unknown }).__pwned;
});

describe('members panel: role matrix', () => {
  it.each(ROLES)('as %s: member controls shown exactly when the rules allow them', async (role) => {
    const { container } = renderWithDb(<MembersPanel service={fakeService()} workspace={{ id: 'ws', name: 'Team', role }} onError={() => undefined} />);
    await waitFor(() => expect(container.textContent).toContain('admin@team.io'));
    const manage = MAY_MANAGE[role];
    for (const m of members) {
      const controls = screen.queryByRole('combobox', { name: `Role of ${m.email}` });
      const remove = screen.queryByRole('button', { name: `Remove ${m.email}` });
      // The owner can be neither demoted nor removed, by anyone.
      const expected = manage && m.role !== 'owner';
      expect(controls !== null, `${role} → role select of ${m.role}`).toBe(expected);
      expect(remove !== null, `${role} → remove ${m.role}`).toBe(expected);
    }
    expect(screen.queryByRole('button', { name: 'Invite' }) !== null).toBe(manage);
    // No role can hand out ownership from here.
    for (const select of screen.queryAllByRole('combobox')) expect([...(select as HTMLSelectElement).options].map((o) => o.value)).not.toContain('owner');
    expectInert(container);
  });
});
