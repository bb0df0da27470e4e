/**
 * Every schema version the database has had, oldest first. Never edit a shipped entry: add a
 * new one. tests/unit/migrations.test.ts opens a database of each earlier version, built from
 * the fixtures in tests/fixtures/db/, with the current code.
 */
export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
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
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
