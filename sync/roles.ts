import type { SyncedTable } from '../storage/model/entities';
import type { Role } from './state';

/**
 * Who may do what in a shared workspace: the one table the UI asks (to offer only controls that can
 * succeed) and that firestore.rules enforces. tests/unit/roles.test.ts reads the role lists and
 * table lists out of firestore.rules and compares them with this table; tests/emulator/rules.test.ts
 * runs every cell against the official Firestore emulator on every test run.
 */
export type Resource = SyncedTable | 'workspace' | 'members' | 'invites';
export type Access = 'read' | 'write';
export type Actor = Role | 'nonMember';

/** Records, history, thread links, views and compose templates: everyday work. */
export const DATA_TABLES = ['records', 'activities', 'threadLinks', 'views', 'templates'] as const satisfies readonly SyncedTable[];
/**
 * Folders, fields and pipelines (the shape of the CRM) and the settings that govern everyone
 * (never-log list, team domains, sent-mail logging, automations, reminder rules).
 */
export const SHAPE_TABLES = ['folders', 'fields', 'pipelines', 'settings'] as const satisfies readonly SyncedTable[];

const MEMBERS: readonly Actor[] = ['owner', 'admin', 'member', 'viewer'];
const WRITERS: readonly Actor[] = ['owner', 'admin', 'member'];
const ADMINS: readonly Actor[] = ['owner', 'admin'];

const entry = (read: readonly Actor[], write: readonly Actor[]) => ({ read, write });

export const ROLE_MATRIX: Record<Resource, { read: readonly Actor[]; write: readonly Actor[] }> = {
  ...(Object.fromEntries(DATA_TABLES.map((t) => [t, entry(MEMBERS, WRITERS)])) as Record<(typeof DATA_TABLES)[number], ReturnType<typeof entry>>),
  ...(Object.fromEntries(SHAPE_TABLES.map((t) => [t, entry(MEMBERS, ADMINS)])) as Record<(typeof SHAPE_TABLES)[number], ReturnType<typeof entry>>),
  // Renaming the workspace is the owner's alone.
  workspace: entry(MEMBERS, ['owner']),
  // Adding people and changing roles (never to owner) is for owners and admins.
  members: entry(MEMBERS, ADMINS),
  invites: entry(ADMINS, ADMINS),
};

/** Whether `actor` may `access` `resource`. The local workspace belongs to its one user: everything. */
export function can(actor: Actor | 'local', access: Access, resource: Resource): boolean {
  return actor === 'local' || ROLE_MATRIX[resource][access].includes(actor);
}
