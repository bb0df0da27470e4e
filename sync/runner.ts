import { initializeApp } from 'firebase/app';
import { initializeFirestore } from 'firebase/firestore';
import type { User } from 'firebase/auth/web-extension';
import { liveQuery } from 'dexie';
import type { ThreadlineDB } from '../storage/db/db';
import { authFor, watchUser } from './auth';
import type { FirebaseConfig } from './config';
import { SyncEngine } from './engine';
import { firestoreTransport } from './firestoreTransport';
import { discardRequests, waitingCount } from './outbox';
import { activeWorkspace, writeStatus } from './state';
import { rememberSignedIn } from '../storage/workspace/members';

/**
 * The sync host's main loop (offscreen document on Chrome, background page on Firefox): one engine
 * per browser profile, whatever the number of Gmail tabs, restarted when the signed-in user or the
 * active workspace changes, and woken whenever any page adds to the outbox.
 */
export function runSync(db: ThreadlineDB, config: FirebaseConfig): () => void {
  const app = initializeApp(config);
  const auth = authFor(app);
  const fs = initializeFirestore(app, { ignoreUndefinedProperties: true });
  let engine: SyncEngine | undefined;
  let user: User | null = null;
  // Undefined until the first evaluation, which always writes a status: with nobody signed in
  // the key is '' and the pages would otherwise keep whatever the last run left.
  let running: string | undefined;

  const restart = async () => {
    const ws = await activeWorkspace(db);
    const key = user && ws ? `${user.uid}/${ws.id}` : '';
    if (key === running) return;
    engine?.stop();
    engine = undefined;
    running = key;
    if (!user) return writeStatus(db, { state: 'signedOut', waiting: await waitingCount(db) });
    if (!ws) return writeStatus(db, { state: 'local' });
    engine = new SyncEngine({ db, transport: firestoreTransport(fs, ws.id, user.uid) });
    engine.start();
  };

  const stopUser = watchUser(auth, (u) => {
    user = u;
    // Rules' notifications go to the owner's own device: the background compares owners with this.
    void rememberSignedIn(db, u?.email ?? null).catch(() => undefined);
    void restart();
  });
  const workspace = liveQuery(() => activeWorkspace(db)).subscribe(() => void restart());
  // Any page adding a change, or discarding a refused one, wakes the engine.
  const outbox = liveQuery(async () => `${await db.outbox.count()}/${(await discardRequests(db)).length}`).subscribe(() => engine?.kick());
  const online = () => engine?.kick();
  globalThis.addEventListener?.('online', online);
  return () => {
    stopUser();
    workspace.unsubscribe();
    outbox.unsubscribe();
    globalThis.removeEventListener?.('online', online);
    engine?.stop();
  };
}
