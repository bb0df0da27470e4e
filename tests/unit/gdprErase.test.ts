import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, logEmail, type EmailToLog } from '../../storage/activities/activities';
import { putImportJob, readImportJob, startImportJob } from '../../storage/csv/importJob';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { exportContact, eraseContact } from '../../storage/privacy/gdpr';
import { clockKey } from '../../storage/replica/clocks';
import { mutate } from '../../storage/write/mutate';
import { createRecord } from '../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const me = { name: 'Alex Seller', email: 'alex@team.io' };
const ana = { name: 'Ana García', email: 'ana@acme.com' };
const bob = { name: 'Bob Stone', email: 'bob@acme.com' };

const mail = (messageId: string, over: Partial<EmailToLog>): EmailToLog => ({
  threadId: `t-${messageId}`, messageId, direction: 'received', from: bob, to: [me], cc: [], subject: 'Licences', snippet: 'Hello', date: 1, ...over,
});

/** Ana, whom the rep never linked to the deal's emails: she is only copied on them, or named in them. */
async function seed() {
  await shareWorkspace(db);
  const person = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'García', fc_emails: [ana.email] });
  const deal = await createRecord(db, deals, { fd_name: 'Licences', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
  const other = await createRecord(db, deals, { fd_name: 'Other Ana', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
  await logEmail(db, mail('copied', { cc: [ana], snippet: 'Ana García (ana@acme.com) signs for us' }), [deal.id]);
  await logEmail(db, mail('only', { direction: 'sent', from: me, to: [ana], subject: 'For Ana', snippet: 'Private' }), [deal.id]);
  await addNote(db, [deal.id], 'Ask ana@acme.com for the PO');
  await addNote(db, [other.id], 'Ana from Umbrella called');
  await db.outbox.clear();
  return { person, deal, other };
}

const everything = async () => JSON.stringify(await Promise.all([db.activities.toArray(), db.meta.toArray(), db.parked.toArray()]));

describe('GDPR erase', () => {
  beforeEach(resetDb);

  it('finds every activity that names the person, linked to them or not, and scrubs or deletes it through the write path', async () => {
    const { person, deal, other } = await seed();
    expect((await exportContact(db, person.id)).activities.map((a) => a.id).sort()).toEqual(['email_copied', 'email_only', expect.stringMatching(/^act/)].sort());

    expect(await eraseContact(db, person.id)).toMatchObject({ activities: 1, scrubbed: 2, links: 0 });
    expect(await db.activities.get('email_only')).toBeUndefined();
    expect(await db.activities.get('email_copied')).toMatchObject({ recordIds: [deal.id], cc: [], snippet: '… (…) signs for us' });
    expect(await everything()).not.toMatch(/ana@acme|García/);
    // A one-word name matches only where the entry is about them: another Ana keeps hers.
    expect((await db.activities.where('recordIds').equals(other.id).toArray()).map((a) => (a.kind === 'note' ? a.body : ''))).toContain('Ana from Umbrella called');

    const ops = (await db.outbox.toArray()).filter((o) => o.table === 'activities').map((o) => `${o.op} ${o.docId}`);
    expect(ops).toEqual(expect.arrayContaining(['delete email_only', 'put email_copied']));
    expect(ops.filter((o) => o.startsWith('put'))).toHaveLength(2);
    expect((await db.clocks.get(clockKey('activities', 'email_only')))?.fields).toEqual({});
  });

  it('scrubs the refused cells of import reports on the rows that named the person', async () => {
    const { person } = await seed();
    const job = await startImportJob(db, { folderId: contacts, file: { name: 'people.csv', size: 10 }, headers: ['Name', 'E-mail', 'Phone'], mapping: ['fc_firstName', 'fc_emails', 'fc_phones'], dedup: 'skip' });
    const issue = (row: number, column: string, value: string) => ({ row, column, code: 'invalid' as const, value, params: { value } });
    const issues = [issue(5, 'E-mail', 'Ana García <ana@acme.com>'), issue(5, 'Phone', '+34 6xx'), issue(6, 'Phone', 'call Bob')];
    await mutate(db, (w) => putImportJob(w, { ...job, issues, counts: { ...job.counts, bad: 2 } }));

    expect((await eraseContact(db, person.id)).reports).toBe(1);
    const after = (await readImportJob(db, job.id))!;
    expect(after.issues.map((i) => i.value)).toEqual(['… <…>', '+34 6xx', 'call Bob']);
    expect(JSON.stringify(after)).not.toMatch(/ana@acme|García/);
  });

  it('scrubs held-back remote documents: their record dropped, entries naming them deleted with a synced delete, others cleaned', async () => {
    const { person } = await seed();
    const state = (units: Record<string, unknown>) => ({ units, clocks: {}, born: '0001' });
    await db.parked.bulkPut([
      { key: `records/${person.id}`, table: 'records', id: person.id, state: state({ folderId: contacts }), reason: 'folder', at: 1 },
      { key: 'activities/act_far', table: 'activities', id: 'act_far', state: state({ kind: 'email', cc: [ana], recordIds: ['rec_far'] }), reason: 'record', at: 1 },
      { key: 'records/rec_far', table: 'records', id: 'rec_far', state: state({ 'v.f_notes': 'Introduced by Ana García', 'v.f_link': [person.id, 'rec_x'] }), reason: 'field', at: 1 },
      { key: 'records/rec_none', table: 'records', id: 'rec_none', state: state({ 'v.f_notes': 'Nothing here' }), reason: 'field', at: 1 },
    ]);

    expect((await eraseContact(db, person.id)).parked).toBe(3);
    expect((await db.parked.toArray()).map((p) => p.key).sort()).toEqual(['records/rec_far', 'records/rec_none']);
    expect((await db.parked.get('records/rec_far'))!.state.units).toEqual({ 'v.f_notes': 'Introduced by …', 'v.f_link': ['rec_x'] });
    expect((await db.outbox.toArray()).some((o) => o.table === 'activities' && o.docId === 'act_far' && o.op === 'delete')).toBe(true);
    expect(await everything()).not.toMatch(new RegExp(`ana@acme|García|${person.id}`));
  });
});
