import { config } from 'zod';

// zod decides per schema, when the schema is built, whether it may compile a fast parser with
// new Function(); the extension pages' CSP forbids it and a DevTools evaluation would not notice
// until the first parse. Imported first by bench/inpage.ts, so it runs before any schema exists.
config({ jitless: true });
