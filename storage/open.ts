import { installAutomations } from './automations/install';
import { ThreadlineDB } from './db/db';

/**
 * The database with everything that reacts to its writes wired in. Entrypoints call it once and
 * hand the result down (React pages through components/shell/DbProvider.tsx); tests and the sync
 * simulation call it for each database they need. Storage functions never find a database on
 * their own: they act on the one they are given.
 */
export function openThreadlineDb(name?: string): ThreadlineDB {
  installAutomations();
  return new ThreadlineDB(name);
}
