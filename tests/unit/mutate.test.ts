import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db/db';
import { mutate } from '../../storage/write/mutate';
import { createRecord, deleteRecord, updateRecord } from '../../storage/write/records';
import { RecordValidationError } from '../../storage/model/recordSchema';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { resetDb } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

async function snapshot() {
  return { records: await db.records.toArray(), outbox: await db.outbox.toArray(), activities: await db.activities.toArray() };
}

describe('the single write path', () => {
  beforeEach(resetDb);

  it('a new workspace holds the preset folders, fields, pipeline and views', async () => {
    expect((await db.folders.toArray()).map((f) => f.name).sort()).toEqual(['Companies', 'Contacts', 'Deals']);
    expect(await db.fields.where('folderId').equals(deals).count()).toBeGreaterThan(10);
    const pipeline = await db.pipelines.get(DEFAULT_PIPELINE_ID);
    expect(pipeline?.stages.map((s) => s.name)).toEqual(['New', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(await db.views.count()).toBeGreaterThan(0);
  });

  it('writes a record and its outbox entry together', async () => {
    const rec = await createRecord(contacts, { fc_firstName: 'Ana', fc_emails: ['Ana@Example.COM '] });
    expect(rec.emails).toEqual(['ana@example.com']);
    expect(rec.domains).toEqual(['example.com']);
    expect(rec.title).toBe('Ana');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'records', docId: rec.id, op: 'put' });
    expect(outbox[0]!.changed.sort()).toEqual(['fc_emails', 'fc_firstName']);
  });

  it('a failure after the record write leaves neither the record nor the outbox entry', async () => {
    const before = await snapshot();
    await expect(
      mutate(async (w) => {
        await w.put('records', { id: 'rec_x', folderId: contacts, values: {}, title: '', emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 1, updatedAt: 1 }, []);
        throw new Error('crash between the two writes');
      }),
    ).rejects.toThrow('crash between the two writes');
    expect(await snapshot()).toEqual(before);
  });

  it('a failing outbox append rolls back the record write', async () => {
    const before = await snapshot();
    const spy = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(createRecord(contacts, { fc_firstName: 'Bea' })).rejects.toThrow('disk full');
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
    await createRecord(contacts, { fc_firstName: 'Existing' });
    const before = await snapshot();
    const error = await createRecord(contacts, values).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('an update is validated as a whole record and records only what changed', async () => {
    const rec = await createRecord(contacts, { fc_firstName: 'Ana', fc_lastName: 'Pérez' });
    await expect(updateRecord(rec.id, { fc_firstName: '' })).rejects.toThrow('First name is required');
    const updated = await updateRecord(rec.id, { fc_lastName: 'Pérez López', fc_firstName: 'Ana' });
    expect(updated.title).toBe('Ana Pérez López');
    const last = (await db.outbox.toArray()).at(-1);
    expect(last?.changed).toEqual(['fc_lastName']);
  });

  it('a stage change anywhere leaves a history entry', async () => {
    const deal = await createRecord(deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    await updateRecord(deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' } });
    const changes = await db.activities.where('recordIds').equals(deal.id).toArray();
    expect(changes.map((a) => (a.kind === 'stageChange' ? a.to.stageId : a.kind)).sort()).toEqual(['new', 'proposal']);
  });

  it('deleting a record removes links pointing at it and history it alone owned', async () => {
    const company = await createRecord(companies, { fo_name: 'Acme', fo_domain: 'https://www.acme.io/about' });
    expect(company.domains).toEqual(['acme.io']);
    const person = await createRecord(contacts, { fc_firstName: 'Ana', fc_company: [company.id] });
    expect(person.linkedIds).toEqual([company.id]);
    await deleteRecord(company.id);
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
    const a = await createRecord(contacts, { fc_firstName: 'A' });
    const b = await createRecord(contacts, { fc_firstName: 'B' });
    expect([a.values.fc_no, b.values.fc_no]).toEqual([1, 2]);
    await expect(createRecord(contacts, { fc_firstName: 'C', fc_no: 7 })).rejects.toThrow('No. is numbered automatically');
    await expect(updateRecord(a.id, { fc_no: 2 })).rejects.toThrow('cannot be changed');
  });
});
