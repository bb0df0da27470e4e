import { beforeEach, describe, expect, it } from 'vitest';
import { addActivityIn, addNote, linkThread, logEmail, type EmailToLog } from '../../storage/activities/activities';
import { mutate } from '../../storage/write/mutate';
import { logCall, logMeeting } from '../../storage/activities/log';
import { saveCallOutcomes } from '../../storage/activities/callOutcomes';
import { saveAutomationRules } from '../../storage/automations/store';
import { activityByRep } from '../../storage/reports/activityByRep';
import { loadReportData } from '../../storage/reports/load';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { recordRollup, type RollupPage } from '../../storage/queries/history';
import { newestFirst } from '../../storage/queries/queries';
import type { Activity } from '../../storage/model/entities';
import { createRecord } from '../../storage/write/records';
import { StorageError } from '../../storage/model/errors';
import { db, resetDb } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const T0 = 1_700_000_000_000;
const STAGE = { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' };

const email = (over: Partial<EmailToLog> = {}): EmailToLog => ({
  threadId: 't1',
  messageId: 'm1',
  direction: 'received',
  from: { name: 'Ana', email: 'ana@acme.io' },
  to: [{ name: 'Me', email: 'me@team.com' }],
  cc: [],
  subject: 'Pricing',
  snippet: 'Can you send the quote?',
  date: T0,
  ...over,
});

async function acmeWithAna() {
  const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.io' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: ['ana@acme.io'], fc_company: [acme.id] });
  return { acme, ana };
}

const ids = (page: RollupPage) => page.entries.map((e) => e.activity.id);

/** Every page of a rollup, following `next`, at `limit` a page. */
async function allPages(recordId: string, limit: number): Promise<Activity[]> {
  const out: Activity[] = [];
  let page = await recordRollup(db, recordId, { limit });
  out.push(...page.entries.map((e) => e.activity));
  while (page.next) {
    page = await recordRollup(db, recordId, { limit, after: page.next });
    out.push(...page.entries.map((e) => e.activity));
  }
  return out;
}

describe('logging calls and meetings', () => {
  beforeEach(resetDb);

  it('a call carries its outcome, duration and time, and shows on the person called', async () => {
    const { ana } = await acmeWithAna();
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: STAGE });
    const call = await logCall(db, { recordIds: [deal.id], withIds: [ana.id], outcome: 'leftVoicemail', durationMin: 3, body: ' Call back Friday ', at: T0 });
    expect(await db.activities.get(call.id)).toMatchObject({ kind: 'call', outcome: 'leftVoicemail', durationMin: 3, body: 'Call back Friday', at: T0, recordIds: [deal.id, ana.id] });
    expect((await db.records.get(ana.id))!.stats.lastActivityAt).toBe(T0);
  });

  it("a call with a company's person is activity at the company too, and an older one does not turn it back", async () => {
    const { acme, ana } = await acmeWithAna();
    const other = await createRecord(db, companies, { fo_name: 'Globex' });
    await logCall(db, { recordIds: [ana.id], outcome: 'connected', body: 'Pricing', at: T0 });
    expect((await db.records.get(acme.id))!.stats.lastActivityAt).toBe(T0);
    await logCall(db, { recordIds: [ana.id], outcome: 'connected', body: 'Earlier one, logged late', at: T0 - 86_400_000 });
    expect((await db.records.get(acme.id))!.stats.lastActivityAt).toBe(T0);
    expect((await db.records.get(other.id))!.stats.lastActivityAt).toBeUndefined();
  });

  it('refuses an outcome the workspace no longer lists, and accepts one an admin added', async () => {
    const { ana } = await acmeWithAna();
    await saveCallOutcomes(db, [{ id: 'connected' }, { id: 'demoBooked', label: 'Demo booked' }]);
    await expect(logCall(db, { recordIds: [ana.id], outcome: 'busy', body: '', at: T0 })).rejects.toBeInstanceOf(StorageError);
    await expect(logCall(db, { recordIds: [ana.id], outcome: 'demoBooked', body: '', at: T0 })).resolves.toMatchObject({ outcome: 'demoBooked' });
    expect(await db.activities.count()).toBe(1);
  });

  it('a meeting is in each attendee history and refuses a bad duration', async () => {
    const { acme, ana } = await acmeWithAna();
    const bo = await createRecord(db, contacts, { fc_firstName: 'Bo', fc_emails: ['bo@acme.io'], fc_company: [acme.id] });
    const meeting = await logMeeting(db, { recordIds: [acme.id], attendeeIds: [ana.id, bo.id], title: 'Kick-off', durationMin: 45, body: '', at: T0 });
    expect(meeting.recordIds.sort()).toEqual([acme.id, ana.id, bo.id].sort());
    expect(ids(await recordRollup(db, bo.id))).toEqual([meeting.id]);
    await expect(logMeeting(db, { recordIds: [ana.id], attendeeIds: [], title: '', durationMin: -5, body: '', at: T0 })).rejects.toBeInstanceOf(StorageError);
  });
});

