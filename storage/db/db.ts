import { Dexie, type Table } from 'dexie';
import type { Activity, CrmRecord, Folder, OutboxEntry, Pipeline, Setting, Template, ThreadLink, View } from '../model/entities';
import type { Field } from '../model/field';
import { activityIndexMiddleware } from './activityIndex';
import { recordIndexMiddleware } from './recordIndex';
import { SCHEMA_VERSIONS } from './migrations';
import { presetWorkspace } from '../folders/presets';
import { getLocale } from '../../i18n/locale';
import type { ClockRow, ParkedDoc } from '../replica/rows';

export type KeyValue = { key: string; value: unknown };

/** What pages tell the user about the connection (components/DatabaseBanner.tsx). */
export type ConnectionStatus = 'ok' | 'blocked' | 'outdated';

/** A tiny observable, shaped for React's useSyncExternalStore. */
function connectionSignal() {
  let status: ConnectionStatus = 'ok';
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next: ConnectionStatus) {
      if (next === status) return;
      status = next;
      for (const listener of listeners) listener();
    },
  };
}

export class ThreadlineDB extends Dexie {
  folders!: Table<Folder, string>;
  fields!: Table<Field, string>;
  views!: Table<View, string>;
  pipelines!: Table<Pipeline, string>;
  records!: Table<CrmRecord, string>;
  activities!: Table<Activity, string>;
  threadLinks!: Table<ThreadLink, string>;
  settings!: Table<Setting, string>;
  /** Compose templates with merge fields (schema v6, storage/templates/). */
  templates!: Table<Template, string>;
  outbox!: Table<OutboxEntry, number>;
  syncState!: Table<KeyValue, string>;
  /** Local-only counters (auto-numbers); never synced. */
  meta!: Table<KeyValue, string>;
  /** Sync: per-unit clock stamps of each synced document (schema v2), keyed `${table}/${docId}`. */
  clocks!: Table<ClockRow, string>;
  /** Sync: remote documents waiting for their folder or fields to arrive (schema v2). */
  parked!: Table<ParkedDoc, string>;

  readonly connection = connectionSignal();

  constructor(name = 'threadline') {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Derived index keys of activities, set on every write whoever writes (storage/activityIndex.ts).
    this.use(activityIndexMiddleware);
    // Derived columns of records (title, emails, domains, linked ids), likewise (storage/db/recordIndex.ts).
    this.use(recordIndexMiddleware);
    // Another tab opened a newer schema (Threadline was updated). Dexie would close and silently
    // reopen at the new version, letting this page's older code write without the new version's
    // invariants (e.g. v2's clock stamps). Stay closed instead: writes fail, the banner says reload.
    this.on('versionchange', (ev) => {
      if (!ev.newVersion) return undefined;
      this.close({ disableAutoOpen: true });
      this.connection.set('outdated');
      return false; // handled: skip Dexie's default close-and-reopen
    });
    // This page's upgrade waits until older pages close the database: say so rather than hang silently.
    this.on('blocked', () => this.connection.set('blocked'));
    this.on('ready', () => this.connection.set('ok'), true);
    // Runs once, inside the creating transaction: a new workspace is never seen empty. It is named
    // in the page's language (the device's choice, else the browser's), with the same ids in all.
    this.on('populate', (tx) => {
      const presets = presetWorkspace(Date.now(), getLocale());
      void tx.table('folders').bulkAdd(presets.folders);
      void tx.table('fields').bulkAdd(presets.fields);
      void tx.table('pipelines').bulkAdd(presets.pipelines);
      void tx.table('views').bulkAdd(presets.views);
    });
  }
}

