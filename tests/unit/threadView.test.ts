import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ThreadContext } from '../../messaging/threadContext';
import { addNote, linkThread, logEmail } from '../../storage/activities/activities';
import { db } from '../support/db';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadPrivacyRules } from '../../storage/privacy/privacy';
import type { CrmRecord } from '../../storage/model/entities';
import { recordsWithAnyOf, timeline } from '../../storage/queries/queries';
import { createRecord } from '../../storage/write/records';
import { setSetting } from '../../storage/settings/settings';
import { loadThreadRecords, loggedMessageIds, threadParticipants } from '../../storage/threads/threads';
import { loadThreadView, warmThreadView } from '../../storage/threads/threadView';
import { resetDb } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const me = { name: 'Alex', email: 'alex@team.io' };
const ctx = (): ThreadContext => ({
  threadId: 'th1',
  subject: 'Quote',
  userEmails: [me.email],
  messages: [
    { messageId: 'm1', from: { name: 'Ana', email: 'ANA@acme.es' }, to: [me, { name: 'Bea', email: 'bea@team.io' }], cc: [{ name: 'Carl', email: 'carl@other.org' }, { name: 'Unknown', email: 'who@nowhere.net' }], date: 1_000, snippet: 'hi' },
    { messageId: 'm2', from: me, to: [{ name: '', email: 'ana@acme.es' }], cc: [], date: 2_000, snippet: 'reply' },
  ],
});
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });

/** A workspace around the thread: two known people, a company, a linked deal, other deals, history. */
async function workspace() {
  await setSetting(db, 'teamDomains', ['team.io']);
  const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.es' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'], fc_company: [acme.id] });
  const carl = await createRecord(db, contacts, { fc_firstName: 'Carl', fc_emails: ['carl@other.org'] });
  // A teammate saved as a contact: on the thread, but the team is never shown.
  const bea = await createRecord(db, contacts, { fc_firstName: 'Bea', fc_emails: ['bea@team.io'] });
  const linked = await createRecord(db, deals, { fd_name: 'Linked', fd_stage: stage('new') });
  const other = await createRecord(db, deals, { fd_name: 'Other', fd_stage: stage('new'), fd_company: [acme.id] });
  await linkThread(db, 'th1', linked.id);
  await logEmail(db, { threadId: 'th1', messageId: 'm1', direction: 'received', from: { name: 'Ana', email: 'ana@acme.es' }, to: [me], cc: [], subject: 'Quote', snippet: 'hi', date: 1_000 }, [ana.id, linked.id]);
  for (let i = 0; i < 25; i++) await addNote(db, [i % 2 ? carl.id : other.id], `note ${i}`);
  await addNote(db, [bea.id], 'about a teammate');
  return { acme, ana, carl, bea, linked, other };
}

