// The folder boundaries of ARCHITECTURE §5 as rules (STYLE.md, "Conventions as rules"):
// a boundary that only a document states will be broken. Not type-checked, so it stays fast.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

// Flat config replaces a rule's options instead of merging them, so a file that sits in two
// areas (storage/model is also storage) must get every pattern that applies in one list.
// These are the pieces the lists below are built from.
const inboxSdk = {
  // The whole @inboxsdk scope (its one package, and anything it may add).
  group: ['@inboxsdk/*', '@inboxsdk/**'],
  message: 'InboxSDK is loaded only by entrypoints/gmail.content/ and entrypoints/background.ts.',
};
const dexie = {
  group: ['dexie', 'dexie/**', 'dexie-*'],
  message: 'storage/model is pure: entities and specs, no Dexie.',
};
const storageDb = {
  group: ['**/storage/db', '**/storage/db/**'],
  allowTypeImports: true,
  message: 'Components get the database from DbProvider (useDb), never from storage/db; type imports are fine.',
};

const restrict = (...patterns) => ['error', { patterns }];
const recordWrites = 'put|bulkPut|add|bulkAdd|delete|bulkDelete|update|modify';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**'] },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // Without these the plugin reads only .js files, and no-cycle silently finds nothing in a TypeScript tree.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Resolves relative imports and the tsconfig paths WXT writes into .wxt/tsconfig.json.
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      // tsc already reports undefined names in TypeScript; the two .mjs files are Node scripts
      // and would need a globals list for no benefit.
      'no-undef': 'off',
      // A hook called conditionally breaks React's state order; deps the code already reasons about are checked too.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // CSV parsing/export and the XSS corpus match control characters on purpose (NUL, unit and record separators).
      'no-control-regex': 'off',
      // Unused parameters and catch bindings named _ are deliberate (signatures kept for callers).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],

      // A cycle makes module init order matter and hides a missing layer (after-write hooks
      // register with the write owner instead of importing each other). Type-only imports
      // vanish at build time, so the plugin skips them.
      'import-x/no-cycle': 'error',

      // InboxSDK is big and only works inside Gmail's page: keep it out of every other bundle.
      '@typescript-eslint/no-restricted-imports': restrict(inboxSdk),

      // Folder boundaries, checked on resolved paths (not import strings), so they hold at any
      // nesting depth and do not confuse i18n/sync/ with sync/.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              // storage is the data layer: UI, sync and boot depend on it, never the reverse.
              target: './storage',
              from: ['./components', './sync', './entrypoints'],
              message: 'storage/ may import i18n/ and messaging/, not components/, sync/ or entrypoints/.',
            },
            {
              // storage/model is pure (zod entities, field specs): usable from any context and in tests without a database.
              target: './storage/model',
              from: '.',
              except: ['./storage/model', './i18n', './node_modules'],
              message: 'storage/model imports only storage/model and i18n/.',
            },
            {
              // sync runs in the background context; it cannot depend on UI or boot code.
              target: './sync',
              from: ['./components', './entrypoints'],
              message: 'sync/ may not import components/ or entrypoints/.',
            },
            {
              // The UI reaches sync through components/workspace only, so one folder owns that surface.
              target: ['./components/!(workspace)/**', './components/*.{ts,tsx}'],
              from: ['./sync/**'],
              message: 'Components import sync/ only through components/workspace/.',
            },
            {
              // i18n is a leaf: catalogues used by UI, storage errors and the background alike.
              target: './i18n',
              from: ['./components', './storage', './sync', './entrypoints'],
              message: 'i18n/ imports nothing from components/, storage/, sync/ or entrypoints/.',
            },
          ],
        },
      ],

      // One write owner: records writes must run the middleware's derived indexes, stage history,
      // link rewrites and automations hooks, which only storage/write's functions do.
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${recordWrites})$/][callee.object.property.name='records']`,
          message: 'records are written through storage/write',
        },
        {
          // The same through a collection: db.records.where(...).modify(...) / .delete().
          selector: "CallExpression[callee.property.name=/^(modify|delete)$/][callee.object.type='CallExpression']:has(MemberExpression[property.name='records'])",
          message: 'records are written through storage/write',
        },
        {
          // And through the writer: w.put/putMany/remove('records', ...) skip saveRecordsIn/removeRecordsIn.
          selector: "CallExpression[callee.property.name=/^(put|putMany|remove)$/][arguments.0.value='records']",
          message: 'records are written through storage/write',
        },
      ],
    },
  },

  {
    // The write owner and the database layer write records; tests and benchmarks seed them directly.
    files: ['storage/write/**', 'storage/db/**', 'tests/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The only places that load InboxSDK, and the unit tests of the Gmail entrypoint.
    files: ['entrypoints/gmail.content/**', 'entrypoints/background.ts', 'tests/unit/gmail/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['storage/model/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(inboxSdk, dexie) },
  },
  {
    // DbProvider is the one component that opens and hands out the database.
    files: ['components/**'],
    ignores: ['components/shell/DbProvider.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(inboxSdk, storageDb) },
  },
);
