import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, linkThread, logEmail, type EmailToLog } from '../../storage/activities/activities';
import { fieldValue } from '../../storage/fields/computed';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { findCompanyForEmail, findRecordsByDomains, findRecordsByEmails, listRecords, threadLinksFor, timeline } from '../../storage/queries/queries';
import { db, resetDb } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

const email = (over: Partial<EmailToLog> = {}): EmailToLog => ({
  threadId: 't1',
  messageId: 'm1',
  direction: 'received',
  from: { name: 'Ana', email: 'ana@acme.io' },
  to: [{ name: 'Me', email: 'me@team.com' }],
  cc: [],
  subject: 'Pricing',
  snippet: 'Can you send the quote?',
  date: 1_700_000_000_000,
  ...over,
});

describe('lookups and history', () => {
  beforeEach(resetDb);

  it('finds records by any of their emails, normalised, through the index', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.io', 'Ana.Work@Acme.IO'] });
    await createRecord(db, contacts, { fc_firstName: 'Bo', fc_emails: ['bo@other.org'] });
    expect((await findRecordsByEmails(db, [' ANA.WORK@acme.io'])).map((r) => r.id)).toEqual([ana.id]);
    expect((await findRecordsByEmails(db, ['ana@acme.io', 'ana.work@acme.io'])).map((r) => r.id)).toEqual([ana.id]);
    expect(await findRecordsByEmails(db, ['nobody@acme.io'])).toEqual([]);
    expect(await findRecordsByEmails(db, [])).toEqual([]);
  });

  it('finds contacts and companies by domain', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.io' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.io'] });
    expect((await findRecordsByDomains(db, ['ACME.io'])).map((r) => r.id).sort()).toEqual([acme.id, ana.id].sort());
    expect((await findCompanyForEmail(db, 'someone@acme.io', companies))?.id).toBe(acme.id);
    expect(await findCompanyForEmail(db, 'someone@gmail.com', companies)).toBeUndefined();
  });

  it('logging the same email twice keeps one entry and only adds new records', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.io'] });
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    expect((await logEmail(db, email(), [ana.id])).created).toBe(true);
    expect((await logEmail(db, email(), [ana.id])).created).toBe(false);
    await logEmail(db, email(), [deal.id]);
    const logged = await db.activities.where('messageId').equals('m1').toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.recordIds.sort()).toEqual([ana.id, deal.id].sort());
    const stats = (await db.records.get(ana.id))!.stats;
    expect(stats).toMatchObject({ lastEmailReceivedAt: 1_700_000_000_000, emailThreadIds: ['t1'] });
  });

  it('statistic and formula fields are computed from the record', async () => {
    const deal = await createRecord(db, deals, {
      fd_name: 'Big',
      fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' },
      fd_amount: { amount: 10_000, currency: 'EUR' },
      fd_probability: 25,
    });
    const fields = await db.fields.where('folderId').equals(deals).toArray();
    const weighted = fields.find((f) => f.key === 'weightedAmount')!;
    expect(fieldValue(deal, weighted, fields)).toBe(2_500);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    await logEmail(db, email({ threadId: 't2', messageId: 'm2' }), [ana.id]);
    await logEmail(db, email({ threadId: 't3', messageId: 'm3', date: 1_700_000_100_000 }), [ana.id]);
    const contactFields = await db.fields.where('folderId').equals(contacts).toArray();
    const threads = contactFields.find((f) => f.key === 'emailThreadCount')!;
    expect(fieldValue((await db.records.get(ana.id))!, threads, contactFields)).toBe(2);
  });

  it('the timeline merges several records newest first, without duplicates, paged', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    await logEmail(db, email({ date: 1_000 }), [ana.id, acme.id]);
    const note = await addNote(db, [acme.id], 'Met at the fair');
    const page1 = await timeline(db, [ana.id, acme.id], { limit: 1 });
    expect(page1.map((a) => a.id)).toEqual([note.id]);
    const page2 = await timeline(db, [ana.id, acme.id], { limit: 10, before: page1[0]!.at });
    expect(page2.map((a) => a.kind)).toEqual(['email']);
  });

  it('thread links are idempotent and refuse unknown records', async () => {
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    await linkThread(db, 't1', deal.id);
    await linkThread(db, 't1', deal.id);
    expect(await threadLinksFor(db, 't1')).toHaveLength(1);
    await expect(linkThread(db, 't1', 'rec_missing')).rejects.toThrow('does not exist');
  });

  it('lists a folder newest first, paged', async () => {
    for (const name of ['A', 'B', 'C']) await createRecord(db, contacts, { fc_firstName: name });
    const page = await listRecords(db, contacts, { limit: 2 });
    expect(page.map((r) => r.title)).toEqual(['C', 'B']);
  });
});
