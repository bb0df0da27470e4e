import { beforeEach, describe, expect, it } from 'vitest';
import { applyRemote, type RemoteDoc } from '../../sync/applyRemote';
import type { CrmRecord, SyncedTable } from '../../storage/model/entities';
import { createRecord, deleteRecord, updateRecord } from '../../storage/write/records';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { clockKey, localState } from '../../storage/replica/clocks';
import { encodeHlc, HLC_ZERO, compareHlc } from '../../storage/replica/hlc';
import type { DocState } from '../../storage/replica/merge';
import { toUnits } from '../../storage/replica/units';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts } = PRESET_FOLDER_IDS;
const FAR = 4_000_000_000_000;
const at = (ms: number, device = 'remote') => encodeHlc({ ms, counter: 0, device });

/** A remote document whose every unit was written by one write stamped `stamp`. */
function remote(table: SyncedTable, doc: Record<string, unknown>, stamp: string): RemoteDoc {
  const units = toUnits(table, doc);
  const state: DocState = { units, clocks: Object.fromEntries(Object.keys(units).map((u) => [u, stamp])), born: stamp };
  return { table, id: String(doc.id ?? doc.key), state };
}

const contact = (id: string, values: Record<string, unknown>) => ({ id, folderId: contacts, values, stats: {}, createdAt: 1, updatedAt: 1 });
const quiet = () => {};

/** Clocks are kept, and remote documents arrive, only in a shared workspace. */
async function sharedDb() {
  await resetDb();
  await shareWorkspace(db);
}

describe('clock stamps on the write path', () => {
  beforeEach(sharedDb);

  it('a new record gets one stamp for its birth and every unit, the same one as its outbox entry', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@x.com'] });
    const row = await db.clocks.get(clockKey('records', rec.id));
    const [entry] = await db.outbox.toArray();
    expect(entry!.hlc).toBeDefined();
    expect(row!.born).toBe(entry!.hlc);
    expect(Object.keys(row!.fields).sort()).toEqual(['createdAt', 'folderId', 'stats', 'updatedAt', 'values.fc_emails', 'values.fc_firstName']);
    expect(new Set(Object.values(row!.fields))).toEqual(new Set([entry!.hlc]));
  });

  it('an update restamps only what changed, whatever the caller says changed', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
    const before = (await db.clocks.get(clockKey('records', rec.id)))!;
    await updateRecord(db, rec.id, { fc_lastName: 'Gil', fc_firstName: 'Ana' });
    const after = (await db.clocks.get(clockKey('records', rec.id)))!;
    expect(after.fields['values.fc_firstName']).toBe(before.fields['values.fc_firstName']);
    expect(compareHlc(after.fields['values.fc_lastName']!, before.fields['values.fc_lastName']!)).toBeGreaterThan(0);
    expect(after.born).toBe(before.born);
  });

  it('a delete leaves a tombstone stamp and no values, and a crash rolls back the stamps too', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    await deleteRecord(db, rec.id);
    const row = await db.clocks.get(clockKey('records', rec.id));
    expect(row!.fields).toEqual({});
    expect(compareHlc(row!.deleted!, row!.born!)).toBeGreaterThan(0);
    const clocksBefore = await db.clocks.count();
    await expect(createRecord(db, contacts, { fc_lastName: 'no first name' })).rejects.toThrow();
    expect(await db.clocks.count()).toBe(clocksBefore);
  });

  it('a document without a clock row (schema v1, or written in the local workspace) counts as stamped at zero and gets stamps lazily', async () => {
    // Written in the local workspace, which keeps no clocks, as schema v1 wrote every document.
    await resetDb();
    await createRecord(db, contacts, { fc_firstName: 'Old', fc_lastName: 'Doc' }, { id: 'rec_old' });
    await shareWorkspace(db);
    expect(await db.clocks.get(clockKey('records', 'rec_old'))).toBeUndefined();
    const legacy = await localState(db, 'records', 'rec_old');
    expect(legacy.born).toBe(HLC_ZERO);
    expect(legacy.clocks['values.fc_firstName']).toBe(HLC_ZERO);
    await updateRecord(db, 'rec_old', { fc_lastName: 'New' });
    const now = await localState(db, 'records', 'rec_old');
    expect(now.clocks['values.fc_firstName']).toBe(HLC_ZERO);
    expect(compareHlc(now.clocks['values.fc_lastName']!, HLC_ZERO)).toBeGreaterThan(0);
  });
});

