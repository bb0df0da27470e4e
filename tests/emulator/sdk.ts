import { deleteApp, initializeApp } from 'firebase/app';
import { connectFirestoreEmulator, initializeFirestore, terminate, type Firestore } from 'firebase/firestore';
import { clearProject } from './official';

/**
 * Firebase SDK clients on the official emulator (no vitest here: bench/sync.ts uses them too).
 */
/** Who a client is signed in as: a user (an unsigned mock token, which the emulator accepts) or the admin SDK's bypass. */
export type Identity = { uid: string; email?: string; emailVerified?: boolean } | 'admin';

export function mockToken(who: Identity) {
  if (who === 'admin') return 'owner' as const;
  return { sub: who.uid, user_id: who.uid, ...(who.email ? { email: who.email, email_verified: who.emailVerified ?? true } : {}) };
}

let apps = 0;

/** Firestore SDK instances on the emulator, all closed by `closeAll()`. */
export function firestoreClients(host: string, projectId: string) {
  const open: (() => Promise<void>)[] = [];
  const [hostname, port] = host.split(':') as [string, string];
  return {
    client(who: Identity): Firestore {
      const app = initializeApp({ projectId, apiKey: 'demo-key' }, `emu-${projectId}-${++apps}`);
      const fs = initializeFirestore(app, { ignoreUndefinedProperties: true });
      connectFirestoreEmulator(fs, hostname, Number(port), { mockUserToken: mockToken(who) });
      open.push(async () => {
        await terminate(fs);
        await deleteApp(app);
      });
      return fs;
    },
    clear: () => clearProject(host, projectId),
    async closeAll() {
      for (const close of open.splice(0)) await close();
    },
  };
}
