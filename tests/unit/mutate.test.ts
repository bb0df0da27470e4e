import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mutate } from '../../storage/write/mutate';
import { createRecord, deleteRecord, updateRecord, writeValidatedRecordsIn } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { newId } from '../../storage/model/ids';
import { RecordValidationError } from '../../storage/model/recordSchema';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

async function snapshot() {
  return { records: await db.records.toArray(), outbox: await db.outbox.toArray(), activities: await db.activities.toArray() };
}

describe('the single write path', () => {
  beforeEach(resetDb);

  it('a new workspace holds the preset folders, fields, pipeline and views', async () => {
    expect((await db.folders.toArray()).map((f) => f.name).sort()).toEqual(['Companies', 'Contacts', 'Deals', 'Products']);
    expect(await db.fields.where('folderId').equals(deals).count()).toBeGreaterThan(10);
    const pipeline = await db.pipelines.get(DEFAULT_PIPELINE_ID);
    expect(pipeline?.stages.map((s) => s.name)).toEqual(['New', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(await db.views.count()).toBeGreaterThan(0);
  });

  it('writes a record and its outbox entry together', async () => {
    await shareWorkspace(db);
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['Ana@Example.COM '] });
    expect(rec.emails).toEqual(['ana@example.com']);
    expect(rec.domains).toEqual(['example.com']);
    expect(rec.title).toBe('Ana');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'records', docId: rec.id, op: 'put' });
    expect(outbox[0]!.changed.sort()).toEqual(['fc_emails', 'fc_firstName']);
  });

  it('a failure after the record write leaves neither the record nor the outbox entry', async () => {
    await shareWorkspace(db);
    const before = await snapshot();
    await expect(
      mutate(db, async (w) => {
        await w.put('records', { id: 'rec_x', folderId: contacts, values: {}, title: '', emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 1, updatedAt: 1 }, []);
        throw new Error('crash between the two writes');
      }),
    ).rejects.toThrow('crash between the two writes');
    expect(await snapshot()).toEqual(before);
  });

  it('a failing outbox append rolls back the record write', async () => {
    await shareWorkspace(db);
    const before = await snapshot();
    // Records are queued through bulkAdd (storage/write/records.ts saves them with putMany).
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(createRecord(db, contacts, { fc_firstName: 'Bea' })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a wrong-typed value', { fc_firstName: 'Ana', fc_birthday: 12 }, /Birthday/],
    ['an unknown field', { fc_firstName: 'Ana', fc_shoeSize: '42' }, /"fc_shoeSize" is not a field of Contacts/],
    ['an oversize string', { fc_firstName: 'A'.repeat(1_001) }, /First name is longer than 1,000 characters/],
    ['a missing mandatory field', { fc_lastName: 'Solo' }, /First name is required/],
    ['an invalid email', { fc_firstName: 'Ana', fc_emails: ['not-an-email'] }, /Emails/],
    ['a computed field', { fc_firstName: 'Ana', fc_createdAt: 5 }, /Created at is computed/],
  ])('rejects %s with a specific error and changes nothing', async (_what, values, message) => {
    await createRecord(db, contacts, { fc_firstName: 'Existing' });
    const before = await snapshot();
    const error = await createRecord(db, contacts, values).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('an update is validated as a whole record and records only what changed', async () => {
    await shareWorkspace(db);
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Pérez' });
    await expect(updateRecord(db, rec.id, { fc_firstName: '' })).rejects.toThrow('First name is required');
    const updated = await updateRecord(db, rec.id, { fc_lastName: 'Pérez López', fc_firstName: 'Ana' });
    expect(updated.title).toBe('Ana Pérez López');
    const last = (await db.outbox.toArray()).at(-1);
    expect(last?.changed).toEqual(['fc_lastName']);
  });

  it('a stage change anywhere leaves a history entry', async () => {
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' } });
    const changes = await db.activities.where('recordIds').equals(deal.id).toArray();
    expect(changes.map((a) => (a.kind === 'stageChange' ? a.to.stageId : a.kind)).sort()).toEqual(['new', 'proposal']);
  });

  it('deleting a record removes links pointing at it and history it alone owned', async () => {
    await shareWorkspace(db);
    const company = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'https://www.acme.io/about' });
    expect(company.domains).toEqual(['acme.io']);
    const person = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_company: [company.id] });
    expect(person.linkedIds).toEqual([company.id]);
    await deleteRecord(db, company.id);
    const after = await db.records.get(person.id);
    expect(after?.values.fc_company).toBeUndefined();
    expect(after?.linkedIds).toEqual([]);
    expect(await db.records.get(company.id)).toBeUndefined();
    const ops = (await db.outbox.toArray()).map((e) => `${e.op}:${e.docId}`);
    expect(ops).toContain(`delete:${company.id}`);
  });

  it('auto-numbers are assigned in order and cannot be set or changed', async () => {
    const now = Date.now();
    await db.fields.add({ id: 'fc_no', folderId: contacts, key: 'no', label: 'No.', type: 'autoNumber', mandatory: false, hidden: false, order: 99, settings: {}, createdAt: now, updatedAt: now });
    const a = await createRecord(db, contacts, { fc_firstName: 'A' });
    const b = await createRecord(db, contacts, { fc_firstName: 'B' });
    expect([a.values.fc_no, b.values.fc_no]).toEqual([1, 2]);
    await expect(createRecord(db, contacts, { fc_firstName: 'C', fc_no: 7 })).rejects.toThrow('No. is numbered automatically');
    await expect(updateRecord(db, a.id, { fc_no: 2 })).rejects.toThrow('cannot be changed');
  });
});

describe('the local workspace (no shared workspace joined)', () => {
  beforeEach(resetDb);

  it('10,000 record edits leave no outbox entry and no clock row', async () => {
    const schema = await loadFolderSchema(db, contacts);
    const ids = Array.from({ length: 1_000 }, () => newId('rec'));
    // 1,000 created in bulk as a CSV import writes them, then 9 rounds of edits to all of them.
    for (let start = 0; start < ids.length; start += 250) {
      await mutate(db, (w) =>
        writeValidatedRecordsIn(w, schema, ids.slice(start, start + 250).map((id, i) => ({ id, before: undefined, values: { fc_firstName: `P${start + i}` }, changed: ['fc_firstName'], fresh: true }))),
      );
    }
    for (let round = 1; round <= 9; round++) {
      await mutate(db, async (w) => {
        const stored = await w.db.records.bulkGet(ids);
        const writes = stored.map((before) => ({ id: before!.id, before, values: { ...before!.values, fc_lastName: `Round ${round}` }, changed: ['fc_lastName'] }));
        await writeValidatedRecordsIn(w, schema, writes);
      });
    }
    // Mixed with the one-record paths: edits, a deal through its stages (history entries), a delete.
    for (const id of ids.slice(0, 5)) await updateRecord(db, id, { fc_campaign: 'spring' });
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [ids[0]!] });
    await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    await deleteRecord(db, ids[1]!);

    expect(await db.records.count()).toBe(1_000);
    expect((await db.records.get(ids[999]!))!.values).toEqual({ fc_firstName: 'P999', fc_lastName: 'Round 9' });
    expect((await db.records.get(ids[0]!))!.title).toBe('P0 Round 9');
    expect(await db.activities.where('recordIds').equals(deal.id).count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.clocks.count()).toBe(0);
    // The same path in a shared workspace does queue and stamp: the zeros above are not vacuous.
    await shareWorkspace(db);
    await updateRecord(db, ids[2]!, { fc_campaign: 'shared now' });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.clocks.count()).toBe(1);
  }, 30_000);
});