describe('applying remote documents', () => {
  beforeEach(sharedDb);

  it('writes through the merge without outbox entries and recomputes the derived indexes', async () => {
    const report = await applyRemote(db, [remote('records', contact('rec_r', { fc_firstName: 'Rita', fc_emails: ['Rita@Remote.io'] }), at(10))], quiet);
    expect(report).toMatchObject({ applied: 1, skipped: [] });
    const rec = (await db.records.get('rec_r')) as CrmRecord;
    expect(rec.title).toBe('Rita');
    expect(rec.domains).toEqual(['remote.io']);
    expect(await db.outbox.count()).toBe(0);
    // Applying the same document again changes nothing.
    expect((await applyRemote(db, [remote('records', contact('rec_r', { fc_firstName: 'Rita', fc_emails: ['Rita@Remote.io'] }), at(10))], quiet)).unchanged).toBe(1);
  });

  it('an older remote edit never overwrites a newer local one, and a newer one does', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Local' });
    const stale = await applyRemote(db, [remote('records', contact(rec.id, { fc_firstName: 'Stale' }), at(1))], quiet);
    expect(stale.applied + stale.unchanged).toBe(1);
    expect((await db.records.get(rec.id))!.values.fc_firstName).toBe('Local');
    await applyRemote(db, [remote('records', contact(rec.id, { fc_firstName: 'Newer' }), at(FAR))], quiet);
    expect((await db.records.get(rec.id))!.values.fc_firstName).toBe('Newer');
  });

  it('skips a malformed document with its reason while the rest of the batch applies', async () => {
    const log: string[] = [];
    const report = await applyRemote(
      db,
      [
        remote('records', contact('rec_bad', { fc_firstName: 42 }), at(5)),
        { table: 'records', id: 'rec_junk', state: { units: { x: 1 }, clocks: { x: 'yesterday' } } },
        remote('threadLinks', { id: 't::r', threadId: 't', recordId: 'r', createdAt: 1, updatedAt: 1, sneaky: true }, at(5)),
        remote('records', contact('rec_ok', { fc_firstName: 'Fine' }), at(5)),
      ],
      (l) => log.push(l),
    );
    expect(report.applied).toBe(1);
    expect(report.skipped.map((s) => s.id)).toEqual(['rec_bad', 'rec_junk', 't::r']);
    expect(report.skipped[0]!.reason).toMatch(/First name/);
    expect(report.skipped[1]!.reason).toMatch(/clock stamp/);
    expect(report.skipped[2]!.reason).toMatch(/"sneaky" is not part of the model/);
    expect(log).toHaveLength(3);
    expect(await db.records.get('rec_bad')).toBeUndefined();
    expect(await db.records.get('rec_ok')).toBeDefined();
  });

  it('parks a record whose field has not arrived yet and applies it when the field does', async () => {
    const field = { id: 'fc_shoe', folderId: contacts, key: 'shoe', label: 'Shoe size', type: 'number', mandatory: false, hidden: false, order: 99, settings: {}, createdAt: 1, updatedAt: 1 };
    const first = await applyRemote(db, [remote('records', contact('rec_s', { fc_firstName: 'Sam', fc_shoe: 44 }), at(5))], quiet);
    expect(first.parked[0]!.reason).toMatch(/"fc_shoe" is not a field of Contacts/);
    expect(await db.records.get('rec_s')).toBeUndefined();
    const second = await applyRemote(db, [remote('fields', field, at(6))], quiet);
    expect(second.applied).toBe(2);
    expect((await db.records.get('rec_s'))!.values.fc_shoe).toBe(44);
    expect(await db.parked.count()).toBe(0);
  });

  it('a remote tombstone deletes the local document and keeps no values', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Gone' });
    const born = (await db.clocks.get(clockKey('records', rec.id)))!.born!;
    await applyRemote(db, [{ table: 'records', id: rec.id, state: { units: {}, clocks: {}, born, deleted: at(FAR) } }], quiet);
    expect(await db.records.get(rec.id)).toBeUndefined();
    expect((await db.clocks.get(clockKey('records', rec.id)))!.fields).toEqual({});
  });

  it('moves the local clock past the stamps it receives, so the next local edit wins', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'A' });
    const ahead = at(Date.now() + 60_000);
    await applyRemote(db, [remote('records', contact(rec.id, { fc_firstName: 'B' }), ahead)], quiet);
    await updateRecord(db, rec.id, { fc_firstName: 'C' });
    const row = (await db.clocks.get(clockKey('records', rec.id)))!;
    expect(compareHlc(row.fields['values.fc_firstName']!, ahead)).toBeGreaterThan(0);
  });
});
