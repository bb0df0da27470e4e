import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, addTask, logEmail, setTaskDone } from '../../storage/activities/activities';
import { encodeAt, recordAtKey, recordAtKeys } from '../../storage/db/activityIndex';
import { applyRemote, type RemoteDoc } from '../../sync/applyRemote';
import { db } from '../support/db';
import type { Activity, ActivityOf } from '../../storage/model/entities';
import { mutate } from '../../storage/write/mutate';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { timeline } from '../../storage/queries/queries';
import { createRecord } from '../../storage/write/records';
import { clockKey, localState } from '../../storage/replica/clocks';
import { exportContact } from '../../storage/privacy/gdpr';
import { encodeHlc } from '../../storage/replica/hlc';
import { toUnits } from '../../storage/replica/units';
import { resetDb, shareWorkspace } from '../support/db';

const { contacts } = PRESET_FOLDER_IDS;
type Stored = Activity & { recordAt?: string[] };

/** The timeline as it was before the recordAt index: every activity of every record, sorted. */
async function fullScanTimeline(recordIds: readonly string[], { limit = 20, before = Infinity } = {}): Promise<Activity[]> {
  if (recordIds.length === 0) return [];
  const all = await db.activities.where('recordIds').anyOf([...recordIds]).distinct().toArray();
  return all
    .filter((a) => a.at < before)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
}

const note = (id: string, recordIds: string[], at: number): ActivityOf<'note'> => ({ id, kind: 'note', recordIds, body: 'x', at, createdAt: 1, updatedAt: 1 });

describe('encodeAt', () => {
  it('orders as the numbers do, for every finite number, and treats -0 as 0', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [ea, eb] = [encodeAt(a), encodeAt(b)];
        expect(ea).toHaveLength(16);
        expect(Math.sign(ea < eb ? -1 : ea > eb ? 1 : 0)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2_000 },
    );
    expect(encodeAt(-0)).toBe(encodeAt(0));
    expect(encodeAt(NaN)).toBe(encodeAt(-Infinity));
  });

  it('keeps one record’s keys together, apart from ids that extend it', () => {
    expect(recordAtKey('rec_a', 5) < recordAtKey('rec_a', 6)).toBe(true);
    expect(recordAtKey('rec_a', Number.MAX_VALUE) < recordAtKey('rec_a0', -Number.MAX_VALUE)).toBe(true);
    expect(recordAtKeys({ recordIds: ['a', 'b', 'a'], at: 3 })).toEqual([recordAtKey('a', 3), recordAtKey('b', 3)]);
  });
});

