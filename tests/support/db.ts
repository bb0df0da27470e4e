import { openThreadlineDb } from '../../storage/open';
import { SHARED_WORKSPACE_KEY } from '../../storage/replica/workspaceMode';
import type { ThreadlineDB } from '../../storage/db/db';
import { forgetThreadViews } from '../../components/sidebar/threadViewCache';

/**
 * The database unit and component tests act on: storage functions take it as their first
 * argument, components get it from `renderWithDb` (tests/support/render.tsx).
 */
export const db = openThreadlineDb('threadline-test');

/** A fresh, freshly populated workspace for each test (the local workspace: no outbox, no clocks). */
export async function resetDb() {
  db.close();
  await db.delete();
  // The sidebar's memory of thread reads would outlive the deleted database.
  forgetThreadViews();
  await db.open();
}

/**
 * Makes `target` a member of a shared workspace, as joining one does: from then on its writes stamp
 * clocks and queue outbox entries. Tests of sync and of the outbox start with it.
 */
export async function shareWorkspace(target: ThreadlineDB = db, role: 'owner' | 'admin' | 'member' | 'viewer' = 'owner') {
  await target.syncState.put({ key: SHARED_WORKSPACE_KEY, value: { id: 'ws_test', name: 'Test workspace', role } });
}
