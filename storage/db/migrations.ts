import type { Transaction } from 'dexie';
import { recordAtKeys, RECORD_AT } from './activityIndex';
import { SHARED_WORKSPACE_KEY } from '../replica/workspaceMode';
import { addMissingLostReason } from './v5LostReason';
import { addSortKeys } from './v7SortKeys';
import { addProductsCatalogue } from './v9Products';

/**
 * Every schema version the database has had, oldest first. Never edit a shipped entry: add a
 * new one. tests/unit/migrations.test.ts opens a database of each earlier version, built from
 * the fixtures in tests/fixtures/db/, with the current code.
 */
export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites existing rows when opening a database of an older version (Dexie's `upgrade`). */
  upgrade?: (tx: Transaction) => Promise<unknown>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      folders: 'id',
      fields: 'id, folderId',
      views: 'id, folderId',
      pipelines: 'id',
      // emails/domains are normalised multi-entry indexes: the people on a thread in O(log n).
      records: 'id, folderId, updatedAt, *emails, *domains, *linkedIds, [folderId+updatedAt]',
      activities: 'id, *recordIds, threadId, messageId, at',
      threadLinks: 'id, threadId, recordId',
      settings: 'key',
      outbox: '++seq, table',
      syncState: 'key',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // Shared-workspace sync: per-unit clock stamps of every synced document, keyed
      // `${table}/${docId}`. Documents written under v1 have none and count as stamped at zero
      // (older than any edit), so the upgrade needs no data pass.
      clocks: 'key',
      // Remote documents that cannot be applied yet (their folder or a field has not arrived).
      parked: 'key',
    },
  },
  {
    version: 3,
    stores: {
      // recordAt: one `${recordId}\u0001${encodeAt(at)}` key per record (storage/activityIndex.ts), so the
      // sidebar reads each record's newest page of history instead of its whole history.
      // due: only tasks with a due date have it (sparse), all that the background's reminders read.
      activities: 'id, *recordIds, threadId, messageId, at, *recordAt, due',
      // refused.at: only refused changes have it (a sparse index), so the sync badge lists them
      // without walking an outbox that a local workspace lets grow to every write ever made.
      outbox: '++seq, table, refused.at',
    },
    // Existing activities get their keys here; later writes get them from activityIndexMiddleware.
    upgrade: (tx) =>
      tx
        .table('activities')
        .toCollection()
        .modify((a: Record<string, unknown>) => {
          a[RECORD_AT] = recordAtKeys(a);
        }),
  },
  {
    version: 4,
    stores: {},
    // Until v4 the local workspace queued an outbox entry and stamped clocks for every write, and
    // nothing ever drained them (joining a shared workspace stamps and queues everything afresh).
    // A local workspace drops them here; a shared one keeps its pending changes.
    upgrade: async (tx) => {
      if (await tx.table('syncState').get(SHARED_WORKSPACE_KEY)) return;
      await Promise.all([tx.table('outbox').clear(), tx.table('clocks').clear()]);
    },
  },
  {
    version: 5,
    stores: {},
    // Deals gained a preset "Lost reason" dropdown (the win-rate report reads it): workspaces made
    // before get it too, named in the language their deals folder is named in.
    upgrade: addMissingLostReason,
  },
  {
    version: 6,
    stores: {
      // Compose templates (storage/templates/), synced like views; listed by name, so one index suffices.
      templates: 'id, updatedAt',
    },
  },
  {
    version: 7,
    stores: {
      // sortKeys: `[folderId, fieldId, key]` per sortable field with a value (storage/views/sortKeys.ts),
      // so a table sorted by a field reads its rows in order through the index, never the whole folder.
      records: 'id, folderId, updatedAt, *emails, *domains, *linkedIds, [folderId+updatedAt], *sortKeys',
    },
    upgrade: addSortKeys,
  },
  {
    version: 8,
    stores: {
      // [ruleId+at]: a rule's run log, newest first. Only automation entries carry ruleId, so the
      // index holds nothing else (a compound key with a missing part is not indexed).
      activities: 'id, *recordIds, threadId, messageId, at, *recordAt, due, [ruleId+at]',
    },
  },
  {
    version: 9,
    stores: {},
    // The preset Products catalogue (deals' line items pick from it): workspaces made before get it too.
    upgrade: addProductsCatalogue,
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
