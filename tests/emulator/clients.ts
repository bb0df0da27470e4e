import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, initializeFirestore, terminate, type Firestore } from 'firebase/firestore';
import { Dexie } from 'dexie';
import { ThreadlineDB } from '../../storage/db/db';
import { deriveIndexes } from '../../storage/model/derive';
import { newId } from '../../storage/model/ids';
import { mutateIn } from '../../storage/write/mutate';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { SyncEngine } from '../../sync/engine';
import { firestoreTransport } from '../../sync/firestoreTransport';
import type { PullPage, PushDoc, Transport } from '../../sync/transport';
import { loadSchemaIn } from '../sim/schema';
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
    this.db = new ThreadlineDB(`emulator-${uid}-${apps}`);
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

  async open() {
    await this.db.open();
    return this;
  }

  /** A contact written through the single write path, as the CRM page would. */
  putContact(id: string, values: Record<string, unknown>) {
    return this.putContacts([[id, values]]);
  }

  /** Several contacts in one transaction (one outbox entry each). */
  async putContacts(list: [id: string, values: Record<string, unknown>][]) {
    await mutateIn(this.db, async (w) => {
      const { folder, fields } = await loadSchemaIn(this.db, PRESET_FOLDER_IDS.contacts);
      for (const [id, values] of list) {
        const now = Date.now();
        const existing = await this.db.records.get(id);
        const merged = Object.fromEntries(Object.entries({ ...existing?.values, ...values }).filter(([, v]) => v !== undefined));
        const base = existing ?? { id, folderId: folder.id, stats: {}, createdAt: now, updatedAt: now, values: {} };
        await w.put('records', { ...base, values: merged, updatedAt: now, ...deriveIndexes(folder, fields, merged) }, Object.keys(values));
      }
    });
  }

  /** New contacts under minted ids in one bulk write, as a CSV import creates them; returns the ids. */
  async createContacts(list: Record<string, unknown>[]): Promise<string[]> {
    const ids = list.map(() => newId('rec'));
    await mutateIn(this.db, async (w) => {
      const { folder, fields } = await loadSchemaIn(this.db, PRESET_FOLDER_IDS.contacts);
      const now = Date.now();
      const entries = list.map((values, i) => ({
        doc: { id: ids[i]!, folderId: folder.id, stats: {}, createdAt: now, updatedAt: now, values, ...deriveIndexes(folder, fields, values) },
        changed: Object.keys(values),
        fresh: true,
      }));
      await w.putMany('records', entries);
    });
    return ids;
  }

  async removeContact(id: string) {
    await mutateIn(this.db, (w) => w.remove('records', id));
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
