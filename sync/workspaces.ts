import { initializeApp, type FirebaseApp } from 'firebase/app';
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  initializeFirestore,
  query,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import type { Auth } from 'firebase/auth/web-extension';
import { z } from 'zod';
import type { ThreadlineDB } from '../storage/db/db';
import { newId } from '../storage/model/ids';
import { normalizeEmail } from '../storage/model/normalize';
import { authFor, signInWithGoogle, signOutEverywhere, watchUser } from './auth';
import type { FirebaseConfig } from './config';
import { clearForWorkspace, queueWholeWorkspace } from './local';
import { activeWorkspace, ROLES, setActiveWorkspace, type ActiveWorkspace, type Role } from './state';

export type Account = { uid: string; email: string };
export type Member = { uid: string; email: string; role: Role };
export type Invite = { workspaceId: string; workspaceName: string; role: Role };

/** What the workspace screen needs; components/sync/WorkspacePage.tsx gets it injected (tests pass a fake). */
export type WorkspaceService = {
  watchAccount(onChange: (account: Account | null) => void): () => void;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  myWorkspaces(): Promise<ActiveWorkspace[]>;
  myInvites(): Promise<Invite[]>;
  /** Creates a workspace owned by the user and uploads this device's local workspace into it. */
  create(name: string): Promise<ActiveWorkspace>;
  members(workspaceId: string): Promise<Member[]>;
  invite(workspaceId: string, email: string, role: Exclude<Role, 'owner'>): Promise<void>;
  setRole(workspaceId: string, uid: string, role: Exclude<Role, 'owner'>): Promise<void>;
  remove(workspaceId: string, uid: string): Promise<void>;
  accept(invite: Invite): Promise<ActiveWorkspace>;
  /** Replaces this device's copy with the workspace's (the sync host then downloads it). */
  switchTo(workspace: ActiveWorkspace): Promise<void>;
  leave(workspaceId: string): Promise<void>;
};

const memberSchema = z.object({ uid: z.string(), email: z.string(), role: z.enum(ROLES) });
const inviteSchema = z.object({ email: z.string(), role: z.enum(ROLES), workspaceName: z.string().max(120) });

/** The Firebase implementation of the workspace screen's operations (ARCHITECTURE §3 layout). */
export function firebaseWorkspaces(db: ThreadlineDB, config: FirebaseConfig, app: FirebaseApp = initializeApp(config, 'workspaces')): WorkspaceService {
  const auth: Auth = authFor(app);
  const fs: Firestore = initializeFirestore(app, { ignoreUndefinedProperties: true });
  const me = (): Account => {
    const u = auth.currentUser;
    if (!u) throw new Error('Sign in first');
    return { uid: u.uid, email: normalizeEmail(u.email ?? '') };
  };
  return {
    watchAccount: (onChange) => watchUser(auth, (u) => onChange(u ? { uid: u.uid, email: u.email ?? '' } : null)),
    signIn: async () => void (await signInWithGoogle(auth, config.oauthClientId)),
    signOut: () => signOutEverywhere(auth),
    ...workspaceOps(db, fs, me),
  };
}

export type WorkspaceOps = Omit<WorkspaceService, 'watchAccount' | 'signIn' | 'signOut'>;

/**
 * The workspace operations on a Firestore instance for the signed-in `me()`, as firestore.rules
 * allow them (tests/emulator/workspaces.test.ts runs them on the official emulator): a workspace
 * and its owner membership in one batch, joining writes the membership and consumes the invite in
 * one batch, removing someone also withdraws their invite, and nothing deletes a workspace.
 */
export function workspaceOps(db: ThreadlineDB, fs: Firestore, me: () => Account): WorkspaceOps {
  const ws = (id: string) => doc(fs, 'workspaces', id);
  const activate = async (w: ActiveWorkspace, upload: boolean) => {
    if (upload) {
      // Shared first: a write made while the upload is queued is stamped and queued by itself.
      await setActiveWorkspace(db, w);
      await queueWholeWorkspace(db);
    } else {
      await clearForWorkspace(db);
      await setActiveWorkspace(db, w);
    }
  };

  return {
    async myWorkspaces() {
      const mine = await getDocs(query(collectionGroup(fs, 'members'), where('uid', '==', me().uid)));
      const out: ActiveWorkspace[] = [];
      for (const m of mine.docs) {
        const id = m.ref.parent.parent!.id;
        const info = await getDoc(ws(id));
        const role = memberSchema.safeParse(m.data());
        if (role.success) out.push({ id, name: String(info.get('name') ?? id), role: role.data.role });
      }
      return out;
    },
    async myInvites() {
      const snap = await getDocs(query(collectionGroup(fs, 'invites'), where('email', '==', me().email)));
      return snap.docs.flatMap((d) => {
        const r = inviteSchema.safeParse(d.data());
        return r.success && r.data.role !== 'owner' ? [{ workspaceId: d.ref.parent.parent!.id, workspaceName: r.data.workspaceName, role: r.data.role }] : [];
      });
    },
    async create(name) {
      const { uid, email } = me();
      // The rules admit only ids under the creator's uid, so no one else can recreate this one.
      const id = `${uid}:${newId('ws')}`;
      const batch = writeBatch(fs);
      batch.set(ws(id), { name: name.trim().slice(0, 120), owner: uid, createdAt: Date.now() });
      batch.set(doc(ws(id), 'members', uid), { uid, email, role: 'owner', addedBy: uid });
      await batch.commit();
      const created: ActiveWorkspace = { id, name, role: 'owner' };
      await activate(created, true);
      return created;
    },
    async members(id) {
      const snap = await getDocs(collection(ws(id), 'members'));
      return snap.docs.flatMap((d) => {
        const r = memberSchema.safeParse(d.data());
        return r.success ? [r.data] : [];
      });
    },
    async invite(id, email, role) {
      const address = normalizeEmail(email);
      const current = await activeWorkspace(db);
      await setDoc(doc(ws(id), 'invites', address), { email: address, role, invitedBy: me().uid, workspaceName: current?.id === id ? current.name : id });
    },
    setRole: (id, uid, role) => updateDoc(doc(ws(id), 'members', uid), { role }),
    async remove(id, uid) {
      // Their invite goes too (an invite left behind would let them join again).
      const member = await getDoc(doc(ws(id), 'members', uid));
      const email = member.get('email') as unknown;
      const batch = writeBatch(fs);
      batch.delete(doc(ws(id), 'members', uid));
      if (typeof email === 'string' && email) batch.delete(doc(ws(id), 'invites', normalizeEmail(email)));
      await batch.commit();
    },
    async accept(invite) {
      const { uid, email } = me();
      // One batch: the rules let a person join only while consuming their invite.
      const batch = writeBatch(fs);
      batch.set(doc(ws(invite.workspaceId), 'members', uid), { uid, email, role: invite.role, addedBy: uid });
      batch.delete(doc(ws(invite.workspaceId), 'invites', email));
      await batch.commit();
      const joined: ActiveWorkspace = { id: invite.workspaceId, name: invite.workspaceName, role: invite.role };
      await activate(joined, false);
      return joined;
    },
    switchTo: (w) => activate(w, false),
    async leave(id) {
      await deleteDoc(doc(ws(id), 'members', me().uid));
      if ((await activeWorkspace(db))?.id === id) await setActiveWorkspace(db, undefined);
    },
  };
}
