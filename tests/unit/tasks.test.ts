import { beforeEach, describe, expect, it } from 'vitest';
import { createTask, rescheduleTask, snoozeTask } from '../../storage/activities/tasks';
import { tomorrowMorning } from '../../storage/activities/taskTime';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { StorageError } from '../../storage/model/errors';
import { createRecord } from '../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../support/db';

/** The storage code a write was refused with (Dexie wraps an error named like one of its own in `inner`). */
const codeOf = (p: Promise<unknown>) =>
  p.then(() => 'saved', (e: unknown) => {
    const inner = (e as { inner?: unknown }).inner ?? e;
    return inner instanceof StorageError ? inner.code : String(e);
  });

describe('tasks through the write path', () => {
  beforeEach(resetDb);

  it('creates a task with a time, about a record, and counts it as the record’s activity', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const due = new Date(2030, 4, 6, 14, 30).getTime();
    const task = await createTask(db, { title: '  Call Ana back ', recordIds: [ana.id, ana.id], due: { due, timed: true } });
    expect(await db.activities.get(task.id)).toMatchObject({ kind: 'task', title: 'Call Ana back', recordIds: [ana.id], due, timed: true, done: false });
    expect((await db.records.get(ana.id))?.stats.lastActivityAt).toBe(task.at);
  });

  it('creates a task about no record (the rep’s own to-do)', async () => {
    const task = await createTask(db, { title: 'Plan the week', recordIds: [] });
    expect(await db.activities.get(task.id)).toMatchObject({ recordIds: [], title: 'Plan the week' });
    expect(task.due).toBeUndefined();
  });

  it('refuses an empty title with a code, and writes nothing', async () => {
    const refusal = await createTask(db, { title: '   ', recordIds: [] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as StorageError).code).toBe('invalidInput');
    expect(await db.activities.count()).toBe(0);
  });

  it('refuses a task about a record that does not exist', async () => {
    expect(await codeOf(createTask(db, { title: 'Ghost', recordIds: ['rec_missing'] }))).toBe('notFound');
    expect(await db.activities.count()).toBe(0);
  });

  it('snoozes and reschedules: the due moment moves, and a shared workspace queues exactly those fields', async () => {
    await shareWorkspace();
    const task = await createTask(db, { title: 'Send the offer', recordIds: [], due: { due: new Date(2030, 0, 1, 23, 59).getTime(), timed: false } });
    const now = new Date(2030, 0, 1, 19, 0).getTime();
    await snoozeTask(db, task.id, 'tomorrow', now);
    expect(await db.activities.get(task.id)).toMatchObject({ due: tomorrowMorning(now), timed: true });
    const entries = (await db.outbox.toArray()).filter((e) => e.docId === task.id);
    expect(entries.at(-1)?.changed).toEqual(['due', 'timed']);

    const picked = new Date(2030, 1, 3, 23, 59).getTime();
    await rescheduleTask(db, task.id, { due: picked, timed: false });
    expect(await db.activities.get(task.id)).toMatchObject({ due: picked, timed: false });
    expect(await codeOf(rescheduleTask(db, task.id, { due: Number.NaN, timed: true }))).toBe('invalidInput');
    expect(await codeOf(snoozeTask(db, 'act_missing', 'nextWeek'))).toBe('notFound');
  });
});
