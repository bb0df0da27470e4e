import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ThreadlineDB } from '../../storage/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../storage/migrations';

/**
 * tests/fixtures/db/v<N>.json holds a workspace as schema version N stored it: written once when
 * version N shipped and never edited. Each must open with today's code, data intact.
 */
const FIXTURE_DIR = join(__dirname, '../fixtures/db');
const fixtures = readdirSync(FIXTURE_DIR)
  .map((f) => /^v(\d+)\.json$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => ({ version: Number(m[1]), data: JSON.parse(readFileSync(join(FIXTURE_DIR, m[0]), 'utf8')) as Record<string, unknown[]> }));

async function createAtVersion(name: string, version: number, data: Record<string, unknown[]>) {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(fixtures)('a database written by schema v$version opens with the current code, data intact', async ({ version, data }) => {
    const name = `migration-test-v${version}`;
    await createAtVersion(name, version, data);
    const db = new ThreadlineDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(data)) expect(await db.table(table).count()).toBe(rows.length);
    // Populate must not run again over an existing workspace.
    expect(await db.folders.count()).toBe(data.folders?.length);
    const record = (data.records as { id: string; emails: string[] }[]).find((r) => r.emails.length > 0)!;
    expect((await db.records.where('emails').equals(record.emails[0]!).first())?.id).toBe(record.id);
    db.close();
    await Dexie.delete(name);
  });

});
