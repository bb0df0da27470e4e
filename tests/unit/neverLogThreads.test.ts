import { beforeEach, describe, expect, it } from 'vitest';
import type { ThreadContext } from '../../messaging/threadContext';
import { logEmail } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import type { ActivityOf } from '../../storage/model/entities';
import { loadPrivacyRules } from '../../storage/privacy/privacy';
import { setSetting } from '../../storage/settings/settings';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { handleSentEmail } from '../../storage/threads/sentEmails';
import { emailFromMessage, linkThreadPrivately, logThread } from '../../storage/threads/threads';
import { createRecord } from '../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../support/db';

const me = { name: 'Alex Seller', email: 'alex@team.io' };
const ana = { name: 'Ana Ruiz', email: 'ana@acme.es' };
const lawyer = { name: 'Laura Abogada', email: 'laura@bufete.es' };

const context: ThreadContext = {
  threadId: 'th1',
  subject: 'Contract',
  userEmails: [me.email],
  messages: [
    { messageId: 'm-ana', from: ana, to: [me], cc: [lawyer], date: 1_000, snippet: 'Copying Laura (laura@bufete.es) on the draft' },
    { messageId: 'm-lawyer', from: me, to: [lawyer], cc: [], date: 2_000, snippet: 'Laura, can you check clause 4?' },
  ],
};

/** Everything stored or queued to sync, as text: nothing of the never-log person may appear in it. */
async function everything(): Promise<string> {
  const [activities, outbox] = await Promise.all([db.activities.toArray(), db.outbox.toArray()]);
  return JSON.stringify({ activities, outbox });
}

async function seed() {
  await shareWorkspace();
  const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: [ana.email] });
  const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Contract', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' } });
  return { contact, deal };
}

const email = (id: string) => db.activities.get(`email_${id}`) as Promise<ActivityOf<'email'> | undefined>;

describe('never-log people on threads linked to deals', () => {
  beforeEach(resetDb);

  it('logging a linked thread keeps no message only between the rep and them, and takes them off the others', async () => {
    const { contact, deal } = await seed();
    await setSetting(db, 'neverLog', ['bufete.es']);
    await linkThreadPrivately(db, context.threadId, deal.id);

    expect(await logThread(db, context, await loadPrivacyRules(db, context.userEmails))).toEqual({ logged: 1, created: 1 });
    expect(await email('m-lawyer')).toBeUndefined();
    const kept = await email('m-ana');
    expect(kept?.recordIds.sort()).toEqual([contact.id, deal.id].sort());
    expect(kept).toMatchObject({ from: ana, to: [me], cc: [], snippet: 'Copying … (…) on the draft' });
    expect(await everything()).not.toMatch(/bufete|Laura|Abogada/);
  });

  it('sent-mail auto-logging on a linked thread keeps nothing of a message to them alone, and takes them off a copied one', async () => {
    const { deal } = await seed();
    await setSetting(db, 'neverLog', [lawyer.email]);
    await linkThreadPrivately(db, 'th9', deal.id);
    const sent = { threadId: 'th9', messageId: 'm9', from: me, to: [lawyer], cc: [], subject: 'For Laura Abogada', snippet: 'Clause 4', date: 5_000 };

    expect(await handleSentEmail(db, sent, 'auto')).toEqual({ logged: false, recordCount: 0 });
    expect(await email('m9')).toBeUndefined();

    expect((await handleSentEmail(db, { ...sent, messageId: 'm10', to: [ana], cc: [lawyer] }, 'auto')).logged).toBe(true);
    expect(await email('m10')).toMatchObject({ to: [ana], cc: [], subject: 'For …' });
    expect(await everything()).not.toMatch(/bufete|Laura|Abogada/);
  });

  it('linking a thread to a deal takes them out of what the thread already held, and the removal syncs', async () => {
    const { contact } = await seed();
    // Logged while the lawyer was still a contact and not yet on the never-log list.
    const lawyerContact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Laura', fc_emails: [lawyer.email] });
    for (const message of context.messages) await logEmail(db, emailFromMessage(context, message), [contact.id, lawyerContact.id]);
    await setSetting(db, 'neverLog', [lawyer.email]);

    const deal = await createDealForThread(db, { threadId: context.threadId, name: 'Contract', contactIds: [contact.id], companyIds: [] });
    expect(await email('m-lawyer')).toBeUndefined();
    expect((await email('m-ana'))?.cc).toEqual([]);
    expect((await email('m-ana'))?.recordIds).toContain(deal.id);
    const queued = (await db.outbox.toArray()).filter((o) => o.table === 'activities');
    expect(queued).toEqual(expect.arrayContaining([expect.objectContaining({ docId: 'email_m-lawyer', op: 'delete' }), expect.objectContaining({ docId: 'email_m-ana', op: 'put' })]));
    const activities = JSON.stringify(await db.activities.toArray());
    expect(activities).not.toMatch(/bufete|Laura/);
  });

  it('the sidebar’s link button does the same', async () => {
    const { contact, deal } = await seed();
    for (const message of context.messages) await logEmail(db, emailFromMessage(context, message), [contact.id]);
    await setSetting(db, 'neverLog', ['bufete.es']);
    await linkThreadPrivately(db, context.threadId, deal.id);
    expect(await email('m-lawyer')).toBeUndefined();
    expect(JSON.stringify(await db.activities.toArray())).not.toMatch(/bufete|Laura/);
  });
});