describe('the recordAt index on writes', () => {
  beforeEach(resetDb);

  it('is set on every write, whoever writes, without touching the caller’s object', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const bo = await createRecord(db, contacts, { fc_firstName: 'Bo' });
    const added = await addNote(db, [ana.id, bo.id], 'Met at the fair');
    expect('recordAt' in added).toBe(false);
    expect(((await db.activities.get(added.id)) as Stored).recordAt).toEqual([recordAtKey(ana.id, added.at), recordAtKey(bo.id, added.at)]);

    const many = [note('act_m1', [ana.id], 10), note('act_m2', [bo.id], 20)];
    await mutate(db, (w) => w.putMany('activities', many.map((doc) => ({ doc, changed: Object.keys(doc) }))));
    expect(many.some((a) => 'recordAt' in a)).toBe(false);
    expect(((await db.activities.get('act_m2')) as Stored).recordAt).toEqual([recordAtKey(bo.id, 20)]);

    // A raw Dexie write (tests, migrations) and a remote document get their keys too.
    await db.activities.put(note('act_raw', [bo.id], 30));
    expect(((await db.activities.get('act_raw')) as Stored).recordAt).toEqual([recordAtKey(bo.id, 30)]);
    const doc = note('act_remote', [ana.id], 40);
    const units = toUnits('activities', doc);
    const stamp = encodeHlc({ ms: 1_000, counter: 0, device: 'remote' });
    const remote: RemoteDoc = { table: 'activities', id: doc.id, state: { units, clocks: Object.fromEntries(Object.keys(units).map((u) => [u, stamp])), born: stamp } };
    expect((await applyRemote(db, [remote], () => {})).applied).toBe(1);
    expect(((await db.activities.get('act_remote')) as Stored).recordAt).toEqual([recordAtKey(ana.id, 40)]);
  });

  it('follows the activity when its records or time change', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const bo = await createRecord(db, contacts, { fc_firstName: 'Bo' });
    const email = { threadId: 't1', messageId: 'm1', direction: 'received' as const, from: { name: 'Ana', email: 'ana@x.io' }, to: [], cc: [], subject: 'Hi', snippet: 'Hello', date: 500 };
    await logEmail(db, email, [ana.id]);
    await logEmail(db, email, [bo.id]);
    expect(((await db.activities.get('email_m1')) as Stored).recordAt).toEqual([recordAtKey(ana.id, 500), recordAtKey(bo.id, 500)]);
    expect((await timeline(db, [bo.id])).map((a) => a.id)).toEqual(['email_m1']);
    const task = await addTask(db, [ana.id], 'Call back');
    await setTaskDone(db, task.id, true);
    expect(((await db.activities.get(task.id)) as Stored).recordAt).toEqual([recordAtKey(ana.id, task.at)]);
  });

  it('never syncs: no unit, no clock stamp, not in a GDPR export', async () => {
    await shareWorkspace(); // clock rows exist only in a shared workspace
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const added = await addNote(db, [ana.id], 'Prefers calls');
    const stored = (await db.activities.get(added.id)) as unknown as Record<string, unknown>;
    expect(stored.recordAt).toBeDefined();
    expect(toUnits('activities', stored)).not.toHaveProperty('recordAt');
    expect(Object.keys((await db.clocks.get(clockKey('activities', added.id)))!.fields)).not.toContain('recordAt');
    expect(Object.keys((await localState(db, 'activities', added.id)).units)).not.toContain('recordAt');
    const exported = await exportContact(db, ana.id);
    expect(exported.activities.map((a) => a.id)).toEqual([added.id]);
    expect(exported.activities[0]).not.toHaveProperty('recordAt');
  });

  it('live queries of the history see new entries (the keys are set above Dexie’s observation)', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const seen: string[][] = [];
    const sub = liveQuery(() => timeline(db, [ana.id])).subscribe((list) => seen.push(list.map((a) => a.id)));
    await expect.poll(() => seen.length).toBe(1);
    const added = await addNote(db, [ana.id], 'New');
    await expect.poll(() => seen.at(-1)).toEqual([added.id]);
    sub.unsubscribe();
  });
});

/** Random histories over a few records: shared activities, equal times, negative and fractional times. */
const recordPool = ['rec_a', 'rec_b', 'rec_c', 'rec_d', 'rec_e'];
const atArb = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1_600_000_000_000, max: 1_600_000_000_010 }), fc.double({ min: -50, max: 50, noNaN: true }));
const historyArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^act_[a-z0-9]{1,4}$/), recordIds: fc.subarray(recordPool, { minLength: 1, maxLength: 3 }), at: atArb }),
  { selector: (a) => a.id, maxLength: 60 },
);

describe('timeline through the recordAt index', () => {
  beforeEach(resetDb);

  it('returns what the full scan returned, for any history, records, page size and `before`', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.subarray(recordPool, { minLength: 1 }),
        fc.integer({ min: 0, max: 25 }),
        fc.option(atArb, { nil: undefined }),
        async (history, asked, limit, before) => {
          await db.activities.clear();
          await db.activities.bulkPut(history.map((h) => note(h.id, h.recordIds, h.at)));
          const page = before === undefined ? { limit } : { limit, before };
          const got = await timeline(db, asked, page);
          expect(got).toEqual(await fullScanTimeline(asked, page));
          // Paging on: the entries before the last one shown, as the old `before` paging read them.
          const last = got.at(-1);
          if (last) expect(await timeline(db, asked, { limit, before: last.at })).toEqual(await fullScanTimeline(asked, { limit, before: last.at }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads the same ids given twice once', async () => {
    await db.activities.bulkPut([note('act_1', ['rec_a', 'rec_b'], 2), note('act_2', ['rec_a'], 1)]);
    expect((await timeline(db, ['rec_a', 'rec_a', 'rec_b'])).map((a) => a.id)).toEqual(['act_1', 'act_2']);
    expect(await timeline(db, [])).toEqual([]);
  });
});