describe('loadThreadView', () => {
  beforeEach(resetDb);

  it('reads what the panel’s separate queries read, with the first page of the merged history', async () => {
    const { acme, ana, carl, linked, other } = await workspace();
    const view = await loadThreadView(db, ctx(), { people: 10, history: 21 });

    const rules = await loadPrivacyRules(db, ctx().userEmails);
    const participants = threadParticipants(ctx(), rules);
    const records = await loadThreadRecords(db, ctx(), participants);
    expect(view.participants).toEqual(participants);
    expect(view.contactByEmail).toEqual(records.contactByEmail);
    expect(view.companies).toEqual(records.companies);
    expect(view.linkedDeals).toEqual(records.linkedDeals);
    expect(view.otherDeals).toEqual(records.otherDeals);
    expect(view.loggedMessageIds).toEqual(await loggedMessageIds(db, ctx()));
    expect(view.pipelines.map((p) => p.id)).toEqual([DEFAULT_PIPELINE_ID]);

    expect(view.contacts.map((c) => c.id)).toEqual([ana.id, carl.id]);
    expect(view.companies.map((c) => c.id)).toEqual([acme.id]);
    expect(view.linkedDeals.map((d) => d.id)).toEqual([linked.id]);
    expect(view.otherDeals.map((d) => d.id)).toEqual([other.id]);
    expect(view.historyIds).toEqual([ana.id, carl.id, acme.id, linked.id, other.id]);
    expect(view.history).toHaveLength(21);
    expect(view.history).toEqual(await timeline(db, view.historyIds, { limit: 21 }));
    expect(view.history.some((a) => a.kind === 'note' && a.body === 'about a teammate')).toBe(false);
  });

  it('shows nobody from the team or the never-log list, even when they are contacts', async () => {
    const { bea } = await workspace();
    await setSetting(db, 'neverLog', ['carl@other.org']);
    const view = await loadThreadView(db, ctx(), { people: 10, history: 21 });
    expect(view.participants.map((p) => p.email)).toEqual(['ana@acme.es', 'who@nowhere.net']);
    expect(view.contacts.map((c) => c.title)).toEqual(['Ana']);
    expect(view.contactByEmail.has(bea.emails[0]!)).toBe(false);
    expect(view.history.every((a) => !a.recordIds.includes(bea.id))).toBe(true);
  });

  it('warms up through every round of reads on a workspace with contacts, writing nothing', async () => {
    await workspace();
    const before = await db.outbox.count();
    const reads = new Set<string>();
    const onRecord = (r: CrmRecord) => (reads.add('records'), r);
    const onActivity = <A,>(a: A) => (reads.add('activities'), a);
    db.records.hook('reading', onRecord);
    db.activities.hook('reading', onActivity);
    try {
      await warmThreadView(db);
    } finally {
      db.records.hook('reading').unsubscribe(onRecord);
      db.activities.hook('reading').unsubscribe(onActivity);
    }
    expect(reads.has('records')).toBe(true);
    expect(reads.has('activities')).toBe(true); // a history page was read: the later rounds ran
    expect(await db.outbox.count()).toBe(before);
  });

  it('answers for a thread with nobody known, and warms up on an empty workspace', async () => {
    await warmThreadView(db);
    const view = await loadThreadView(db, ctx(), { people: 10, history: 21 });
    expect(view.contacts).toEqual([]);
    expect(view.history).toEqual([]);
    expect(view.participants.map((p) => p.email)).toEqual(['ana@acme.es', 'carl@other.org', 'who@nowhere.net']);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('loadThreadView on a thread longer than the people shown', () => {
  beforeEach(resetDb);

  /** Fifteen people on the list; p0 is a teammate (team.io), p12 a contact with history. */
  async function list() {
    await setSetting(db, 'teamDomains', ['team.io']);
    const people = Array.from({ length: 15 }, (_, i) => ({ name: `P${i}`, email: i === 0 ? 'p0@team.io' : `p${i}@list.es` }));
    const context: ThreadContext = { ...ctx(), threadId: 'th-list', messages: [{ ...ctx().messages[0]!, from: me, to: people, cc: [] }] };
    const near = await createRecord(db, contacts, { fc_firstName: 'Near', fc_emails: ['p10@list.es'] });
    const far = await createRecord(db, contacts, { fc_firstName: 'Far', fc_emails: ['p12@list.es'] });
    await addNote(db, [near.id], 'about the tenth person');
    // The history is newest first: the second note must not share the first one's millisecond.
    const first = Date.now();
    while (Date.now() === first) await new Promise((r) => setTimeout(r, 0));
    await addNote(db, [far.id], 'about the twelfth person');
    return { context, near, far };
  }

  it('reads records and history of the shown people only; a teammate among the first costs a late lookup, not a miss', async () => {
    const { context, near } = await list();
    const view = await loadThreadView(db, context, { people: 10, history: 21 });
    expect(view.participants).toHaveLength(14);
    // p0 is the team's: the tenth shown person is p10, found by the second lookup round.
    expect(view.shown.map((p) => p.email)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i + 1}@list.es`));
    expect(view.contacts.map((c) => c.id)).toEqual([near.id]);
    expect(view.history.map((a) => a.kind === 'note' && a.body)).toEqual(['about the tenth person']);
  });

  it('shows everyone and everyone’s history when asked for all', async () => {
    const { context, near, far } = await list();
    const view = await loadThreadView(db, context, { people: Infinity, history: 21 });
    expect(view.shown).toEqual(view.participants);
    expect(view.contacts.map((c) => c.id)).toEqual([near.id, far.id]);
    expect(view.history.map((a) => a.kind === 'note' && a.body)).toEqual(['about the twelfth person', 'about the tenth person']);
  });
});

describe('recordsWithAnyOf', () => {
  beforeEach(resetDb);

  it('returns what where(index).anyOf(keys).distinct() returned, in the same order', async () => {
    const keyArb = fc.constantFrom('a@x.io', 'b@x.io', 'c@y.es', 'Z@y.es', 'ñ@z.it', 'd@x.io');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id: fc.stringMatching(/^rec_[a-z0-9]{1,3}$/), emails: fc.uniqueArray(keyArb, { maxLength: 3 }) }), { selector: (r) => r.id, maxLength: 15 }),
        fc.array(keyArb, { maxLength: 5 }),
        async (rows, keys) => {
          // Raw rows (no validation, any casing): the index columns derive from values as they are stored.
          await db.transaction('rw', [db.records, db.folders, db.fields], async () => {
            await db.records.clear();
            await db.records.bulkPut(rows.map((r) => ({ id: r.id, folderId: contacts, values: { fc_emails: r.emails }, title: r.id, emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 1, updatedAt: 1 }) satisfies CrmRecord));
          });
          const want = keys.length ? await db.records.where('emails').anyOf(keys).distinct().toArray() : [];
          expect((await recordsWithAnyOf(db, 'emails', keys)).map((r) => r.id)).toEqual(want.map((r) => r.id));
        },
      ),
      { numRuns: 100 },
    );
  });
});
