import { z } from 'zod';
import type { ThreadlineDB } from '../storage/db/db';
import type { SyncedTable } from '../storage/model/entities';
import { SHARED_WORKSPACE_KEY } from '../storage/replica/workspaceMode';

/**
 * What the sync host tells every page through the `syncState` table (pages read it with
 * useLiveQuery, so the badge updates in every open tab without messaging).
 */
export type SyncStatus =
  | { state: 'local' }
  | { state: 'signedOut'; waiting: number }
  | { state: 'offline'; waiting: number }
  | { state: 'syncing'; waiting: number; progress?: { done: number; total: number } }
  | { state: 'waiting'; waiting: number }
  | { state: 'synced'; waiting: 0; at: number }
  | { state: 'error'; waiting: number; reason: string };

export const STATUS_KEY = 'status';
const cursorKey = (table: SyncedTable) => `cursor/${table}`;

const statusSchema = z.union([
  z.object({ state: z.literal('local') }),
  z.object({ state: z.enum(['signedOut', 'offline', 'waiting']), waiting: z.number() }),
  z.object({ state: z.literal('syncing'), waiting: z.number(), progress: z.object({ done: z.number(), total: z.number() }).optional() }),
  z.object({ state: z.literal('synced'), waiting: z.literal(0), at: z.number() }),
  z.object({ state: z.literal('error'), waiting: z.number(), reason: z.string() }),
]);

export function parseStatus(value: unknown): SyncStatus {
  const r = statusSchema.safeParse(value);
  return r.success ? (r.data as SyncStatus) : { state: 'local' };
}

export async function writeStatus(db: ThreadlineDB, status: SyncStatus): Promise<void> {
  await db.syncState.put({ key: STATUS_KEY, value: status });
}

export async function readStatus(db: ThreadlineDB): Promise<SyncStatus> {
  return parseStatus((await db.syncState.get(STATUS_KEY))?.value);
}

/** Server time (ms) of the newest document of `table` applied here; null before the first pull. */
export async function readCursor(db: ThreadlineDB, table: SyncedTable): Promise<number | null> {
  const v = (await db.syncState.get(cursorKey(table)))?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Cursors only move forward: a late, out-of-order page can never make the device re-read less. */
export async function writeCursor(db: ThreadlineDB, table: SyncedTable, ts: number): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const current = await readCursor(db, table);
    if (current === null || ts > current) await db.syncState.put({ key: cursorKey(table), value: ts });
  });
}

export async function resetCursors(db: ThreadlineDB): Promise<void> {
  await db.syncState.where('key').startsWith('cursor/').delete();
}

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export type ActiveWorkspace = { id: string; name: string; role: Role };
const WORKSPACE_KEY = SHARED_WORKSPACE_KEY;
const activeSchema = z.object({ id: z.string().min(1).max(200), name: z.string().max(120), role: z.enum(ROLES) });

/** The shared workspace this device syncs with; none: the local workspace, which never syncs. */
export async function activeWorkspace(db: ThreadlineDB): Promise<ActiveWorkspace | undefined> {
  const r = activeSchema.safeParse((await db.syncState.get(WORKSPACE_KEY))?.value);
  return r.success ? r.data : undefined;
}

export async function setActiveWorkspace(db: ThreadlineDB, ws: ActiveWorkspace | undefined): Promise<void> {
  if (ws) await db.syncState.put({ key: WORKSPACE_KEY, value: ws });
  else await db.syncState.delete(WORKSPACE_KEY);
}
