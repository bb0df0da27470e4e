// @vitest-environment node
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { can, ROLE_MATRIX, type Access, type Actor, type Resource } from '../../sync/roles';
import { emulatorHost, firestoreClients, type Identity } from './connect';

/**
 * firestore.rules on the OFFICIAL Firestore emulator (started for the run by
 * tests/emulator/globalSetup.ts), the only thing that executes rules. Denials are asserted by their
 * error code. Each "hole" test names what it closes; run with FIRESTORE_RULES=<old rules file> to
 * see it fail on the rules before issue 20.
 */
const PROJECT = 'demo-rules';
const WS = 'owner1:ws_rules';
const stamp = `${String(Date.now()).padStart(15, '0')}:000000:dev1`;

let emu: ReturnType<typeof firestoreClients>;
const as: Record<string, Firestore> = {};
const PEOPLE: Record<string, Identity> = {
  owner1: { uid: 'owner1', email: 'owner1@x.com' },
  admin1: { uid: 'admin1', email: 'admin1@x.com' },
  member1: { uid: 'member1', email: 'member1@x.com' },
  viewer1: { uid: 'viewer1', email: 'viewer1@x.com' },
  stranger: { uid: 'stranger', email: 'stranger@x.com' },
  // Invited as new@x.com, Google-verified.
  newbie: { uid: 'newbie', email: 'new@x.com' },
  // Claims new@x.com without a verified address (e.g. an email/password account).
  faker: { uid: 'faker', email: 'new@x.com', emailVerified: false },
  admin: 'admin',
};

beforeAll(async () => {
  emu = firestoreClients(await emulatorHost(), PROJECT);
  for (const [name, who] of Object.entries(PEOPLE)) as[name] = emu.client(who);
}, 90_000);
afterAll(() => emu?.closeAll(), 60_000);

const denied = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'permission-denied' });
const allowed = async (p: Promise<unknown>) => expect(await p.then(() => 'allowed')).toBe('allowed');

