import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmp, Dexie, type Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordAtKeys } from '../../storage/db/activityIndex';
import { ThreadlineDB } from '../../storage/db/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../storage/db/migrations';
import type { Activity } from '../../storage/model/entities';
import { presetFields, presetFolders, presetViews, productFields, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { mutate } from '../../storage/write/mutate';
import { newestFirst, recordHistory, timeline } from '../../storage/queries/queries';
import { shareWorkspace } from '../support/db';
import type { Field } from '../../storage/model/field';
import { recordSortKeys } from '../../storage/views/sortKeys';

/**
 * tests/fixtures/db/v<N>.json holds a workspace as schema version N stored it: written once when
 * version N shipped and never edited. Each must open with today's code with every row of every
 * table intact (compared field by field, not counted), every index answering for every row, and
 * the outbox sequence going on where it stopped.
 */
type Rows = Record<string, unknown>[];
type Data = Record<string, Rows>;

const FIXTURE_DIR = join(__dirname, '../fixtures/db');
const fixtures = readdirSync(FIXTURE_DIR)
  .map((f) => /^v(\d+)\.json$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => ({ version: Number(m[1]), data: JSON.parse(readFileSync(join(FIXTURE_DIR, m[0]), 'utf8')) as Data }));

/**
 * What the upgrade from each version is expected to do to the rows. Upgrades that only add tables
 * or indexes leave rows unchanged. A migration that rewrites rows adds its expected rewrite here
 * (by the version it upgrades to), so the test still catches anything else.
 */
const EXPECTED_REWRITES: Record<number, (data: Data) => Data> = {
  // v3: every activity gets its recordAt index keys, one per record.
  3: (data) => ({ ...data, activities: (data.activities ?? []).map((a) => ({ ...a, recordAt: recordAtKeys(a) })) }),
  // v4: a local workspace (no shared workspace in syncState) drops the outbox and clocks nothing drains.
  4: (data) => ((data.syncState ?? []).some((r) => r.key === 'workspace') ? data : { ...data, outbox: [], clocks: [] }),
  // v5: deals without the preset Lost reason field get it, after their last field, stamped at 0.
  5: (data) => {
    const fields = data.fields ?? [];
    if (!(data.folders ?? []).some((f) => f.id === 'folder_deals') || fields.some((f) => f.id === 'fd_lostReason')) return data;
    const order = Math.max(-1, ...fields.filter((f) => f.folderId === 'folder_deals').map((f) => Number(f.order))) + 1;
    return { ...data, fields: [...fields, { ...presetFields(0, 'en').find((f) => f.id === 'fd_lostReason')!, order }] };
  },
  // v7: every record gets its sort keys, one per sortable field with a value.
  7: (data) => {
    const fields = (data.fields ?? []) as unknown as Field[];
    const records = (data.records ?? []).map((r) => {
      const { folderId, values } = r as { folderId: string; values?: Record<string, unknown> };
      return { ...r, sortKeys: recordSortKeys(folderId, fields.filter((f) => f.folderId === folderId), values ?? {}) };
    });
    return { ...data, records };
  },
  // v9: a workspace without the Products catalogue gets its folder, fields and view, stamped at 0.
  9: (data) => {
    const folders = data.folders ?? [];
    if (folders.some((f) => f.id === PRESET_FOLDER_IDS.products)) return data;
    const order = Math.max(-1, ...folders.map((f) => Number(f.order))) + 1;
    const folder = { ...presetFolders(0, 'en').find((f) => f.id === PRESET_FOLDER_IDS.products)!, order };
    return {
      ...data,
      folders: [...folders, folder],
      fields: [...(data.fields ?? []), ...productFields(0, 'en')],
      views: [...(data.views ?? []), ...presetViews(0, 'en').filter((v) => v.folderId === PRESET_FOLDER_IDS.products)],
    };
  },
};

function expectedAfterUpgrade(from: number, data: Data): Data {
  let out = structuredClone(data);
  for (const v of SCHEMA_VERSIONS) if (v.version > from) out = EXPECTED_REWRITES[v.version]?.(out) ?? out;
  return out;
}

async function createAtVersion(name: string, version: number, data: Data) {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

const keyOf = (row: unknown, keyPath: string | string[] | null | undefined): unknown =>
  Array.isArray(keyPath) ? keyPath.map((k) => keyOf(row, k)) : keyPath ? Dexie.getByKeyPath(row as object, keyPath) : undefined;

const byKey = (keyPath: string | string[] | null | undefined) => (a: unknown, b: unknown) => cmp(keyOf(a, keyPath), keyOf(b, keyPath));

/** Every index of `table` finds every row by that row's own value(s). */
async function expectIndexesAnswer(table: Table, rows: Rows) {
  const pk = table.schema.primKey.keyPath;
  for (const index of table.schema.indexes) {
    for (const row of rows) {
      const value = keyOf(row, index.keyPath);
      // A row missing a part of a compound key is not in that index (IndexedDB's rule): nothing to find.
      if (value === undefined || (Array.isArray(index.keyPath) && (value as unknown[]).some((v) => v === undefined))) continue;
      const values = index.multi ? (value as unknown[]) : [value];
      for (const v of values) {
        const keys = await table.where(index.name).equals(v as never).primaryKeys();
        expect(keys.some((k) => cmp(k, keyOf(row, pk)) === 0), `${table.name}.${index.name} = ${JSON.stringify(v)}`).toBe(true);
      }
    }
  }
}

describe('schema migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(fixtures)('a database written by schema v$version opens with the current code, every row intact', async ({ version, data }) => {
    const name = `migration-test-v${version}`;
    await createAtVersion(name, version, data);
    const db = new ThreadlineDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const expected = expectedAfterUpgrade(version, data);
    for (const table of db.tables) {
      const pk = table.schema.primKey.keyPath;
      const want = [...(expected[table.name] ?? [])].sort(byKey(pk));
      // Field by field: a dropped property, a changed value or a lost row all fail here.
      expect((await table.toArray()).sort(byKey(pk)), `table ${table.name}`).toEqual(want);
      await expectIndexesAnswer(table, want);
    }
    // Tables the fixture knew must all still exist: a dropped table is data loss too.
    for (const table of Object.keys(data)) expect(db.tables.map((t) => t.name)).toContain(table);

    // The outbox sequence goes on after the last fixture entry: a reused seq would confuse sync.
    const lastSeq = Math.max(0, ...(data.outbox ?? []).map((o) => Number(o.seq)));
    // Only a shared workspace queues writes; the fixtures predate the local-workspace mode.
    await shareWorkspace(db);
    await mutate(db, (w) => w.put('settings', { key: 'teamDomains', value: ['after-upgrade.example'], updatedAt: 1 }, ['value']));
    const added = (await db.outbox.toArray()).filter((o) => !(data.outbox ?? []).some((f) => f.seq === o.seq));
    expect(added.length).toBe(1);
    expect(added[0]!.seq).toBeGreaterThan(lastSeq);
    db.close();
    await Dexie.delete(name);
  });

  it.each(fixtures)('the history of a schema v$version database is read through the recordAt index after opening', async ({ version, data }) => {
    const activities = (data.activities ?? []) as Activity[];
    expect(activities.length, 'the fixture must hold activities for the upgrade to be exercised').toBeGreaterThan(1);
    const name = `migration-history-v${version}`;
    await createAtVersion(name, version, data);
    const db = new ThreadlineDB(name);
    await db.open();
    const recordIds = [...new Set(activities.flatMap((a) => a.recordIds))];
    const all = await timeline(db, recordIds, { limit: 1_000 });
    expect(all.map((a) => a.id)).toEqual([...activities].sort(newestFirst).map((a) => a.id));
    for (const id of recordIds) {
      const own = activities.filter((a) => a.recordIds.includes(id)).sort(newestFirst);
      expect((await recordHistory(db, id, { limit: 1_000 })).map((a) => a.id), `history of ${id}`).toEqual(own.map((a) => a.id));
      expect((await timeline(db, [id], { limit: 1 })).map((a) => a.id)).toEqual([own[0]!.id]);
    }
    db.close();
    await Dexie.delete(name);
  });

  it('v5 names the added Lost reason field in the language the deals folder is named in', async () => {
    const v4 = fixtures.find((f) => f.version === 4)!.data;
    const data = { ...v4, folders: v4.folders!.map((f) => (f.id === 'folder_deals' ? { ...f, name: 'Negocios' } : f)) };
    await createAtVersion('migration-v5-es', 4, data);
    const db = new ThreadlineDB('migration-v5-es');
    await db.open();
    const field = await db.fields.get('fd_lostReason');
    expect(field?.label).toBe(presetFields(0, 'es').find((f) => f.id === 'fd_lostReason')!.label);
    expect(field?.options?.map((o) => o.id)).toEqual(presetFields(0, 'en').find((f) => f.id === 'fd_lostReason')!.options!.map((o) => o.id));
    db.close();
    await Dexie.delete('migration-v5-es');
  });

  it('would notice a lost property (the comparison is not a count)', async () => {
    const { version, data } = fixtures[0]!;
    const damaged = structuredClone(data);
    delete (damaged.records![0] as Record<string, unknown>).values;
    const name = 'migration-test-damaged';
    await createAtVersion(name, version, damaged);
    const db = new ThreadlineDB(name);
    await db.open();
    const pk = db.records.schema.primKey.keyPath;
    expect(await db.records.count()).toBe(data.records!.length);
    expect((await db.records.toArray()).sort(byKey(pk))).not.toEqual([...data.records!].sort(byKey(pk)));
    db.close();
    await Dexie.delete(name);
  });
});
