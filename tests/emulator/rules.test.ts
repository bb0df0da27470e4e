// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deleteApp, initializeApp } from 'firebase/app';
import { connectFirestoreEmulator, deleteDoc, doc, getDoc, initializeFirestore, serverTimestamp, setDoc, terminate, updateDoc, type Firestore } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLE_MATRIX, type Access, type Actor, type Resource } from '../../sync/roles';

/**
 * The intent of firestore.rules, tested against the OFFICIAL Firestore emulator, the only thing
 * that executes rules. It cannot run on this machine (its jar is downloaded from the network and
 * needs Java 21), so these tests are skipped unless FIRESTORE_EMULATOR_HOST points at one:
 *
 *   firebase emulators:start --only firestore --project demo-threadline &
 *   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 npx vitest run --project unit tests/emulator/rules.test.ts
 */
const HOST = process.env.FIRESTORE_EMULATOR_HOST;
const PROJECT = 'demo-threadline';
const WS = 'ws_rules';
const stamp = `${String(Date.now()).padStart(15, '0')}:000000:dev1`;
let apps = 0;
const open: (() => Promise<void>)[] = [];

/** A Firestore client signed in as `uid` (the emulator accepts unsigned tokens), or as the admin ("owner"). */
function client(user: { uid: string; email?: string } | 'admin'): Firestore {
  const app = initializeApp({ projectId: PROJECT, apiKey: 'demo' }, `rules-${++apps}`);
  const fs = initializeFirestore(app, {});
  const [host, port] = HOST!.split(':');
  connectFirestoreEmulator(fs, host!, Number(port), { mockUserToken: user === 'admin' ? 'owner' : { sub: user.uid, user_id: user.uid, email: user.email } });
  open.push(async () => {
    await terminate(fs);
    await deleteApp(app);
  });
  return fs;
}

const synced = (v: Record<string, unknown>, uid: string, extra: Record<string, unknown> = {}) => ({
  v,
  _clock: Object.fromEntries(Object.keys(v).map((k) => [k, stamp])),
  born: stamp,
  deleted: null,
  updatedBy: uid,
  updatedAt: serverTimestamp(),
  ...extra,
});
const contact = { folderId: 'folder_contacts', 'values.fc_firstName': 'Ana', stats: {}, createdAt: 1, updatedAt: 1 };

