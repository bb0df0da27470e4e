import type { ThreadlineDB } from '../db/db';

/**
 * The `syncState` key of the shared workspace this device syncs with (sync/state.ts owns its
 * value). Storage only asks whether there is one: in the local workspace nothing ever drains an
 * outbox, so writes stamp no clocks and queue nothing; joining or creating a shared workspace
 * stamps and queues everything at once (sync/local.ts).
 */
export const SHARED_WORKSPACE_KEY = 'workspace';

export async function isSharedWorkspace(db: ThreadlineDB): Promise<boolean> {
  return (await db.syncState.get(SHARED_WORKSPACE_KEY)) !== undefined;
}
