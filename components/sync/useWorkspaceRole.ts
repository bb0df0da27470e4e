import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { activeWorkspace, type Role } from '../../sync/state';

/** The user's role in the shared workspace, or 'local' on the local workspace; undefined while loading. */
export function useWorkspaceRole(): Role | 'local' | undefined {
  return useLiveQuery(async () => (await activeWorkspace(db))?.role ?? 'local', []);
}

/**
 * Whether edit controls should show: viewers only read (firestore.rules refuses their writes too,
 * but a control that can only fail should not be offered). True while loading, so pages don't flicker.
 */
export function useCanWrite(): boolean {
  return useWorkspaceRole() !== 'viewer';
}
