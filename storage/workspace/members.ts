import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { SHARED_WORKSPACE_KEY } from '../replica/workspaceMode';
import { mutate } from '../write/mutate';

/**
 * The shared workspace's people as this device last read them (the members list lives on the
 * server; sync/ reads it), kept in `syncState` so a user picker offers them offline and without
 * loading the sync code. Owner fields store a member's email.
 */
export const MEMBERS_KEY = 'workspaceMembers';

const memberSchema = z.object({ uid: z.string().min(1).max(200), email: z.string().max(320), role: z.string().max(20) });
const directorySchema = z.object({ workspaceId: z.string().min(1).max(200), members: z.array(memberSchema).max(10_000) });
export type DirectoryMember = z.infer<typeof memberSchema>;

/** Who a user field can name: the shared workspace's members, or `local` (only "me") in the local workspace. */
export type UserDirectory = { kind: 'local' } | { kind: 'shared'; members: DirectoryMember[] };

const activeId = z.object({ id: z.string() });

export async function readUserDirectory(db: ThreadlineDB): Promise<UserDirectory> {
  const [active, saved] = await Promise.all([db.syncState.get(SHARED_WORKSPACE_KEY), db.syncState.get(MEMBERS_KEY)]);
  if (!active) return { kind: 'local' };
  const ws = activeId.safeParse(active.value);
  const parsed = directorySchema.safeParse(saved?.value);
  // A list left from another workspace names none of this one's people.
  const current = parsed.success && ws.success && parsed.data.workspaceId === ws.data.id;
  return { kind: 'shared', members: current ? parsed.data.members : [] };
}

/** Called with each members list read from the server. */
export async function saveUserDirectory(db: ThreadlineDB, workspaceId: string, members: readonly DirectoryMember[]): Promise<void> {
  const value = directorySchema.parse({ workspaceId, members: members.map(({ uid, email, role }) => ({ uid, email, role })) });
  await mutate(db, async (w) => {
    await w.db.syncState.put({ key: MEMBERS_KEY, value });
  });
}

/** The signed-in account's address, as the sync host last saw it (null: nobody); local to this device. */
export const SIGNED_IN_KEY = 'signedInEmail';

export async function rememberSignedIn(db: ThreadlineDB, email: string | null): Promise<void> {
  await mutate(db, async (w) => {
    if (email) await w.db.syncState.put({ key: SIGNED_IN_KEY, value: email.toLowerCase() });
    else await w.db.syncState.delete(SIGNED_IN_KEY);
  });
}

export async function signedInEmail(db: ThreadlineDB): Promise<string | undefined> {
  const value = (await db.syncState.get(SIGNED_IN_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** What a user field holds for "me" in the local workspace, where no one has an account. */
export const LOCAL_ME = 'me';