/** The workspace, its four roles, one more member to act on, and a pending invite for new@x.com. */
async function seed(ws = WS) {
  const admin = as.admin!;
  const batch = writeBatch(admin);
  batch.set(doc(admin, 'workspaces', ws), { name: 'Rules', owner: 'owner1', createdAt: 1 });
  for (const [uid, role] of [['owner1', 'owner'], ['admin1', 'admin'], ['member1', 'member'], ['viewer1', 'viewer'], ['target1', 'member']] as const) {
    batch.set(doc(admin, 'workspaces', ws, 'members', uid), { uid, email: `${uid}@x.com`, role, addedBy: uid });
  }
  batch.set(doc(admin, 'workspaces', ws, 'invites', 'new@x.com'), { email: 'new@x.com', role: 'member', invitedBy: 'owner1', workspaceName: 'Rules' });
  batch.set(doc(admin, 'workspaces', ws, 'records', 'rec_1'), synced(contact, 'owner1'));
  await batch.commit();
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
const path = (fs: Firestore, ...p: string[]) => doc(fs, 'workspaces', WS, ...(p as [string]));

/** A valid document of each synced table: only the caller's role can make its write fail. */
const SAMPLE: Record<string, Record<string, unknown>> = {
  records: contact,
  activities: { kind: 'note', recordIds: ['rec_1'], body: 'Called', at: 1, createdAt: 1, updatedAt: 1 },
  threadLinks: { threadId: 't1', recordId: 'rec_1', createdAt: 1, updatedAt: 1 },
  views: { folderId: 'folder_contacts', name: 'Mine', layout: 'list', columns: [], sort: [], filters: [], order: 1, createdAt: 1, updatedAt: 1 },
  settings: { value: ['hr@acme.com'], updatedAt: 1 },
  folders: { name: 'Partners', kind: 'custom', order: 9, createdAt: 1, updatedAt: 1 },
  fields: { folderId: 'folder_contacts', key: 'size', label: 'Size', type: 'number', mandatory: false, hidden: false, order: 1, settings: {}, createdAt: 1, updatedAt: 1 },
  pipelines: { name: 'Renewals', stages: [], order: 2, createdAt: 1, updatedAt: 1 },
  templates: { name: 'Follow-up', subject: 'Hi {{contact.firstName}}', body: 'Hello', language: 'en', 'uses.deviceA': 2, createdAt: 1, updatedAt: 1 },
};
const UID: Record<Actor, string> = { owner: 'owner1', admin: 'admin1', member: 'member1', viewer: 'viewer1', nonMember: 'stranger' };

function attempt(actor: Actor, access: Access, resource: Resource): Promise<unknown> {
  const uid = UID[actor];
  const fs = as[uid]!;
  if (resource === 'workspace') return access === 'read' ? getDoc(doc(fs, 'workspaces', WS)) : updateDoc(doc(fs, 'workspaces', WS), { name: `Renamed by ${uid}` });
  if (resource === 'members') return access === 'read' ? getDoc(path(fs, 'members', 'owner1')) : updateDoc(path(fs, 'members', 'target1'), { role: 'viewer' });
  if (resource === 'invites') {
    return access === 'read'
      ? getDoc(path(fs, 'invites', 'new@x.com'))
      : setDoc(path(fs, 'invites', 'later@x.com'), { email: 'later@x.com', role: 'member', invitedBy: uid, workspaceName: 'Rules' });
  }
  const id = resource === 'settings' ? 'neverLog' : `matrix_${uid}`;
  return access === 'read' ? getDoc(path(fs, resource, id)) : setDoc(path(fs, resource, id), synced(SAMPLE[resource]!, uid));
}

describe('the role matrix of sync/roles.ts, cell by cell', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    await emu.clear();
    await seed();
  }, 60_000);
  const cells = (Object.keys(ROLE_MATRIX) as Resource[]).flatMap((resource) =>
    (['owner', 'admin', 'member', 'viewer', 'nonMember'] as Actor[]).flatMap((actor) => (['read', 'write'] as Access[]).map((access) => ({ actor, access, resource }))),
  );
  it.each(cells)('$actor $access $resource: as sync/roles.ts says', async ({ actor, access, resource }) => {
    const result = attempt(actor, access, resource);
    if (can(actor, access, resource)) await allowed(result);
    else await denied(result);
  });
});

