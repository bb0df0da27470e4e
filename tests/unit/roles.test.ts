import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, ROLE_MATRIX, type Actor, type Resource } from '../../sync/roles';
import { SYNCED_TABLES } from '../../storage/model/entities';

const RULES = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');
const MEMBERS: Actor[] = ['owner', 'admin', 'member', 'viewer'];

const list = (s: string) => [...s.matchAll(/'([^']+)'/g)].map((m) => m[1]!);

/** The roles a rules function admits, from its `roleIn(ws, [...])` body. */
function rolesOf(fn: string): Actor[] {
  const body = new RegExp(`function ${fn}\\(ws\\) \\{\\s*return roleIn\\(ws, \\[([^\\]]*)\\]\\);`).exec(RULES);
  if (!body) throw new Error(`firestore.rules has no function ${fn} of the expected shape`);
  return list(body[1]!) as Actor[];
}

/** The text of the block opened by `match <path> {`, up to its closing brace. */
function block(path: string): string {
  const start = RULES.indexOf(`match ${path} {`);
  if (start < 0) throw new Error(`firestore.rules has no match ${path}`);
  let depth = 0;
  for (let i = start + `match ${path} `.length; i < RULES.length; i++) {
    if (RULES[i] === '{') depth++;
    if (RULES[i] === '}' && --depth === 0) return RULES.slice(start, i + 1);
  }
  throw new Error(`unbalanced match ${path}`);
}

/** Who each `allow <methods>: if …` condition lets in, as far as roles go (other conditions aside). */
function actorsOf(condition: string): Actor[] {
  const out = new Set<Actor>();
  if (/isMember\(ws\)/.test(condition)) MEMBERS.forEach((r) => out.add(r));
  if (/canWrite\(ws\)/.test(condition)) rolesOf('canWrite').forEach((r) => out.add(r));
  if (/isAdmin\(ws\)/.test(condition)) rolesOf('isAdmin').forEach((r) => out.add(r));
  for (const m of condition.matchAll(/roleIn\(ws, \[([^\]]*)\]\)/g)) list(m[1]!).forEach((r) => out.add(r as Actor));
  return [...out].sort();
}

/** The matrix firestore.rules implies, read from its text. */
function matrixFromRules(): Partial<Record<Resource, { read: Actor[]; write: Actor[] }>> {
  const out: Partial<Record<Resource, { read: Actor[]; write: Actor[] }>> = {};
  const add = (resource: Resource, access: 'read' | 'write', actors: Actor[]) => {
    const cell = (out[resource] ??= { read: [], write: [] });
    cell[access] = [...new Set([...cell[access], ...actors])].sort();
  };
  const tables = block('/{table}/{docId}');
  for (const m of tables.matchAll(/allow ([\w, ]+): if ([^;]+);/g)) {
    const named = /table in \[([^\]]*)\]/.exec(m[2]!);
    const access = m[1]!.includes('read') ? 'read' : m[1]!.includes('create') ? 'write' : undefined;
    if (!named || !access) continue;
    for (const table of list(named[1]!)) add(table as Resource, access, actorsOf(m[2]!));
  }
  const workspace = block('/workspaces/{ws}').split('match /members')[0]!;
  add('workspace', 'read', actorsOf(/allow read: if ([^;]+);/.exec(workspace)![1]!));
  add('workspace', 'write', actorsOf(/allow update: if ([^;]+);/.exec(workspace)![1]!));
  const members = block('/members/{uid}');
  add('members', 'read', actorsOf(/allow read: if ([^;]+);/.exec(members)![1]!));
  add('members', 'write', actorsOf(/allow update: if ([^;]+);/.exec(members)![1]!));
  const invites = block('/invites/{email}');
  add('invites', 'read', actorsOf(/allow read: if ([^;]+);/.exec(invites)![1]!));
  add('invites', 'write', actorsOf(/allow create, update: if ([^;]+);/.exec(invites)![1]!));
  return out;
}

describe('the role matrix (sync/roles.ts) and firestore.rules', () => {
  it('say the same for every role, every synced table, the workspace, its members and invites', () => {
    const fromRules = matrixFromRules();
    const expected = Object.fromEntries(
      Object.entries(ROLE_MATRIX).map(([resource, cell]) => [resource, { read: [...cell.read].sort(), write: [...cell.write].sort() }]),
    );
    expect(fromRules).toEqual(expected);
    // Every synced table has a row: a new table must be given its rule and its place in the matrix.
    for (const table of SYNCED_TABLES) expect(fromRules[table], table).toBeDefined();
  });

  it('the UI asks the same matrix: viewers read only, members work, admins shape, non-members nothing', () => {
    expect(can('viewer', 'read', 'records')).toBe(true);
    expect(can('viewer', 'write', 'records')).toBe(false);
    expect(can('member', 'write', 'activities')).toBe(true);
    expect(can('member', 'write', 'fields')).toBe(false);
    expect(can('admin', 'write', 'fields')).toBe(true);
    expect(can('admin', 'write', 'workspace')).toBe(false);
    expect(can('owner', 'write', 'workspace')).toBe(true);
    for (const resource of Object.keys(ROLE_MATRIX) as Resource[]) {
      expect(can('nonMember', 'read', resource)).toBe(false);
      expect(can('local', 'write', resource)).toBe(true);
    }
  });
});
