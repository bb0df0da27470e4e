import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, addTask, linkThread, logEmail } from '../../storage/activities/activities';
import { COMBINE, defaultChoices, findDuplicates, mergeRecords } from '../../storage/duplicates/duplicates';
import { RecordValidationError } from '../../storage/model/recordSchema';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { timeline } from '../../storage/queries/queries';
import { createRecord } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

async function everything() {
  return {
    records: (await db.records.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    activities: (await db.activities.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    threadLinks: (await db.threadLinks.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    outbox: await db.outbox.count(),
  };
}

const email = (messageId: string, threadId: string, at: number) => ({
  threadId,
  messageId,
  direction: 'received' as const,
  from: { name: 'Ana', email: 'ana@acme.es' },
  to: [],
  cc: [],
  subject: 'Hello',
  snippet: 'Hi',
  date: at,
});

describe('finding duplicates', { timeout: 30_000 }, () => {
  beforeEach(resetDb);

  it('groups records sharing an email, a normalised phone, or name + company', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const a = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    const b = await createRecord(db, contacts, { fc_firstName: 'Anita', fc_emails: ['ANA@acme.es '] });
    const c = await createRecord(db, contacts, { fc_firstName: 'Carlos', fc_phones: ['+34 600 111 222'] });
    const d = await createRecord(db, contacts, { fc_firstName: 'Charly', fc_phones: ['+34-600-111-222'] });
    const e = await createRecord(db, contacts, { fc_firstName: 'Lucía', fc_lastName: 'García', fc_company: [acme.id] });
    const f = await createRecord(db, contacts, { fc_firstName: 'lucia', fc_lastName: ' GARCIA', fc_company: [acme.id] });
    // Same name without a shared company, or a too-short phone, is not enough.
    await createRecord(db, contacts, { fc_firstName: 'Lucía', fc_lastName: 'García' });
    await createRecord(db, contacts, { fc_firstName: 'Emergency', fc_phones: ['112'] });
    await createRecord(db, contacts, { fc_firstName: 'Other', fc_phones: ['112'] });

    const groups = await findDuplicates(db, contacts);
    expect(groups.map((g) => g.recordIds)).toEqual([[a.id, b.id], [c.id, d.id], [e.id, f.id]]);
    expect(groups.map((g) => g.reasons.map((r) => r.kind))).toEqual([['email'], ['phone'], ['name']]);
    expect(groups[0]!.reasons[0]!.label).toBe('ana@acme.es');
  });

  it('joins chains (A and B share an email, B and C a phone) into one group; a company name alone matches', async () => {
    const a = await createRecord(db, contacts, { fc_firstName: 'A', fc_emails: ['x@acme.es'] });
    const b = await createRecord(db, contacts, { fc_firstName: 'B', fc_emails: ['x@acme.es'], fc_phones: ['600 111 222'] });
    const c = await createRecord(db, contacts, { fc_firstName: 'C', fc_phones: ['600111222'] });
    expect((await findDuplicates(db, contacts)).map((g) => g.recordIds)).toEqual([[a.id, b.id, c.id]]);
    const x = await createRecord(db, companies, { fo_name: 'Acme Ibérica' });
    const y = await createRecord(db, companies, { fo_name: 'ACME IBERICA' });
    expect((await findDuplicates(db, companies)).map((g) => g.recordIds)).toEqual([[x.id, y.id]]);
  });
});

describe('merging duplicates', { timeout: 30_000 }, () => {
  beforeEach(resetDb);

  async function pair() {
    const survivor = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Pérez', fc_emails: ['ana@acme.es'], fc_phones: ['+34 600 111 222'] });
    const loser = await createRecord(db, contacts, { fc_firstName: 'Ana María', fc_emails: ['ana.perez@gmail.com'], fc_position: 'CTO' });
    const deal = await createRecord(db, deals, { fd_name: 'Renewal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [loser.id] });
    const both = await createRecord(db, deals, { fd_name: 'Upsell', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [survivor.id, loser.id] });
    await addNote(db, [loser.id], 'Met at the fair');
    await addTask(db, [loser.id], 'Send the quote', Date.now() + 86_400_000);
    await logEmail(db, email('m1', 't1', 1_000), [survivor.id]);
    await logEmail(db, email('m2', 't2', 2_000), [loser.id]);
    await logEmail(db, email('m3', 't3', 3_000), [survivor.id, loser.id]);
    await linkThread(db, 't2', loser.id);
    await linkThread(db, 't3', loser.id);
    await linkThread(db, 't3', survivor.id);
    return { survivor, loser, deal, both };
  }

  it('keeps the chosen values, moves links, history and thread links to the survivor, and deletes the other', async () => {
    const { survivor, loser, deal, both } = await pair();
    const historyBefore = (await timeline(db, [survivor.id, loser.id], { limit: 100 })).map((a) => a.id).sort();

    const merged = await mergeRecords(db, { survivorId: survivor.id, loserIds: [loser.id], choices: { fc_firstName: survivor.id, fc_emails: COMBINE, fc_position: loser.id } });

    expect(merged.values).toMatchObject({ fc_firstName: 'Ana', fc_lastName: 'Pérez', fc_position: 'CTO', fc_emails: ['ana@acme.es', 'ana.perez@gmail.com'] });
    expect(merged.emails).toEqual(['ana@acme.es', 'ana.perez@gmail.com']);
    expect(await db.records.get(loser.id)).toBeUndefined();
    // Links from other records now point at the survivor, once.
    expect((await db.records.get(deal.id))!.values.fd_mainContact).toEqual([survivor.id]);
    expect((await db.records.get(both.id))!.values.fd_mainContact).toEqual([survivor.id]);
    expect(await db.records.where('linkedIds').equals(loser.id).count()).toBe(0);
    // The combined history: every activity of either record, now the survivor's.
    expect((await timeline(db, [survivor.id], { limit: 100 })).map((a) => a.id).sort()).toEqual(historyBefore);
    expect(await db.activities.where('recordIds').equals(loser.id).count()).toBe(0);
    expect((await db.activities.get('email_m3'))!.recordIds).toEqual([survivor.id]);
    expect((await db.threadLinks.where('recordId').equals(survivor.id).toArray()).map((l) => l.threadId).sort()).toEqual(['t2', 't3']);
    expect(await db.threadLinks.where('recordId').equals(loser.id).count()).toBe(0);
    expect(merged.stats.emailThreadIds?.sort()).toEqual(['t1', 't2', 't3']);
    expect(merged.stats.lastEmailReceivedAt).toBe(3_000);
  });

  it('is one transaction: a failure part-way leaves every record, activity and link as it was', async () => {
    await shareWorkspace();
    const { survivor, loser } = await pair();
    const before = await everything();
    // The write path fails when the merge reaches the thread links, after links and history moved.
    const realAdd = db.outbox.add.bind(db.outbox);
    const spy = vi.spyOn(db.outbox, 'add').mockImplementation((entry) =>
      (entry.table === 'threadLinks' && entry.op === 'delete' ? Promise.reject(new Error('crash')) : realAdd(entry)) as never,
    );
    await expect(mergeRecords(db, { survivorId: survivor.id, loserIds: [loser.id], choices: {} })).rejects.toThrow('crash');
    spy.mockRestore();
    expect(await everything()).toEqual(before);
  });

  it('refuses a choice that breaks the folder’s rules, naming the field, and changes nothing', async () => {
    const many = (who: string) => Array.from({ length: 30 }, (_, i) => `${who}${i}@acme.es`);
    const a = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: many('a') });
    const b = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: many('b') });
    const before = await everything();
    const error = await mergeRecords(db, { survivorId: a.id, loserIds: [b.id], choices: { fc_emails: COMBINE } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as Error).message).toMatch(/Emails holds more than 50 items/);
    expect(await everything()).toEqual(before);
  });

  it('a stage taken from the other deal leaves a stage-change entry in the history', async () => {
    const a = await createRecord(db, deals, { fd_name: 'A', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    const b = await createRecord(db, deals, { fd_name: 'A', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    await mergeRecords(db, { survivorId: a.id, loserIds: [b.id], choices: { fd_stage: b.id } });
    const stages = (await timeline(db, [a.id], { limit: 10 })).filter((x) => x.kind === 'stageChange');
    expect(stages.map((s) => (s.kind === 'stageChange' ? s.to.stageId : ''))).toContain('won');
    expect(stages.some((s) => s.kind === 'stageChange' && s.from?.stageId === 'new' && s.to.stageId === 'won')).toBe(true);
  });

  it('proposes the survivor’s values, the other’s where the survivor has none, and combines lists', async () => {
    const { survivor, loser } = await pair();
    const schema = await loadFolderSchema(db, contacts);
    expect(defaultChoices(schema, [survivor, loser])).toEqual({
      fc_firstName: survivor.id,
      fc_lastName: survivor.id,
      fc_emails: COMBINE,
      fc_phones: survivor.id,
      fc_position: loser.id,
    });
  });

  it('refuses records of different folders', async () => {
    const a = await createRecord(db, contacts, { fc_firstName: 'A' });
    const b = await createRecord(db, companies, { fo_name: 'B' });
    await expect(mergeRecords(db, { survivorId: a.id, loserIds: [b.id], choices: {} })).rejects.toThrow(/same folder/);
  });
});