describe('history where people look', () => {
  beforeEach(resetDb);

  it('a logged email goes to the contact, their company and the deals linked to the thread', async () => {
    const { acme, ana } = await acmeWithAna();
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: STAGE });
    await linkThread(db, 't1', deal.id);
    const { activity } = await logEmail(db, email(), [ana.id]);
    expect(activity.recordIds.sort()).toEqual([acme.id, ana.id, deal.id].sort());
  });

  it('a deal created from a thread starts with the email, note and call logged on it before', async () => {
    const { acme, ana } = await acmeWithAna();
    const { activity: mail } = await logEmail(db, email(), [ana.id]);
    const note = await addNote(db, [ana.id], 'Wants a quote', 't1');
    const call = await logCall(db, { recordIds: [ana.id], outcome: 'connected', body: '', at: T0 + 5, threadId: 't1' });
    const elsewhere = await addNote(db, [ana.id], 'Unrelated', 't2');
    const deal = await createDealForThread(db, { threadId: 't1', name: 'Pricing', contactIds: [ana.id], companyIds: [acme.id] });
    const page = await recordRollup(db, deal.id);
    const logged = page.entries.filter((e) => e.activity.kind !== 'stageChange').map((e) => e.activity.id);
    expect(logged.sort()).toEqual([mail.id, note.id, call.id].sort());
    expect(ids(page)).not.toContain(elsewhere.id);
    // Attached, not only shown: the deal's own index holds them, and the deal's statistics follow.
    expect((await db.activities.get(mail.id))!.recordIds).toContain(deal.id);
    expect((await db.records.get(deal.id))!.stats.emailThreadIds).toEqual(['t1']);
  });

  it('a deal rollup reads its linked threads too: an entry of the thread not attached to the deal shows, from the thread', async () => {
    const { ana } = await acmeWithAna();
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: STAGE });
    await linkThread(db, 't1', deal.id);
    // Written on the thread without the deal (as another device's write, synced after the link, can be).
    const note = await mutate(db, (w) => addActivityIn(w, { id: 'act_thread_only', kind: 'note', recordIds: [ana.id], body: 'On the thread', threadId: 't1', at: T0, createdAt: T0, updatedAt: T0 }));
    await logEmail(db, email({ threadId: 't1' }), [ana.id]);
    const page = await recordRollup(db, deal.id);
    const byId = new Map(page.entries.map((e) => [e.activity.id, e.via]));
    expect(byId.get(note.id)).toEqual(expect.arrayContaining(['t1']));
    expect(page.via.get('t1')).toMatchObject({ kind: 'thread' });
    // The email went to the deal itself (the thread is linked): no "from the thread" on it.
    expect(byId.get('email_m1')).toEqual([]);
  });

  it('a company rollup holds its own, its people and its deals entries, saying whose each is', async () => {
    const { acme, ana } = await acmeWithAna();
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: STAGE, fd_company: [acme.id] });
    const other = await createRecord(db, contacts, { fc_firstName: 'Zed', fc_emails: ['zed@else.org'] });
    const own = await addNote(db, [acme.id], 'Company note');
    const onAna = await logCall(db, { recordIds: [ana.id], outcome: 'connected', body: '', at: Date.now() + 1 });
    const onDeal = await addNote(db, [deal.id], 'Deal note');
    await addNote(db, [other.id], 'Not theirs');
    const page = await recordRollup(db, acme.id);
    const byId = new Map(page.entries.filter((e) => e.activity.kind !== 'stageChange').map((e) => [e.activity.id, e.via]));
    expect([...byId.keys()].sort()).toEqual([own.id, onAna.id, onDeal.id].sort());
    expect(byId.get(own.id)).toEqual([]);
    expect(byId.get(onAna.id)).toEqual([ana.id]);
    expect(page.via.get(ana.id)).toEqual({ id: ana.id, title: 'Ana Ruiz', kind: 'contacts' });
    expect(page.via.get(deal.id)).toMatchObject({ title: 'Pilot', kind: 'deals' });
  });

  it('pages through a rollup newest first, every entry once, whatever the page size (ties included)', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await createRecord(db, contacts, { fc_firstName: `P${i}`, fc_company: [acme.id] }));
    // Uneven: one busy person, shared entries, many at the same instant.
    for (let j = 0; j < 90; j++) {
      const who = j % 3 === 0 ? [people[0]!.id] : j % 7 === 0 ? [people[j % 12]!.id, people[(j + 1) % 12]!.id] : [people[j % 12]!.id];
      await logCall(db, { recordIds: who, outcome: 'connected', body: '', at: T0 + (j % 10) * 1000 });
    }
    const expected = (await db.activities.toArray()).sort(newestFirst).map((a) => a.id);
    for (const limit of [1, 7, 20, 200]) expect((await allPages(acme.id, limit)).map((a) => a.id)).toEqual(expected);
    const first = await recordRollup(db, acme.id, { limit: 20 });
    expect(first.next).toBeDefined();
    expect(first.entries).toHaveLength(20);
  });
});

