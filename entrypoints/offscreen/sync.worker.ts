// The sync engine's home on Chrome: a dedicated worker spawned by the offscreen document
// (main.ts). Firestore's listen stream, Firebase Auth's session and Dexie all run in a worker;
// nothing here needs the DOM or an extension API, so the document only starts it.
import { firebaseConfig } from '../../sync/config';
import { runSync } from '../../sync/runner';
import { openThreadlineDb } from '../../storage/open';

const config = firebaseConfig();
if (config) runSync(openThreadlineDb(), config);
