// Chrome's sync host: started by the background (sync/host.ts) only when sync is configured.
import { firebaseConfig } from '../../sync/config';
import { runSync } from '../../sync/runner';
import { openThreadlineDb } from '../../storage/open';

const config = firebaseConfig();
if (config) runSync(openThreadlineDb(), config);
