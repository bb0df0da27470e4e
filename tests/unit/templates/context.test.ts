import { beforeEach, describe, expect, it, vi } from 'vitest';
import { linkThread } from '../../../storage/activities/activities';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { addLine } from '../../../storage/lines/write';
import { mergeContext } from '../../../storage/templates/context';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const me = { name: 'Rep', email: 'rep@team.com' };

describe('mergeContext', () => {
  beforeEach(resetDb);

  async function seed() {
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.com' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'García', fc_emails: ['Ana@Acme.com'], fc_company: [acme.id] });
    const older = await createRecord(db, deals, { fd_name: 'Older deal', fd_stage: stage('new'), fd_mainContact: [ana.id] });
    const open = await createRecord(db, deals, { fd_name: 'Open deal', fd_stage: stage('proposal'), fd_mainContact: [ana.id], fd_amount: { amount: 5000, currency: 'EUR' }, fd_expectedClose: '2027-03-05' });
    const won = await createRecord(db, deals, { fd_name: 'Won deal', fd_stage: stage('won'), fd_mainContact: [ana.id] });
    return { acme, ana, older, open, won };
  }

  it('fills the first recipient who is a contact, their company, and their most recently updated open deal', async () => {
    const { won } = await seed();
    // The won deal is the newest change, yet closed deals are not "the deal" of a new email.
    await updateRecord(db, won.id, { fd_name: 'Won deal!' });
    const ctx = await mergeContext(db, { recipients: ['nobody@else.com', ' ANA@acme.com '], me });
    expect(ctx).toEqual({
      me,
      contact: { firstName: 'Ana', lastName: 'García', email: 'ana@acme.com' },
      company: { name: 'Acme', domain: 'acme.com' },
      deal: { name: 'Open deal', amount: 5000, currency: 'EUR', stage: 'Proposal', expectedClose: Date.UTC(2027, 2, 5) },
    });
  });

  it('a deal linked to the thread wins over the contact’s own deals', async () => {
    const { older } = await seed();
    await linkThread(db, 'thread-1', older.id);
    const ctx = await mergeContext(db, { recipients: ['ana@acme.com'], threadId: 'thread-1', me });
    expect(ctx.deal).toMatchObject({ name: 'Older deal', stage: 'New' });
  });

  it('a contact without a company leaves the company missing; an unknown recipient leaves the contact missing', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Solo', fc_emails: ['solo@x.com'] });
    const solo = await mergeContext(db, { recipients: ['solo@x.com'], me: {} });
    expect(solo.contact).toEqual({ firstName: 'Solo', email: 'solo@x.com' });
    expect(solo.company).toBeUndefined();
    expect(solo.deal).toBeUndefined();
    expect(await mergeContext(db, { recipients: ['stranger@nowhere.com'], me: {} })).toEqual({ me: {} });
    expect(await mergeContext(db, { recipients: [], me: {} })).toEqual({ me: {} });
  });

  it('carries the deal’s lines in display order, for {{deal.lines}}', async () => {
    const { open } = await seed();
    await addLine(db, open.id, { name: 'Widget', quantity: 2, unitPrice: { amount: 1000, currency: 'EUR' } });
    await addLine(db, open.id, { name: 'Set-up', quantity: 1, unitPrice: { amount: 500, currency: 'EUR' }, taxRate: 21 });
    const ctx = await mergeContext(db, { recipients: ['ana@acme.com'], me });
    expect(ctx.deal?.lines?.map((l) => [l.name, l.quantity, l.unitPrice.amount, l.taxRate])).toEqual([
      ['Widget', 2, 1000, undefined],
      ['Set-up', 1, 500, 21],
    ]);
    // The amount is the lines' sum, kept by the write path.
    expect(ctx.deal?.amount).toBe(2500);
  });

  it('reads records only through indexes and keys, never a whole table', async () => {
    const { older } = await seed();
    await linkThread(db, 'thread-1', older.id);
    const scans = [vi.spyOn(db.records, 'toCollection'), vi.spyOn(db.records, 'filter'), vi.spyOn(db.records, 'orderBy'), vi.spyOn(db.records, 'toArray'), vi.spyOn(db.threadLinks, 'toArray')];
    try {
      await mergeContext(db, { recipients: ['ana@acme.com'], threadId: 'thread-1', me });
      await mergeContext(db, { recipients: ['ana@acme.com'], me });
      for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    } finally {
      for (const scan of scans) scan.mockRestore();
    }
  });
});
