import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, initializeFirestore, terminate, type Firestore } from 'firebase/firestore';
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
import { setActiveWorkspace } from '../../sync/state';
import type { PullPage, PushDoc, Transport } from '../../sync/transport';
import type { Emulator } from './emulator';

let apps = 0;

/** One device: its own IndexedDB database and its own Firestore SDK instance, counting its traffic. */
export class Client {
  readonly db: ThreadlineDB;
  readonly fs: Firestore;
  readonly transport: Transport;
  engine: SyncEngine;
  /** Sizes of the push transactions sent, and documents read by pulls. */
  batches: number[] = [];
  reads = 0;
  logs: string[] = [];
  private readonly app: FirebaseApp;

  constructor(emulator: Emulator, readonly workspace: string, readonly uid: string) {
    this.app = initializeApp({ projectId: 'demo-threadline', apiKey: 'demo-key' }, `client-${++apps}`);
    this.fs = initializeFirestore(this.app, { ignoreUndefinedProperties: true });
    connectFirestoreEmulator(this.fs, '127.0.0.1', emulator.port);
    this.db = openThreadlineDb(`emulator-${uid}-${apps}`);
    const inner = firestoreTransport(this.fs, workspace, uid);
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
  }

  newEngine(overlapMs = 10_000) {
    this.engine = new SyncEngine({ db: this.db, transport: this.transport, overlapMs, log: (l) => this.logs.push(l) });
    return this.engine;
  }

  /**
   * `shared`: the device is a member of the workspace already (its writes are stamped and queued);
   * without, it works in the local workspace until the test moves it (sync/workspaces.ts activate).
   */
  async open({ shared = true }: { shared?: boolean } = {}) {
    await this.db.open();
    if (shared) await this.share();
    return this;
  }

  /** Makes this device a member of the test's workspace, as sync/workspaces.ts does on create or join. */
  share() {
    return setActiveWorkspace(this.db, { id: this.workspace, name: this.workspace, role: 'owner' });
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
