import { beforeEach, describe, expect, it } from 'vitest';
import { addActivityIn, logEmail, setTaskDone, type EmailToLog } from '../../storage/activities/activities';
import { createTask } from '../../storage/activities/tasks';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { newId } from '../../storage/model/ids';
import { ACTIVITY_PAGE, loadRepDay } from '../../storage/queries/repDay';
import { mutate } from '../../storage/write/mutate';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
/** Wednesday 6 May 2030, noon, local time: every due date below is built from local calendar parts. */
const NOW = new Date(2030, 4, 6, 12, 0).getTime();
const local = (d: number, h: number, m = 0) => new Date(2030, 4, d, h, m).getTime();
const LIMITS = { tasks: 10, deals: 5, threads: 5 };

const contact = (name: string) => createRecord(db, contacts, { fc_firstName: name });
const deal = (name: string, stageId = 'new') => createRecord(db, deals, { fd_name: name, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId } });

/** Notes at chosen instants (addNote stamps Date.now()), all in one write. */
function notesAt(recordIds: string[], ats: readonly number[]) {
  return mutate(db, async (w) => {
    for (const at of ats) await addActivityIn(w, { id: newId('act'), kind: 'note', recordIds, body: 'n', at, createdAt: at, updatedAt: at });
  });
}

const email = (threadId: string, messageId: string, date: number, over: Partial<EmailToLog> = {}): EmailToLog => ({
  threadId,
  messageId,
  direction: 'received',
  from: { name: 'Ana Ruiz', email: 'ana@acme.io' },
  to: [{ name: 'Me', email: 'me@team.com' }],
  cc: [],
  subject: `Subject ${messageId}`,
  snippet: '',
  date,
  ...over,
});

describe('loadRepDay', () => {
  beforeEach(resetDb);

  it('is empty on a new workspace', async () => {
    expect(await loadRepDay(db, NOW)).toEqual({ tasks: [], moreTasks: 0, moreTasksAtLeast: false, deals: [], threads: [] });
  });

  it('lists open tasks overdue or due today, latest due first, with their record; not tomorrow’s, done or undated ones', async () => {
    const ana = await contact('Ana');
    const task = (title: string, due?: number, timed = true) => createTask(db, { title, recordIds: [ana.id], ...(due ? { due: { due, timed } } : {}) });
    await task('Yesterday, date only', local(5, 23, 59), false);
    await task('This morning', local(6, 10));
    await task('This afternoon', local(6, 15));
    await task('Today, date only', local(6, 23, 59), false);
    await task('Tomorrow', local(7, 9));
    await task('Tomorrow, date only', local(7, 23, 59), false);
    await task('Undated');
    const done = await task('Done last week', local(1, 9));
    await setTaskDone(db, done.id, true);

    const day = await loadRepDay(db, NOW, LIMITS);
    expect(day.tasks.map((t) => [t.task.title, t.overdue])).toEqual([
      ['Today, date only', false],
      ['This afternoon', false],
      ['This morning', true],
      ['Yesterday, date only', true],
    ]);
    expect(day.tasks.every((t) => t.record?.id === ana.id)).toBe(true);
    expect(day.moreTasks).toBe(0);
  });

  it('shows at most the limit of tasks and counts the rest', async () => {
    for (let d = 1; d <= 6; d++) {
      await createTask(db, { title: `Due ${d} at 8`, recordIds: [], due: { due: local(d, 8), timed: true } });
      await createTask(db, { title: `Due ${d} at 9`, recordIds: [], due: { due: local(d, 9), timed: true } });
    }
    const day = await loadRepDay(db, NOW, { ...LIMITS, tasks: 10 });
    expect(day.tasks).toHaveLength(10);
    expect(day.tasks[0]?.task.title).toBe('Due 6 at 9');
    expect(day.tasks[0]?.record).toBeUndefined();
    expect(day.moreTasks).toBe(2);
    expect(day.moreTasksAtLeast).toBe(false);
  });

  it('lists the deals with the latest activity first, bounded, with their stage; other folders never', async () => {
    const names = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7'];
    const made = [];
    for (const [i, name] of names.entries()) {
      const d = await deal(name, i === 0 ? 'proposal' : 'new');
      await notesAt([d.id], [local(1, 9 + i)]);
      made.push(d);
    }
    // An older note on D7 does not lower it: its newest note counts.
    await notesAt([made[6]!.id], [local(1, 1)]);
    // D1's newest activity moves it to the top; a contact's newer activity is no deal's.
    await notesAt([made[0]!.id], [local(2, 9)]);
    const ana = await contact('Ana');
    await notesAt([ana.id], [local(3, 9)]);

    const day = await loadRepDay(db, NOW, LIMITS);
    expect(day.deals.map((d) => d.deal.title)).toEqual(['D1', 'D7', 'D6', 'D5', 'D4']);
    expect(day.deals[0]?.stage).toBe('Proposal');
    expect(day.deals[1]?.stage).toBe('New');
  });

  it('finds a deal behind more than a page of other activity, even when the page is all one instant', async () => {
    const d = await deal('Behind');
    await notesAt([d.id], [local(1, 9)]);
    const ana = await contact('Ana');
    await notesAt([ana.id], Array.from({ length: ACTIVITY_PAGE * 2 + 50 }, () => local(2, 9)));
    const day = await loadRepDay(db, NOW, LIMITS);
    expect(day.deals.map((x) => x.deal.title)).toEqual(['Behind']);
  });

  it('lists logged threads newest first, once each, with who and when, bounded', async () => {
    const ana = await contact('Ana');
    await logEmail(db, email('t1', 'm1', local(1, 9)), [ana.id]);
    await logEmail(db, email('t1', 'm2', local(4, 9)), [ana.id]);
    await logEmail(db, email('t2', 'm3', local(3, 9), { direction: 'sent', from: { name: 'Me', email: 'me@team.com' }, to: [{ name: '', email: 'bo@beta.io' }] }), [ana.id]);
    await logEmail(db, email('t3', 'm4', local(2, 9)), [ana.id]);
    // A note on a thread is no logged email.
    await mutate(db, (w) => addActivityIn(w, { id: 'note_t9', kind: 'note', recordIds: [ana.id], body: 'n', threadId: 't9', at: local(5, 9), createdAt: 0, updatedAt: 0 }));

    const day = await loadRepDay(db, NOW, LIMITS);
    expect(day.threads).toEqual([
      { threadId: 't1', subject: 'Subject m2', direction: 'received', who: { name: 'Ana Ruiz', email: 'ana@acme.io' }, at: local(4, 9) },
      { threadId: 't2', subject: 'Subject m3', direction: 'sent', who: { name: '', email: 'bo@beta.io' }, at: local(3, 9) },
      { threadId: 't3', subject: 'Subject m4', direction: 'received', who: { name: 'Ana Ruiz', email: 'ana@acme.io' }, at: local(2, 9) },
    ]);

    for (let i = 4; i <= 8; i++) await logEmail(db, email(`t${i}x`, `n${i}`, local(5, i)), [ana.id]);
    const bounded = await loadRepDay(db, NOW, { ...LIMITS, threads: 5 });
    expect(bounded.threads.map((t) => t.threadId)).toEqual(['t8x', 't7x', 't6x', 't5x', 't4x']);
  });
});