describe('calls and meetings as automation triggers', () => {
  beforeEach(resetDb);

  it('a call with the rule’s outcome creates the follow-up task on the record it was logged on; another outcome does not', async () => {
    const { ana } = await acmeWithAna();
    await saveAutomationRules(db, [
      { id: 'r1', name: 'Voicemail follow-up', enabled: true, kind: 'activityLogged', activityKind: 'call', outcome: 'leftVoicemail', action: { kind: 'createTask', title: 'Call again', dueInDays: 2 } },
      { id: 'r2', name: 'Meeting notes', enabled: true, kind: 'activityLogged', activityKind: 'meeting', action: { kind: 'createTask', title: 'Send the minutes' } },
    ]);
    await logCall(db, { recordIds: [ana.id], outcome: 'connected', body: '', at: T0 });
    expect(await db.activities.filter((a) => a.kind === 'task').count()).toBe(0);
    await logCall(db, { recordIds: [ana.id], outcome: 'leftVoicemail', body: '', at: T0 });
    await logMeeting(db, { recordIds: [ana.id], attendeeIds: [], title: 'Demo', body: '', at: T0 });
    const tasks = (await db.activities.toArray()).filter((a) => a.kind === 'task');
    expect(tasks.map((a) => (a.kind === 'task' ? a.title : '')).sort()).toEqual(['Call again', 'Send the minutes']);
    expect(tasks.every((a) => a.recordIds.join() === ana.id)).toBe(true);
    const why = (await db.activities.toArray()).filter((a) => a.kind === 'automation');
    expect(why.map((a) => (a.kind === 'automation' ? a.trigger : undefined))).toEqual([
      { kind: 'activityLogged', record: 'Ana Ruiz' },
      { kind: 'activityLogged', record: 'Ana Ruiz' },
    ]);
  });
});

describe('calls and meetings in the reports', () => {
  beforeEach(resetDb);

  it('activity by rep counts a logged call and a meeting once each, however many records they are on', async () => {
    const { acme, ana } = await acmeWithAna();
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: STAGE, fd_company: [acme.id] });
    const at = Date.UTC(2026, 2, 4, 10);
    await logCall(db, { recordIds: [deal.id], withIds: [ana.id], outcome: 'connected', body: '', at });
    await logMeeting(db, { recordIds: [deal.id], attendeeIds: [ana.id], title: 'Demo', body: '', at });
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const rows = activityByRep(await loadReportData(db, period), { period });
    expect(rows.reduce((n, r) => n + r.calls, 0)).toBe(1);
    expect(rows.reduce((n, r) => n + r.meetings, 0)).toBe(1);
  });
});
