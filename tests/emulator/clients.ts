import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, doc, initializeFirestore, terminate, writeBatch, type Firestore } from 'firebase/firestore';
import { Dexie } from 'dexie';
import type { ThreadlineDB } from '../../storage/db/db';
import { loadFolderSchema } from '../../storage/folders/schema';
import { newId } from '../../storage/model/ids';
import { openThreadlineDb } from '../../storage/open';
import { mutate } from '../../storage/write/mutate';
import { createRecordIn, deleteRecord, updateRecordIn, writeValidatedRecordsIn } from '../../storage/write/records';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { SyncEngine } from '../../sync/engine';
import { firestoreTransport } from '../../sync/firestoreTransport';
import { setActiveWorkspace, type Role } from '../../sync/state';
import type { PullPage, PushDoc, Transport } from '../../sync/transport';
import { workspaceOps, type WorkspaceOps } from '../../sync/workspaces';
import { mockToken } from './sdk';

let apps = 0;

/** Where the devices connect: the official emulator's host and the test file's own project id. */
export type Env = { host: string; projectId: string };
export type Person = { uid: string; email: string };

/**
 * Makes `members` members of a new workspace `<owner uid>:<name>` directly through an admin client
 * (rules bypassed), as if they had joined: for tests about sync itself, not about joining. The
 * first person is the owner.
 */
export async function seedWorkspace(admin: Firestore, name: string, members: [Person, Role][]): Promise<string> {
  const owner = members.find(([, r]) => r === 'owner')![0];
  const id = `${owner.uid}:${name}`;
  const batch = writeBatch(admin);
  batch.set(doc(admin, 'workspaces', id), { name, owner: owner.uid, createdAt: 1 });
  for (const [p, role] of members) batch.set(doc(admin, 'workspaces', id, 'members', p.uid), { uid: p.uid, email: p.email, role, addedBy: p.uid });
  await batch.commit();
  return id;
}

/**
 * One device of one person: its own IndexedDB database and its own Firestore SDK instance, signed
 * in on the emulator with a mock token for `person` (verified email), counting its traffic. Its
 * workspace operations are sync/workspaces.ts's, on that instance; `attach()` points its sync
 * engine at a workspace.
 */
export class Client {
  readonly db: ThreadlineDB;
  readonly fs: Firestore;
  readonly ops: WorkspaceOps;
  readonly uid: string;
  workspace = '';
  transport!: Transport;
  engine!: SyncEngine;
  /** Sizes of the push transactions sent, and documents read by pulls. */
  batches: number[] = [];
  reads = 0;
  logs: string[] = [];
  private readonly app: FirebaseApp;

  constructor(env: Env, readonly person: Person) {
    this.uid = person.uid;
    this.app = initializeApp({ projectId: env.projectId, apiKey: 'demo-key' }, `client-${++apps}`);
    this.fs = initializeFirestore(this.app, { ignoreUndefinedProperties: true });
    const [host, port] = env.host.split(':') as [string, string];
    connectFirestoreEmulator(this.fs, host, Number(port), { mockUserToken: mockToken({ uid: person.uid, email: person.email }) });
    this.db = openThreadlineDb(`emulator-${person.uid}-${apps}`);
    this.ops = workspaceOps(this.db, this.fs, () => ({ uid: person.uid, email: person.email }));
  }

  /** Syncs this device with `workspaceId` from now on (a new transport and engine). */
  attach(workspaceId: string) {
    this.workspace = workspaceId;
    const inner = firestoreTransport(this.fs, workspaceId, this.person.uid);
    this.transport = {
      ...inner,
      push: async (docs: readonly PushDoc[]) => {
        await inner.push(docs);
        this.batches.push(docs.length);
      },
      pull: async (table, after, n): Promise<PullPage> => {
        const page = await inner.pull(table, after, n);
        this.reads += page.docs.length;
        return page;
      },
    };
    this.engine = this.newEngine();
    return this;
  }

  newEngine(overlapMs = 10_000) {
    this.engine = new SyncEngine({ db: this.db, transport: this.transport, overlapMs, log: (l) => this.logs.push(l) });
    return this.engine;
  }

  /**
   * `shared`: the device is a member of `attach()`'s workspace already, with `role` (its writes are
   * stamped and queued); without, it works in the local workspace until the test moves it.
   */
  async open({ shared = true, role = 'owner' }: { shared?: boolean; role?: Role } = {}) {
    await this.db.open();
    if (shared) await setActiveWorkspace(this.db, { id: this.workspace, name: this.workspace, role });
    return this;
  }

  /** A contact written through the single write path, as the CRM page would. */
  putContact(id: string, values: Record<string, unknown>) {
    return this.putContacts([[id, values]]);
  }

  /**
   * Several contacts in one transaction, through the write owner as the CRM page writes them: a new
   * id is created, a known one updated with the given values (undefined clears a field).
   */
  async putContacts(list: [id: string, values: Record<string, unknown>][]) {
    await mutate(this.db, async (w) => {
      for (const [id, values] of list) {
        if (await w.db.records.get(id)) await updateRecordIn(w, id, values);
        else await createRecordIn(w, PRESET_FOLDER_IDS.contacts, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), { id });
      }
    });
  }

  /** New contacts under minted ids in one bulk write, as a CSV import creates them; returns the ids. */
  async createContacts(list: Record<string, unknown>[]): Promise<string[]> {
    const ids = list.map(() => newId('rec'));
    await mutate(this.db, async (w) => {
      const schema = await loadFolderSchema(w.db, PRESET_FOLDER_IDS.contacts);
      await writeValidatedRecordsIn(w, schema, list.map((values, i) => ({ id: ids[i]!, before: undefined, values, changed: Object.keys(values), fresh: true })));
    });
    return ids;
  }

  removeContact(id: string) {
    return deleteRecord(this.db, id);
  }

  async sync() {
    await this.engine.pushAll();
    await this.engine.pullAll(false);
  }

  async close() {
    await terminate(this.fs);
    await deleteApp(this.app);
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}
