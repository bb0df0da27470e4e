import type { Firestore } from 'firebase/firestore';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../sync/state';
import { Client, seedWorkspace, type Env, type Person } from './clients';
import { emulatorHost, firestoreClients } from './connect';

export const ANA: Person = { uid: 'uid-ana', email: 'ana@acme.example' };
export const BO: Person = { uid: 'uid-bo', email: 'bo@acme.example' };
export const CY: Person = { uid: 'uid-cy', email: 'cy@acme.example' };

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const contact = (c: Client, id: string) => c.db.records.get(id);

/**
 * A test file's devices on the official emulator (tests/emulator/globalSetup.ts), in its own
 * project id (cleared first), with an admin client for seeding; every device is closed at the end.
 */
/** A Firestore REST value as plain JSON. */
function unwrap(value: Record<string, unknown>): unknown {
  if ('mapValue' in value) return Object.fromEntries(Object.entries(((value.mapValue as { fields?: object }).fields ?? {}) as Record<string, Record<string, unknown>>).map(([k, v]) => [k, unwrap(v)]));
  if ('arrayValue' in value) return (((value.arrayValue as { values?: unknown[] }).values ?? []) as Record<string, unknown>[]).map(unwrap);
  if ('integerValue' in value) return Number(value.integerValue);
  if ('nullValue' in value) return null;
  return Object.values(value)[0];
}

export function syncSuite(projectId: string) {
  let env: Env;
  let admin: Firestore;
  let closeAdmin: (() => Promise<void>) | undefined;
  const clients: Client[] = [];
  let wsCount = 0;
  let people = 0;

  beforeAll(async () => {
    const host = await emulatorHost();
    env = { host, projectId };
    const admins = firestoreClients(host, projectId);
    await admins.clear();
    admin = admins.client('admin');
    closeAdmin = admins.closeAll;
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await closeAdmin?.();
  }, 60_000);

  const suite = {
    get admin() {
      return admin;
    },
    /** A new device of `person` (its own IndexedDB database and Firestore instance). */
    device(person: Person) {
      const c = new Client(env, person);
      clients.push(c);
      return c;
    },
    /** Someone new, in no workspace yet (for tests that list "my workspaces"). */
    newPerson: (name: string): Person => ({ uid: `uid-${name}${++people}`, email: `${name}${people}@acme.example` }),
    /**
     * A document as the server holds it, read over the emulator's REST API as the admin (no SDK
     * instance, so no listen stream of the devices under test): its fields, values unwrapped.
     */
    async serverDoc(ws: string, table: string, id: string): Promise<Record<string, unknown> | undefined> {
      const res = await fetch(`http://${env.host}/v1/projects/${projectId}/databases/(default)/documents/workspaces/${encodeURIComponent(ws)}/${table}/${encodeURIComponent(id)}`, { headers: { Authorization: 'Bearer owner' } });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`GET ${table}/${id}: ${res.status} ${await res.text()}`);
      return unwrap({ mapValue: (await res.json()) as { fields?: object } }) as Record<string, unknown>;
    },
    /** A fresh workspace with these memberships seeded by the admin client (the first owner owns it). */
    workspace: (members: [Person, Role][]) => seedWorkspace(admin, `ws${++wsCount}`, members),
    /** Ana (owner) and Bo (admin) on a fresh workspace, their memberships seeded. */
    async pair(): Promise<[Client, Client]> {
      const ws = await suite.workspace([[ANA, 'owner'], [BO, 'admin']]);
      const a = await suite.device(ANA).attach(ws).open({ role: 'owner' });
      const b = await suite.device(BO).attach(ws).open({ role: 'admin' });
      return [a, b];
    },
  };
  return suite;
}