describe.skipIf(!HOST)('firestore.rules on the official emulator', () => {
  const as: Record<string, Firestore> = {};

  beforeAll(async () => {
    const rules = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');
    const res = await fetch(`http://${HOST}/emulator/v1/projects/${PROJECT}:securityRules`, {
      method: 'PUT',
      body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content: rules }] } }),
    });
    expect(res.ok).toBe(true);
    const admin = client('admin');
    await setDoc(doc(admin, 'workspaces', WS), { name: 'Rules', owner: 'owner1', createdAt: 1 });
    for (const [uid, role] of [['owner1', 'owner'], ['admin1', 'admin'], ['member1', 'member'], ['viewer1', 'viewer']] as const) {
      await setDoc(doc(admin, 'workspaces', WS, 'members', uid), { uid, email: `${uid}@x.com`, role, addedBy: 'owner1' });
      as[uid] = client({ uid, email: `${uid}@x.com` });
    }
    await setDoc(doc(admin, 'workspaces', WS, 'members', 'target1'), { uid: 'target1', email: 'target1@x.com', role: 'member', addedBy: 'owner1' });
    await setDoc(doc(admin, 'workspaces', WS, 'invites', 'new@x.com'), { email: 'new@x.com', role: 'member', invitedBy: 'owner1', workspaceName: 'Rules' });
    as.stranger = client({ uid: 'stranger', email: 'stranger@x.com' });
    as.invited = client({ uid: 'newbie', email: 'new@x.com' });
  });
  afterAll(async () => {
    for (const close of open) await close();
  });

  const rec = (fs: Firestore, id = 'rec_1') => doc(fs, 'workspaces', WS, 'records', id);

  /** A valid document of each synced table: only the caller's role can make its write fail. */
  const SAMPLE: Record<string, Record<string, unknown>> = {
    records: contact,
    activities: { kind: 'note', recordIds: ['rec_1'], body: 'Called', at: 1, createdAt: 1, updatedAt: 1 },
    threadLinks: { threadId: 't1', recordId: 'rec_1', createdAt: 1, updatedAt: 1 },
    views: { folderId: 'folder_contacts', name: 'Mine', layout: 'list', columns: [], sort: [], filters: [], order: 1, createdAt: 1, updatedAt: 1 },
    settings: { value: 1, updatedAt: 1 },
    folders: { name: 'Partners', kind: 'custom', order: 9, createdAt: 1, updatedAt: 1 },
    fields: { folderId: 'folder_contacts', key: 'size', label: 'Size', type: 'number', mandatory: false, hidden: false, order: 1, settings: {}, createdAt: 1, updatedAt: 1 },
    pipelines: { name: 'Renewals', stages: [], order: 2, createdAt: 1, updatedAt: 1 },
  };
  const UID: Record<Actor, string> = { owner: 'owner1', admin: 'admin1', member: 'member1', viewer: 'viewer1', nonMember: 'stranger' };

  function attempt(actor: Actor, access: Access, resource: Resource): Promise<unknown> {
    const fs = as[UID[actor]]!;
    const uid = UID[actor];
    const path = (...p: string[]) => doc(fs, 'workspaces', WS, ...(p as [string]));
    if (resource === 'workspace') return access === 'read' ? getDoc(doc(fs, 'workspaces', WS)) : updateDoc(doc(fs, 'workspaces', WS), { name: `Renamed by ${uid}` });
    if (resource === 'members') return access === 'read' ? getDoc(path('members', 'owner1')) : updateDoc(path('members', 'target1'), { role: 'viewer' });
    if (resource === 'invites') {
      return access === 'read'
        ? getDoc(path('invites', 'new@x.com'))
        : setDoc(path('invites', 'later@x.com'), { email: 'later@x.com', role: 'member', invitedBy: uid, workspaceName: 'Rules' });
    }
    return access === 'read' ? getDoc(path(resource, 'matrix')) : setDoc(path(resource, `matrix_${uid}`), synced(SAMPLE[resource]!, uid));
  }

  // The whole matrix of sync/roles.ts, the table the UI asks before offering a control.
  const cells = (Object.keys(ROLE_MATRIX) as Resource[]).flatMap((resource) =>
    (['owner', 'admin', 'member', 'viewer', 'nonMember'] as Actor[]).flatMap((actor) => (['read', 'write'] as Access[]).map((access) => ({ actor, access, resource }))),
  );
  it.each(cells)('$actor $access $resource: as sync/roles.ts says', async ({ actor, access, resource }) => {
    const result = attempt(actor, access, resource);
    if (can(actor, access, resource)) await expect(result.then(() => 'allowed')).resolves.toBe('allowed');
    else await expect(result).rejects.toThrow(/permission/i);
  });

  it('members and above write records; viewers and strangers cannot', async () => {
    await expect(setDoc(rec(as.member1!), synced(contact, 'member1'))).resolves.toBeUndefined();
    await expect(setDoc(rec(as.viewer1!, 'rec_v'), synced(contact, 'viewer1'))).rejects.toThrow(/permission/i);
    await expect(setDoc(rec(as.stranger!, 'rec_s'), synced(contact, 'stranger'))).rejects.toThrow(/permission/i);
  });

  it('every member reads, strangers do not', async () => {
    await expect(getDoc(rec(as.viewer1!))).resolves.toBeDefined();
    await expect(getDoc(rec(as.stranger!))).rejects.toThrow(/permission/i);
  });

  it('only owners and admins change fields and members', async () => {
    const field = synced({ folderId: 'folder_contacts', key: 'shoe', label: 'Shoe', type: 'number', mandatory: false, hidden: false, order: 1, settings: {}, createdAt: 1, updatedAt: 1 }, 'member1');
    await expect(setDoc(doc(as.member1!, 'workspaces', WS, 'fields', 'f1'), field)).rejects.toThrow(/permission/i);
    await expect(setDoc(doc(as.admin1!, 'workspaces', WS, 'fields', 'f1'), { ...field, updatedBy: 'admin1' })).resolves.toBeUndefined();
    await expect(setDoc(doc(as.member1!, 'workspaces', WS, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'member', addedBy: 'member1' })).rejects.toThrow(/permission/i);
    await expect(setDoc(doc(as.admin1!, 'workspaces', WS, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'owner', addedBy: 'admin1' })).rejects.toThrow(/permission/i);
  });

  it('refuses fields outside the envelope or the model, bad stamps, forged times and deletes', async () => {
    const m = as.member1!;
    await expect(setDoc(rec(m, 'r2'), synced(contact, 'member1', { isAdmin: true }))).rejects.toThrow(/permission/i);
    await expect(setDoc(doc(m, 'workspaces', WS, 'threadLinks', 't::r'), synced({ threadId: 't', recordId: 'r', extra: 1 }, 'member1'))).rejects.toThrow(/permission/i);
    await expect(setDoc(rec(m, 'r3'), synced(contact, 'member1', { born: 'yesterday' }))).rejects.toThrow(/permission/i);
    await expect(setDoc(rec(m, 'r4'), synced(contact, 'member1', { updatedAt: new Date(0) }))).rejects.toThrow(/permission/i);
    await expect(setDoc(rec(m, 'r5'), synced(contact, 'someone-else'))).rejects.toThrow(/permission/i);
    await expect(setDoc(doc(m, 'workspaces', WS, 'activities', 'a1'), synced({ kind: 'note', body: 'x'.repeat(100_001) }, 'member1'))).rejects.toThrow(/permission/i);
    await expect(deleteDoc(rec(m))).rejects.toThrow(/permission/i);
  });

  it('an invited person joins with exactly the invited role; anyone but the owner may leave', async () => {
    const join = (role: string) => setDoc(doc(as.invited!, 'workspaces', WS, 'members', 'newbie'), { uid: 'newbie', email: 'new@x.com', role, addedBy: 'newbie' });
    await expect(join('admin')).rejects.toThrow(/permission/i);
    await expect(join('member')).resolves.toBeUndefined();
    await expect(deleteDoc(doc(as.invited!, 'workspaces', WS, 'members', 'newbie'))).resolves.toBeUndefined();
    await expect(deleteDoc(doc(as.owner1!, 'workspaces', WS, 'members', 'owner1'))).rejects.toThrow(/permission/i);
  });
});
