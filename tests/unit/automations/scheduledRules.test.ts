import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote } from '../../../storage/activities/activities';
import { createTask } from '../../../storage/activities/tasks';
import { lookIfDue } from '../../../storage/automations/scheduleService';
import { runScheduledRules } from '../../../storage/automations/scheduled';
import { saveAutomationRules } from '../../../storage/automations/store';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ActivityOf } from '../../../storage/model/entities';
import { openThreadlineDb } from '../../../storage/open';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const tasksOf = async (target: typeof db, id: string) =>
  (await target.activities.where('recordIds').equals(id).toArray()).filter((a): a is ActivityOf<'task'> => a.kind === 'task');
const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** "7 days before a deal's expected close date with no activity in 14 days, remind the owner." */
const closeReminder = (): CustomRule => ({
  id: 'rule_close', name: 'Close in a week', enabled: true, kind: 'custom',
  trigger: { on: 'dateReached', folderId: deals, fieldId: 'fd_expectedClose', offsetDays: -7 },
  conditions: { match: 'all', list: [{ target: 'record', fieldId: 'fd_lastActivity', op: 'notInLastDays', value: 14 }] },
  actions: [{ do: 'createTask', title: '{{record.title}} closes in a week', dueInDays: 0, owner: 'recordOwner' }],
});

const birthday = (): CustomRule => ({
  id: 'rule_bday', name: 'Birthday', enabled: true, kind: 'custom',
  trigger: { on: 'dateReached', folderId: contacts, fieldId: 'fc_birthday', offsetDays: 0 },
  conditions: { match: 'all', list: [] },
  actions: [{ do: 'createTask', title: 'Congratulate {{record.title}}', owner: 'none' }],
});

const TZ = process.env.TZ;

describe('rules triggered by time', () => {
  beforeEach(async () => {
    await resetDb();
    // Only the clock is faked: fake-indexeddb keeps its own timers.
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = TZ;
  });

  it('a week before the expected close of a quiet deal, one task for the owner; looking again, or the next day, adds none', async () => {
    process.env.TZ = 'Europe/Madrid';
    vi.setSystemTime(new Date(2026, 2, 20, 10, 0));
    await saveAutomationRules(db, [closeReminder()]);
    const quiet = await createRecord(db, deals, { fd_name: 'Quiet', fd_stage: stage('proposal'), fd_expectedClose: '2026-03-28', fd_owner: 'lucia@acme.es' });
    const busy = await createRecord(db, deals, { fd_name: 'Busy', fd_stage: stage('proposal'), fd_expectedClose: '2026-03-28' });
    await addNote(db, [busy.id], 'Spoke yesterday');
    await runScheduledRules(db, Date.now());
    expect(await tasksOf(db, quiet.id)).toEqual([]);

    vi.setSystemTime(new Date(2026, 2, 21, 0, 5));
    await runScheduledRules(db, Date.now());
    const [task] = await tasksOf(db, quiet.id);
    expect(task).toMatchObject({ title: 'Quiet closes in a week', owner: 'lucia@acme.es' });
    expect(localDay(task!.due!)).toBe('2026-03-21');
    expect(await tasksOf(db, busy.id)).toEqual([]);

    await runScheduledRules(db, Date.now());
    vi.setSystemTime(new Date(2026, 2, 22, 9, 0));
    await runScheduledRules(db, Date.now());
    expect(await tasksOf(db, quiet.id)).toHaveLength(1);
  });

  it('fires on the day across the night clocks go forward, and not a minute before midnight', async () => {
    process.env.TZ = 'Europe/Madrid';
    vi.setSystemTime(new Date(2026, 2, 28, 23, 59));
    await saveAutomationRules(db, [birthday()]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_birthday: '2026-03-29' });
    await runScheduledRules(db, Date.now());
    expect(await tasksOf(db, ana.id)).toEqual([]);
    // 00:01 on the 29th, the night Spain moves to summer time (02:00 → 03:00).
    vi.setSystemTime(new Date(2026, 2, 29, 0, 1));
    await runScheduledRules(db, Date.now());
    expect((await tasksOf(db, ana.id)).map((t) => t.title)).toEqual(['Congratulate Ana']);
  });

  it('"today" is the device’s own: a rep in New York sees the day later than in Madrid', async () => {
    const instant = Date.UTC(2026, 2, 29, 3, 0); // 05:00 in Madrid, 23:00 the day before in New York
    vi.setSystemTime(instant);
    await saveAutomationRules(db, [birthday()]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_birthday: '2026-03-29' });
    process.env.TZ = 'America/New_York';
    await runScheduledRules(db, instant);
    expect(await tasksOf(db, ana.id)).toEqual([]);
    process.env.TZ = 'Europe/Madrid';
    await runScheduledRules(db, instant);
    expect(await tasksOf(db, ana.id)).toHaveLength(1);
  });

  it('a missed day is caught up, and two devices that both look write the same task', async () => {
    process.env.TZ = 'Europe/Rome';
    vi.setSystemTime(new Date(2026, 5, 10, 9, 0));
    const other = openThreadlineDb('threadline-test-other');
    await other.open();
    try {
      for (const target of [db, other]) {
        await saveAutomationRules(target, [birthday()]);
        await createRecord(target, contacts, { fc_firstName: 'Luca', fc_birthday: '2026-06-08' }, { id: 'rec_luca' });
      }
      await runScheduledRules(db, Date.now());
      await runScheduledRules(other, Date.now());
      const [mine] = await tasksOf(db, 'rec_luca');
      const [theirs] = await tasksOf(other, 'rec_luca');
      expect(mine?.id).toBeDefined();
      expect(theirs?.id).toBe(mine?.id);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('a task that became overdue fires its rule once', async () => {
    process.env.TZ = 'Europe/Madrid';
    vi.setSystemTime(new Date(2026, 4, 4, 9, 0));
    await saveAutomationRules(db, [
      { id: 'rule_late', name: 'Late', enabled: true, kind: 'custom', trigger: { on: 'taskOverdue', folderId: deals }, conditions: { match: 'all', list: [] }, actions: [{ do: 'setField', fieldId: 'fd_priority', value: 'high' }] },
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Late one', fd_stage: stage('proposal'), fd_priority: 'low' });
    await createTask(db, { title: 'Send the quote', recordIds: [deal.id], due: { due: new Date(2026, 4, 4, 23, 59).getTime(), timed: false } });
    await runScheduledRules(db, Date.now());
    expect((await db.records.get(deal.id))?.values.fd_priority).toBe('low');
    vi.setSystemTime(new Date(2026, 4, 5, 8, 0));
    await runScheduledRules(db, Date.now());
    expect((await db.records.get(deal.id))?.values.fd_priority).toBe('high');
    const runs = (await db.activities.where('recordIds').equals(deal.id).toArray()).filter((a) => a.kind === 'automation');
    await runScheduledRules(db, Date.now());
    expect((await db.activities.where('recordIds').equals(deal.id).toArray()).filter((a) => a.kind === 'automation')).toHaveLength(runs.length);
  });

  it('the background looks once per local day, and again when the rules change', async () => {
    process.env.TZ = 'Europe/Madrid';
    vi.setSystemTime(new Date(2026, 6, 1, 8, 0));
    await saveAutomationRules(db, [birthday()]);
    expect(await lookIfDue(db)).toBe(true);
    expect(await lookIfDue(db)).toBe(false);
    await saveAutomationRules(db, [birthday(), closeReminder()]);
    expect(await lookIfDue(db)).toBe(true);
    vi.setSystemTime(new Date(2026, 6, 2, 0, 1));
    expect(await lookIfDue(db)).toBe(true);
  });
});
