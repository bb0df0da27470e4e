import { beforeEach, describe, expect, it } from 'vitest';
import type { ThreadContext } from '../../messaging/threadContext';
import { db } from '../support/db';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { isExcluded, isFreeMailDomain, loadPrivacyRules } from '../../storage/privacy/privacy';
import { createRecord } from '../../storage/write/records';
import { handleSentEmail } from '../../storage/threads/sentEmails';
import { setSetting } from '../../storage/settings/settings';
import { linkThread } from '../../storage/activities/activities';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { loadThreadRecords, logThread, loggedMessageIds, threadParticipants } from '../../storage/threads/threads';
import { companyFromEmail, splitName } from '../../components/sidebar/guess';
import { resetDb } from '../support/db';

const me = { name: 'Alex', email: 'alex@team.io' };
const ctx = (over: Partial<ThreadContext> = {}): ThreadContext => ({
  threadId: 'th1',
  subject: 'Quote',
  userEmails: [me.email],
  messages: [
    {
      messageId: 'm1',
      from: { name: 'Ana Ruiz', email: 'Ana@Acme.es' },
      to: [me, { name: 'Colleague', email: 'bea@team.io' }],
      cc: [{ name: 'HR', email: 'hr@acme.es' }, { name: 'Bank', email: 'alerts@bank.com' }],
      date: 1_000,
      snippet: 'hello',
    },
    { messageId: 'm2', from: me, to: [{ name: '', email: 'ana@acme.es' }], cc: [], date: 2_000, snippet: 'reply' },
  ],
  ...over,
});

describe('who is on a thread', () => {
  beforeEach(resetDb);

  it('leaves out the user, the team domain and the never-log list, once per address', async () => {
    await setSetting(db, 'neverLog', ['hr@acme.es', 'bank.com']);
    const rules = await loadPrivacyRules(db, [me.email]);
    expect(threadParticipants(ctx(), rules)).toEqual([{ name: 'Ana Ruiz', email: 'ana@acme.es' }]);
    expect(isExcluded('BEA@team.io', rules)).toBe(true);
  });

  it('does not treat a webmail user’s provider as their team', async () => {
    const rules = await loadPrivacyRules(db, ['alex@gmail.com']);
    expect(isExcluded('friend@gmail.com', rules)).toBe(false);
    expect(isExcluded('alex@gmail.com', rules)).toBe(true);
  });

  it('recognises webmail domains, including country variants', () => {
    for (const d of ['gmail.com', 'outlook.es', 'hotmail.it', 'yahoo.co.uk', 'icloud.com', 'libero.it']) expect(isFreeMailDomain(d)).toBe(true);
    for (const d of ['acme.es', 'gmail-partners.com', 'myoutlook.com']) expect(isFreeMailDomain(d)).toBe(false);
  });

  it('logs every message against the known contacts and the linked deal, idempotently', async () => {
    const rules = await loadPrivacyRules(db, [me.email]);
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    const deal = await createDealForThread(db, { threadId: 'th1', name: 'Quote', contactIds: [ana.id], companyIds: [] });
    expect(await logThread(db, ctx(), rules)).toEqual({ logged: 2, created: 2 });
    expect(await logThread(db, ctx(), rules)).toEqual({ logged: 2, created: 0 });
    const emails = await db.activities.where('threadId').equals('th1').toArray();
    expect(emails).toHaveLength(2);
    expect(emails.every((a) => a.recordIds.includes(ana.id) && a.recordIds.includes(deal.id))).toBe(true);
    expect(emails.find((a) => a.kind === 'email' && a.messageId === 'm2')).toMatchObject({ direction: 'sent' });
    expect(await loggedMessageIds(db, ctx())).toEqual(new Set(['m1', 'm2']));
    const records = await loadThreadRecords(db, ctx(), threadParticipants(ctx(), rules));
    expect(records.linkedDeals.map((d) => d.id)).toEqual([deal.id]);
    expect(records.contactByEmail.get('ana@acme.es')?.id).toBe(ana.id);
  });

  it('logs nothing when nobody on the thread is known', async () => {
    const rules = await loadPrivacyRules(db, [me.email]);
    expect(await logThread(db, ctx(), rules)).toEqual({ logged: 0, created: 0 });
    expect(await db.activities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('sent emails from Gmail compose', () => {
  beforeEach(resetDb);
  const sent = { threadId: 'th9', messageId: 'm9', from: me, to: [{ name: 'Ana', email: 'ana@acme.es' }], cc: [], subject: 'Re: Quote', snippet: 'Here it is', date: 5_000 };

  it('auto-logs only on a linked thread, and offers otherwise', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    expect(await handleSentEmail(db, sent, 'auto')).toEqual({ logged: false, recordCount: 1 });
    expect(await db.activities.count()).toBe(0);
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Quote', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' } });
    await linkThread(db, 'th9', deal.id);
    expect(await handleSentEmail(db, sent, 'auto')).toEqual({ logged: true, recordCount: 2 });
    const logged = await db.activities.get('email_m9');
    expect(logged?.recordIds.sort()).toEqual([ana.id, deal.id].sort());
  });

  it('respects the workspace switch and the never-log list', async () => {
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    await setSetting(db, 'neverLog', ['acme.es']);
    expect(await handleSentEmail(db, sent, 'manual')).toEqual({ logged: false, recordCount: 0 });
    await setSetting(db, 'neverLog', []);
    await setSetting(db, 'autoLogLinkedThreads', false);
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Quote', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' } });
    await linkThread(db, 'th9', deal.id);
    expect((await handleSentEmail(db, sent, 'auto')).logged).toBe(false);
    expect((await handleSentEmail(db, sent, 'manual')).logged).toBe(true);
  });
});

describe('guessing names and companies', () => {
  it.each([
    ['Lucía García', 'x@y.es', { first: 'Lucía', last: 'García' }],
    ['García, Lucía', 'x@y.es', { first: 'Lucía', last: 'García' }],
    ['"Marco Rossi"', 'x@y.it', { first: 'Marco', last: 'Rossi' }],
    ['', 'marco.rossi@gmail.com', { first: 'Marco', last: 'Rossi' }],
    ['ana@acme.es', 'ana@acme.es', { first: 'Ana', last: '' }],
    ['María José de la Fuente', 'x@y.es', { first: 'María', last: 'José de la Fuente' }],
  ])('splits %j', (name, email, expected) => {
    expect(splitName(name, email)).toEqual(expected);
  });

  it('guesses a company from a work address only', () => {
    expect(companyFromEmail('ventas@acme-iberia.es')).toEqual({ name: 'Acme Iberia', domain: 'acme-iberia.es' });
    expect(companyFromEmail('emily@northwind.co.uk')).toEqual({ name: 'Northwind', domain: 'northwind.co.uk' });
    expect(companyFromEmail('marco@gmail.com')).toBeUndefined();
    expect(companyFromEmail('x@hotmail.it')).toBeUndefined();
  });
});