describe('firestore.rules', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await emu.clear();
    await seed();
  }, 60_000);

  describe('creating a workspace', () => {
    const create = (fs: Firestore, uid: string, email: string, id = `${uid}:ws_new`) => {
      const batch = writeBatch(fs);
      batch.set(doc(fs, 'workspaces', id), { name: 'New', owner: uid, createdAt: 1 });
      batch.set(doc(fs, 'workspaces', id, 'members', uid), { uid, email, role: 'owner', addedBy: uid });
      return batch.commit();
    };

    it('hole: the workspace and its owner membership go in one batch (old rules get() the workspace the batch is writing)', async () => {
      await allowed(create(as.stranger!, 'stranger', 'stranger@x.com'));
      await allowed(getDoc(doc(as.stranger!, 'workspaces', 'stranger:ws_new')));
    });

    it('a workspace without its owner membership, or an owner membership for an existing workspace, is refused', async () => {
      await denied(setDoc(doc(as.stranger!, 'workspaces', 'stranger:ws_bare'), { name: 'Bare', owner: 'stranger', createdAt: 1 }));
      await denied(setDoc(path(as.stranger!, 'members', 'stranger'), { uid: 'stranger', email: 'stranger@x.com', role: 'owner', addedBy: 'stranger' }));
    });

    it('hole: a deleted workspace cannot be taken over: the owner cannot delete it, and nobody recreates an id outside their uid', async () => {
      await denied(deleteDoc(doc(as.owner1!, 'workspaces', WS)));
      // Were the document gone (deleted by hand in the console), an ex-member recreating it as owner:
      await deleteDoc(doc(as.admin!, 'workspaces', WS));
      await denied(create(as.member1!, 'member1', 'member1@x.com', WS));
      await denied(getDoc(path(as.stranger!, 'records', 'rec_1')));
    });

    it('names are bounded and the owner is the creator', async () => {
      const batch = writeBatch(as.stranger!);
      batch.set(doc(as.stranger!, 'workspaces', 'stranger:ws_long'), { name: 'x'.repeat(121), owner: 'stranger', createdAt: 1 });
      batch.set(doc(as.stranger!, 'workspaces', 'stranger:ws_long', 'members', 'stranger'), { uid: 'stranger', email: 'stranger@x.com', role: 'owner', addedBy: 'stranger' });
      await denied(batch.commit());
      await denied(create(as.stranger!, 'owner1', 'owner1@x.com', 'owner1:ws_other'));
      await denied(updateDoc(doc(as.owner1!, 'workspaces', WS), { owner: 'member1' }));
      await denied(updateDoc(doc(as.owner1!, 'workspaces', WS), { name: 'y'.repeat(121) }));
    });
  });

  describe('"which workspaces am I in?" and "who invited me?"', () => {
    it('hole: the collection-group queries the client runs are allowed for one\'s own entries (old rules test the id wildcard)', async () => {
      const mine = await getDocs(query(collectionGroup(as.member1!, 'members'), where('uid', '==', 'member1')));
      expect(mine.docs.map((d) => d.ref.parent.parent!.id)).toEqual([WS]);
      const invites = await getDocs(query(collectionGroup(as.newbie!, 'invites'), where('email', '==', 'new@x.com')));
      expect(invites.docs.map((d) => d.id)).toEqual(['new@x.com']);
    });

    it("nobody lists someone else's memberships or invites", async () => {
      await denied(getDocs(query(collectionGroup(as.stranger!, 'members'), where('uid', '==', 'member1'))));
      await denied(getDocs(collectionGroup(as.stranger!, 'members')));
      await denied(getDocs(query(collectionGroup(as.stranger!, 'invites'), where('email', '==', 'new@x.com'))));
    });
  });

  describe('membership lifecycle', () => {
    const join = (fs: Firestore, fields: Record<string, unknown> = {}, consume = true) => {
      const batch = writeBatch(fs);
      batch.set(path(fs, 'members', 'newbie'), { uid: 'newbie', email: 'new@x.com', role: 'member', addedBy: 'newbie', ...fields });
      if (consume) batch.delete(path(fs, 'invites', 'new@x.com'));
      return batch.commit();
    };

    it('an invited person joins with exactly the invited role, consuming the invite, and then reads', async () => {
      await denied(getDoc(path(as.newbie!, 'records', 'rec_1')));
      await denied(join(as.newbie!, { role: 'admin' }));
      await allowed(join(as.newbie!));
      await allowed(getDoc(path(as.newbie!, 'records', 'rec_1')));
      expect((await getDoc(path(as.admin!, 'invites', 'new@x.com'))).exists()).toBe(false);
    });

    it('hole: joining without consuming the invite is refused, so a removed member has nothing to rejoin with', async () => {
      await denied(join(as.newbie!, {}, false));
      await allowed(join(as.newbie!));
      // Removed by an admin (sync/workspaces.ts remove() also withdraws any invite), then tries again.
      await allowed(deleteDoc(path(as.admin1!, 'members', 'newbie')));
      await denied(join(as.newbie!, {}, false));
      await denied(join(as.newbie!));
      await denied(getDoc(path(as.newbie!, 'records', 'rec_1')));
    });

    it('hole: invites trust only verified addresses', async () => {
      await denied(getDoc(path(as.faker!, 'invites', 'new@x.com')));
      await denied(getDocs(query(collectionGroup(as.faker!, 'invites'), where('email', '==', 'new@x.com'))));
      const batch = writeBatch(as.faker!);
      batch.set(path(as.faker!, 'members', 'faker'), { uid: 'faker', email: 'new@x.com', role: 'member', addedBy: 'faker' });
      batch.delete(path(as.faker!, 'invites', 'new@x.com'));
      await denied(batch.commit());
      await denied(deleteDoc(path(as.faker!, 'invites', 'new@x.com')));
      await allowed(getDoc(path(as.newbie!, 'invites', 'new@x.com')));
    });

    it("hole: a person's own membership carries their token's address and is added by them", async () => {
      await denied(join(as.newbie!, { email: 'ceo@x.com' }));
      await denied(join(as.newbie!, { addedBy: 'owner1' }));
      await denied(join(as.newbie!, { note: 'extra' }));
      await allowed(join(as.newbie!));
    });

    it('hole: people join by invitation only; nobody writes a membership for someone else', async () => {
      await denied(setDoc(path(as.admin1!, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'member', addedBy: 'admin1' }));
      await denied(setDoc(path(as.owner1!, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'viewer', addedBy: 'owner1' }));
      await denied(setDoc(path(as.member1!, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'member', addedBy: 'member1' }));
      await denied(setDoc(path(as.admin1!, 'members', 'x'), { uid: 'x', email: 'x@x.com', role: 'owner', addedBy: 'admin1' }));
    });

    it('roles: owners/admins change them (never to or from owner); members and viewers do not', async () => {
      await allowed(updateDoc(path(as.admin1!, 'members', 'target1'), { role: 'viewer' }));
      await denied(updateDoc(path(as.admin1!, 'members', 'target1'), { role: 'owner' }));
      await denied(updateDoc(path(as.admin1!, 'members', 'owner1'), { role: 'member' }));
      await denied(updateDoc(path(as.admin1!, 'members', 'target1'), { email: 'other@x.com' }));
      await denied(updateDoc(path(as.member1!, 'members', 'target1'), { role: 'admin' }));
      await denied(updateDoc(path(as.member1!, 'members', 'member1'), { role: 'admin' }));
      await denied(updateDoc(path(as.viewer1!, 'members', 'viewer1'), { role: 'member' }));
    });

    it('leaving and removing: anyone but the owner leaves; owners/admins remove others, never the owner', async () => {
      await allowed(deleteDoc(path(as.viewer1!, 'members', 'viewer1')));
      await denied(getDoc(path(as.viewer1!, 'records', 'rec_1')));
      await denied(deleteDoc(path(as.owner1!, 'members', 'owner1')));
      await denied(deleteDoc(path(as.admin1!, 'members', 'owner1')));
      await denied(deleteDoc(path(as.member1!, 'members', 'target1')));
      await allowed(deleteDoc(path(as.admin1!, 'members', 'target1')));
    });

    it('invites: owners/admins write them signed as themselves, bounded; the invitee may decline', async () => {
      const invite = (fs: Firestore, fields: Record<string, unknown>) =>
        setDoc(path(fs, 'invites', 'later@x.com'), { email: 'later@x.com', role: 'member', invitedBy: 'admin1', workspaceName: 'Rules', ...fields });
      await denied(invite(as.admin1!, { role: 'owner' }));
      await denied(invite(as.admin1!, { email: 'other@x.com' }));
      await denied(invite(as.admin1!, { invitedBy: 'owner1' }));
      await denied(invite(as.admin1!, { workspaceName: 'w'.repeat(121) }));
      await denied(invite(as.admin1!, { extra: true }));
      await denied(invite(as.member1!, { invitedBy: 'member1' }));
      await allowed(invite(as.admin1!, {}));
      await denied(deleteDoc(path(as.member1!, 'invites', 'later@x.com')));
      await allowed(deleteDoc(path(as.newbie!, 'invites', 'new@x.com')));
    });
  });

  describe('settings', () => {
    const setting = (fs: Firestore, uid: string, key: string, value: unknown) => setDoc(path(fs, 'settings', key), synced({ value, updatedAt: 1 }, uid));

    it('hole: only owners and admins write the settings that govern everyone (never-log list, automations, reminders)', async () => {
      await denied(setting(as.member1!, 'member1', 'neverLog', []));
      await denied(setting(as.member1!, 'member1', 'automations', []));
      await denied(setting(as.member1!, 'member1', 'reminderRules', []));
      await denied(setting(as.member1!, 'member1', 'autoLogLinkedThreads', false));
      await denied(setting(as.viewer1!, 'viewer1', 'teamDomains', []));
      await allowed(setting(as.admin1!, 'admin1', 'neverLog', ['hr@acme.com']));
      await allowed(setting(as.owner1!, 'owner1', 'autoLogLinkedThreads', false));
      await allowed(getDoc(path(as.viewer1!, 'settings', 'neverLog')));
    });

    it('hole: only the known keys, each value of its type and size', async () => {
      await denied(setting(as.admin1!, 'admin1', 'bogus', 1));
      await denied(setting(as.admin1!, 'admin1', 'neverLog', 'hr@acme.com'));
      await denied(setting(as.admin1!, 'admin1', 'neverLog', Array.from({ length: 1_001 }, (_, i) => `a${i}@x.com`)));
      await denied(setting(as.admin1!, 'admin1', 'teamDomains', Array.from({ length: 51 }, (_, i) => `d${i}.com`)));
      await denied(setting(as.admin1!, 'admin1', 'autoLogLinkedThreads', 'yes'));
      await denied(setting(as.admin1!, 'admin1', 'automations', { rules: [] }));
      await allowed(setting(as.admin1!, 'admin1', 'teamDomains', ['acme.com']));
      await allowed(setting(as.admin1!, 'admin1', 'reminderRules', []));
    });
  });

  describe('synced documents', () => {
    const rec = (fs: Firestore, id: string) => path(fs, 'records', id);

    it('members and above write records; viewers and strangers cannot; every member reads, strangers do not', async () => {
      await allowed(setDoc(rec(as.member1!, 'rec_m'), synced(contact, 'member1')));
      await denied(setDoc(rec(as.viewer1!, 'rec_v'), synced(contact, 'viewer1')));
      await denied(setDoc(rec(as.stranger!, 'rec_s'), synced(contact, 'stranger')));
      await allowed(getDoc(rec(as.viewer1!, 'rec_1')));
      await denied(getDoc(rec(as.stranger!, 'rec_1')));
      await denied(getDocs(collection(as.stranger!, 'workspaces', WS, 'records')));
    });

    it('forged fields: outside the envelope or the model, bad stamps, forged author or time, deletes', async () => {
      const m = as.member1!;
      await denied(setDoc(rec(m, 'r2'), synced(contact, 'member1', { isAdmin: true })));
      await denied(setDoc(path(m, 'threadLinks', 't::r'), synced({ threadId: 't', recordId: 'r', extra: 1 }, 'member1')));
      await denied(setDoc(path(m, 'activities', 'a0'), synced({ kind: 'note', secret: 1 }, 'member1')));
      await denied(setDoc(rec(m, 'r3'), synced(contact, 'member1', { born: 'yesterday' })));
      await denied(setDoc(rec(m, 'r4'), synced(contact, 'member1', { updatedAt: new Date(0) })));
      await denied(setDoc(rec(m, 'r5'), synced(contact, 'someone-else')));
      await denied(setDoc(rec(m, 'r6'), { ...synced(contact, 'member1'), _clock: { folderId: stamp } }));
      await denied(deleteDoc(rec(m, 'rec_1')));
      await denied(deleteDoc(path(as.owner1!, 'fields', 'anything')));
      await denied(setDoc(path(m, 'secrets', 'x'), synced({ a: 1 }, 'member1')));
    });

    it('size limits: units, bodies, subjects, recipients, ids and names', async () => {
      const m = as.member1!;
      const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`values.f${i}`, i]));
      await denied(setDoc(rec(m, 'big'), synced(many, 'member1')));
      await allowed(setDoc(rec(m, 'ok'), synced(Object.fromEntries(Object.entries(many).slice(0, 500)), 'member1')));
      await denied(setDoc(path(m, 'activities', 'a1'), synced({ kind: 'note', body: 'x'.repeat(100_001) }, 'member1')));
      await allowed(setDoc(path(m, 'activities', 'a2'), synced({ kind: 'note', body: 'x'.repeat(100_000) }, 'member1')));
      // A task with a time of day, about no record (made on the Tasks page).
      await allowed(setDoc(path(m, 'activities', 'task1'), synced({ kind: 'task', recordIds: [], title: 'Call', due: 1, timed: true, done: false }, 'member1')));
      await denied(setDoc(path(m, 'activities', 'a3'), synced({ kind: 'email', subject: 's'.repeat(1_001) }, 'member1')));
      await denied(setDoc(path(m, 'activities', 'a4'), synced({ kind: 'note', recordIds: Array.from({ length: 1_001 }, (_, i) => `r${i}`) }, 'member1')));
      await denied(setDoc(rec(m, 'r7'), synced({ ...contact, folderId: 'f'.repeat(65) }, 'member1')));
      await denied(setDoc(path(m, 'threadLinks', 'long'), synced({ threadId: 't'.repeat(201), recordId: 'r' }, 'member1')));
      await denied(setDoc(path(as.admin1!, 'folders', 'f1'), synced({ ...SAMPLE.folders, name: 'n'.repeat(121) }, 'admin1')));
      await denied(setDoc(path(as.admin1!, 'folders', 'f2'), synced({ ...SAMPLE.folders, icon: 'i'.repeat(33) }, 'admin1')));
      await denied(setDoc(path(as.admin1!, 'folders', 'f3'), synced({ ...SAMPLE.folders, icon: 7 }, 'admin1')));
      await allowed(setDoc(path(as.admin1!, 'folders', 'f4'), synced({ ...SAMPLE.folders, icon: 'graduation-cap' }, 'admin1')));
      await allowed(setDoc(path(as.admin1!, 'folders', 'f5'), synced({ ...SAMPLE.folders, icon: '🛠️' }, 'admin1')));
      await denied(setDoc(path(as.admin1!, 'fields', 'f1'), synced({ ...SAMPLE.fields, label: 'l'.repeat(121) }, 'admin1')));
    });

    it('templates: members write them, typed and bounded; use counters are `uses.<device>` units only', async () => {
      const m = as.member1!;
      const tpl = (id: string, v: Record<string, unknown>) =>
        setDoc(path(m, 'templates', id), synced(v, 'member1')).catch((e: unknown) => {
          throw Object.assign(new Error(`${id}: ${String(e)}`), { code: (e as { code?: unknown }).code });
        });
      const base = SAMPLE.templates!;
      await allowed(tpl('t_ok', base));
      await allowed(tpl('t_max', { ...base, name: 'n'.repeat(120), subject: 's'.repeat(500), body: 'b'.repeat(20_000) }));
      // A use counted on one device alone: the push carries only that device's unit.
      await allowed(tpl('t_use', { 'uses.device_B-2': 1 }));
      // The sample holds one counter already: 100 in all is the bound, 101 is over it.
      await allowed(tpl('t_many', { ...base, ...Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`uses.${String(i).padStart(40, 'd')}`, 1])) }));
      await denied(tpl('t_toomany', { ...base, ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`uses.d${i}`, 1])) }));
      await denied(tpl('t_name0', { ...base, name: '' }));
      await denied(tpl('t_name', { ...base, name: 'n'.repeat(121) }));
      await denied(tpl('t_subject', { ...base, subject: 's'.repeat(501) }));
      await denied(tpl('t_body', { ...base, body: 'b'.repeat(20_001) }));
      await denied(tpl('t_bodytype', { ...base, body: ['x'] }));
      await denied(tpl('t_lang', { ...base, language: 'fr' }));
      await denied(tpl('t_extra', { ...base, isAdmin: true }));
      await denied(tpl('t_uses', { ...base, uses: { deviceA: 1 } }));
      await denied(tpl('t_usekey', { ...base, 'uses.bad device': 1 }));
      await denied(tpl('t_usekey2', { ...base, 'uses.': 1 }));
      await denied(tpl('t_usekey3', { ...base, 'uses.a,uses.b': 1 }));
      await denied(setDoc(path(as.viewer1!, 'templates', 't_v'), synced(base, 'viewer1')));
      await allowed(getDoc(path(as.viewer1!, 'templates', 't_ok')));
      await denied(getDoc(path(as.stranger!, 'templates', 't_ok')));
    });
  });
});
