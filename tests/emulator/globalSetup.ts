import type { TestProject } from 'vitest/node';
import { spawnEmulator } from './official';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the official Firestore emulator this run started (tests/emulator/official.ts). */
    firestoreEmulator: string;
    /** Why it could not be started, if it could not: the emulator tests fail with this. */
    firestoreEmulatorError: string;
  }
}

/**
 * One official Firestore emulator for the whole unit run, with the project's firestore.rules. It is
 * spawned here and not awaited: the JVM warms up while the other files run, and the emulator tests
 * wait for it (tests/emulator/connect.ts polls its endpoint). Each test file uses its own project
 * id, so files running side by side never clear each other's data.
 */
export default async function setup(project: TestProject) {
  // `vitest run --project unit tests/unit/x.test.ts`: no emulator file among the filters, no JVM.
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && !a.includes('node_modules') && /[/.]/.test(a));
  if (filters.length > 0 && !filters.some((f) => /emulator/.test(f))) {
    project.provide('firestoreEmulator', '');
    project.provide('firestoreEmulatorError', 'the Firestore emulator was not started: this run named no tests/emulator file');
    return undefined;
  }
  try {
    const emulator = await spawnEmulator();
    emulator.ready.catch(() => undefined);
    process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
    project.provide('firestoreEmulator', emulator.host);
    project.provide('firestoreEmulatorError', '');
    return () => emulator.stop();
  } catch (e) {
    project.provide('firestoreEmulator', '');
    project.provide('firestoreEmulatorError', (e as Error).message);
    return undefined;
  }
}
