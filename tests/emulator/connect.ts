import { inject } from 'vitest';
import { waitForEmulator } from './official';

export { firestoreClients, mockToken, type Identity } from './sdk';

/** The emulator started by tests/emulator/globalSetup.ts, once it answers. */
export async function emulatorHost(): Promise<string> {
  const error = inject('firestoreEmulatorError');
  if (error) throw new Error(error);
  const host = inject('firestoreEmulator');
  await waitForEmulator(host);
  return host;
}
