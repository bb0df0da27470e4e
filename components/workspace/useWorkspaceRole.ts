import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shell/DbProvider';
import { can, type Access, type Resource } from '../../sync/roles';
import { activeWorkspace, type Role } from '../../sync/state';

/** The user's role in the shared workspace, or 'local' on the local workspace; undefined while loading. */
export function useWorkspaceRole(): Role | 'local' | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await activeWorkspace(db))?.role ?? 'local', [db]);
}

/**
 * Whether a control should show: the role matrix of sync/roles.ts, the same table firestore.rules
 * enforces (a control that can only fail at sync should not be offered). True while loading, so
 * pages don't flicker.
 */
export function useCan(access: Access, resource: Resource): boolean {
  const role = useWorkspaceRole();
  return role === undefined || can(role, access, resource);
}

/** Everyday work (records, history, views): everyone but viewers. */
export function useCanWrite(): boolean {
  return useCan('write', 'records');
}

/** The CRM's shape (folders, fields, pipelines): owners and admins only. */
export function useCanShape(): boolean {
  return useCan('write', 'fields');
}

/** The workspace's settings (never-log list, team domains, automations, reminder rules): owners and admins only. */
export function useCanSettings(): boolean {
  return useCan('write', 'settings');
}
