import { Dexie, type Table } from 'dexie';
import type { Activity, CrmRecord, Folder, OutboxEntry, Pipeline, Setting, ThreadLink, View } from './model/entities';
import type { Field } from './model/field';
import { SCHEMA_VERSIONS } from './migrations';
import { presetFields, presetFolders, presetPipelines, presetViews } from './presets';

export type KeyValue = { key: string; value: unknown };

export class ThreadlineDB extends Dexie {
  folders!: Table<Folder, string>;
  fields!: Table<Field, string>;
  views!: Table<View, string>;
  pipelines!: Table<Pipeline, string>;
  records!: Table<CrmRecord, string>;
  activities!: Table<Activity, string>;
  threadLinks!: Table<ThreadLink, string>;
  settings!: Table<Setting, string>;
  outbox!: Table<OutboxEntry, number>;
  syncState!: Table<KeyValue, string>;
  /** Local-only counters (auto-numbers); never synced. */
  meta!: Table<KeyValue, string>;

  constructor(name = 'threadline') {
    super(name);
    for (const v of SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
    // Runs once, inside the creating transaction: a new workspace is never seen empty.
    this.on('populate', (tx) => {
      const now = Date.now();
      void tx.table('folders').bulkAdd(presetFolders(now));
      void tx.table('fields').bulkAdd(presetFields(now));
      void tx.table('pipelines').bulkAdd(presetPipelines(now));
      void tx.table('views').bulkAdd(presetViews(now));
    });
  }
}

export const db = new ThreadlineDB();
