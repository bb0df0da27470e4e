import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFolderSchema } from '../../storage/folders/schema';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { firstPageIds, FolderKeys, indexedIds, planIndexed, recordsByIds } from '../../storage/queries/tableRows';
import { readStats, resetReadStats } from '../../storage/queries/readStats';
import { changedKeys } from '../../storage/queries/changedKeys';
import { FolderIndex } from '../../storage/views/folderIndex';
import { runView, type ViewQuery } from '../../storage/views/viewQuery';
import { addField } from '../../storage/fields/fieldsAdmin';
import { createRecord, removeRecordsIn, updateRecord } from '../../storage/write/records';
import { mutate } from '../../storage/write/mutate';
import { db, resetDb } from '../support/db';

const { contacts } = PRESET_FOLDER_IDS;
const names = ['Cleo', 'ana', 'Émile', 'Beatriz', 'item 10', 'item 9', 'Bob'];

async function seed() {
  const score = await addField(db, contacts, { label: 'Score', type: 'number' });
  const made = [];
  for (const [i, n] of names.entries()) {
    made.push(await createRecord(db, contacts, { fc_firstName: n, ...(i % 3 === 2 ? {} : { [score.id]: (i * 7) % 5 - 2 }), ...(i % 2 ? { fc_lastName: `López ${i}` } : {}) }));
  }
  return { score: score.id, made };
}

/** What the whole-folder engine shows for the query: what the index path must match. */
async function expected(query: ViewQuery) {
  const schema = await loadFolderSchema(db, contacts);
  const all = (await db.records.where('folderId').equals(contacts).toArray()).sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
  return runView(all, schema.fields, query, { now: Date.now(), pipelines: schema.pipelines }).records.map((r) => r.values.fc_firstName);
}

async function viaIndex(query: ViewQuery) {
  const schema = await loadFolderSchema(db, contacts);
  const plan = planIndexed(contacts, query, schema.fields);
  expect(plan, JSON.stringify(query)).toBeDefined();
  const ids = await indexedIds(db, plan!);
  return (await recordsByIds(db, ids)).map((r) => r!.values.fc_firstName);
}

describe('rows read through the sort-key index', () => {
  beforeEach(resetDb);

  it('sorts by a field either way with empties last, and filters by key ranges, as the in-memory engine does', async () => {
    const { score } = await seed();
    resetReadStats();
    const queries: ViewQuery[] = [
      { filters: [], sort: [] },
      { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }] },
      { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'desc' }] },
      { filters: [], sort: [{ fieldId: 'fc_lastName', direction: 'asc' }] },
      { filters: [], sort: [{ fieldId: 'fc_lastName', direction: 'desc' }] },
      { filters: [{ fieldId: 'fc_firstName', op: 'startsWith', value: 'item' }], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }] },
      { filters: [{ fieldId: 'fc_firstName', op: 'is', value: 'EMILE' }], sort: [] },
      { filters: [{ fieldId: score, op: 'gte', value: 0 }], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }] },
      { filters: [{ fieldId: score, op: 'lt', value: '' }], sort: [{ fieldId: score, direction: 'desc' }] },
      { filters: [{ fieldId: score, op: 'isNotEmpty', value: null }], sort: [] },
    ];
    for (const q of queries) {
      // Equal scores tie: compare the multiset then, the order elsewhere.
      const [a, b] = [await viaIndex(q), await expected(q)];
      if (q.sort[0]?.fieldId === score) expect([...a].sort()).toEqual([...b].sort());
      else expect(a, JSON.stringify(q)).toEqual(b);
    }
    expect(readStats().materialised.wholeFolder).toBe(0);
  });

  it('gives a sorted view the first page from a bounded read, and keeps the folder key lists until invalidated', async () => {
    await seed();
    const schema = await loadFolderSchema(db, contacts);
    const plan = (q: ViewQuery) => planIndexed(contacts, q, schema.fields)!;
    const firstNames = async (ids: string[] | undefined) => (ids ? (await recordsByIds(db, ids)).map((r) => r!.values.fc_firstName) : undefined);
    for (const q of [
      { filters: [], sort: [] },
      { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'asc' as const }] },
      { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'desc' as const }] },
    ]) expect(await firstNames(await firstPageIds(db, plan(q), 3)), JSON.stringify(q)).toEqual((await expected(q)).slice(0, 3));
    // Fewer keyed values than a page (empties follow), or a filter: the whole order is needed.
    expect(await firstPageIds(db, plan({ filters: [], sort: [{ fieldId: 'fc_lastName', direction: 'asc' }] }), 4)).toBeUndefined();
    expect(await firstPageIds(db, plan({ filters: [{ fieldId: 'fc_firstName', op: 'is', value: 'Bob' }], sort: [] }), 3)).toBeUndefined();

    const keys = new FolderKeys(db, contacts);
    const byName = plan({ filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'desc' }] });
    const before = await indexedIds(db, byName, keys);
    await createRecord(db, contacts, { fc_firstName: 'Zed' });
    // Held: the new record is not seen until the lists are invalidated (the table does on every change).
    expect(await indexedIds(db, byName, keys)).toEqual(before);
    keys.invalidate();
    expect((await firstNames(await indexedIds(db, byName, keys)))![0]).toBe('Zed');
    expect(await keys.count()).toBe(names.length + 1);
  });

  it('follows inserts, updates and deletes in its held lists in place, as a fresh read of the index orders them', async () => {
    const { score, made } = await seed();
    for (let i = 0; i < 90; i++) made.push(await createRecord(db, contacts, { fc_firstName: `p${(i * 37) % 90}`, ...(i % 4 ? { [score]: i % 7 } : {}) }));
    const schema = await loadFolderSchema(db, contacts);
    const queries: ViewQuery[] = [
      { filters: [], sort: [] },
      { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }] },
      { filters: [], sort: [{ fieldId: 'fc_lastName', direction: 'desc' }] },
      { filters: [], sort: [{ fieldId: score, direction: 'asc' }] },
      { filters: [{ fieldId: score, op: 'gte', value: 3 }], sort: [{ fieldId: 'fc_firstName', direction: 'desc' }] },
      { filters: [{ fieldId: 'fc_firstName', op: 'startsWith', value: 'p' }], sort: [] },
    ];
    const plans = queries.map((q) => planIndexed(contacts, q, schema.fields)!);
    const keys = new FolderKeys(db, contacts);
    for (const p of plans) await indexedIds(db, p, keys);
    const check = async (changed: string[]) => {
      keys.apply(changed);
      const where = vi.spyOn(db.records, 'where');
      const held = await Promise.all(plans.map((p) => indexedIds(db, p, keys)));
      // No list is read again: the change cost record reads only.
      expect(where).not.toHaveBeenCalled();
      where.mockRestore();
      for (const [i, p] of plans.entries()) expect(held[i], JSON.stringify(queries[i])).toEqual(await indexedIds(db, p));
      expect(await keys.count()).toBe(await db.records.where('folderId').equals(contacts).count());
    };
    const added = await createRecord(db, contacts, { fc_firstName: 'Aaron', [score]: 5 });
    await check([added.id]);
    await updateRecord(db, made[40]!.id, { fc_firstName: 'zz top', [score]: -9 });
    await updateRecord(db, made[3]!.id, { fc_lastName: 'Aa' });
    await check([made[40]!.id, made[3]!.id]);
    await updateRecord(db, made[70]!.id, { [score]: null, fc_firstName: 'qq' }); // leaves the score list and both filters
    await mutate(db, (w) => removeRecordsIn(w, [made[10]!.id, added.id]));
    await check([made[70]!.id, made[10]!.id, added.id, 'rec_elsewhere']);
    // A remote write keeping its own, older time goes back to its place, not to the front.
    const old = made[50]!;
    await db.transaction('rw', db.records, db.folders, db.fields, () => db.records.put({ ...old, values: { ...old.values, fc_firstName: 'b old' }, updatedAt: made[20]!.updatedAt }));
    await check([old.id]);
  });

  it('leaves contains, several sort keys and dropdowns to the in-memory index', async () => {
    const schema = await loadFolderSchema(db, contacts);
    expect(planIndexed(contacts, { filters: [{ fieldId: 'fc_firstName', op: 'contains', value: 'a' }], sort: [] }, schema.fields)).toBeUndefined();
    expect(planIndexed(contacts, { filters: [], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }, { fieldId: 'fc_lastName', direction: 'asc' }] }, schema.fields)).toBeUndefined();
    expect(planIndexed(contacts, { filters: [], sort: [{ fieldId: 'fc_lifecycleStage', direction: 'asc' }] }, schema.fields)).toBeUndefined();
    // A filter still being typed is not applied, so the index serves the view.
    expect(planIndexed(contacts, { filters: [{ fieldId: 'fc_firstName', op: 'contains', value: ' ' }], sort: [] }, schema.fields)).toBeDefined();
  });
});

describe('the in-memory folder index', () => {
  beforeEach(resetDb);

  it('is built once, then follows inserts, updates and deletes from the changed keys alone', async () => {
    const { made } = await seed();
    const schema = await loadFolderSchema(db, contacts);
    const index = new FolderIndex(contacts);
    const progress: number[] = [];
    resetReadStats();
    await index.build(db, (p) => progress.push(p), undefined, () => Promise.resolve());
    expect(progress.at(-1)).toBe(1);
    expect(readStats().wholeFolderReads).toBe(1);
    const q: ViewQuery = { filters: [{ fieldId: 'fc_firstName', op: 'contains', value: 'e' }], sort: [{ fieldId: 'fc_firstName', direction: 'asc' }] };
    const names = () => index.run(q, schema.fields, { now: Date.now(), pipelines: [] }).records.map((r) => r.values.fc_firstName);
    expect(names()).toEqual(['Beatriz', 'Cleo', 'Émile', 'item 10', 'item 9'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));

    const added = await createRecord(db, contacts, { fc_firstName: 'Elena' });
    await updateRecord(db, made[0]!.id, { fc_firstName: 'Zoe' }); // Cleo becomes Zoe: still matches, sorts last
    await mutate(db, (w) => removeRecordsIn(w, [made[3]!.id])); // Beatriz
    resetReadStats();
    await index.apply(db, [added.id, made[0]!.id, made[3]!.id]);
    expect(readStats()).toMatchObject({ wholeFolderReads: 0, materialised: { changed: 3, folderIndex: 0 } });
    expect(names()).toEqual(['Elena', 'Émile', 'item 9', 'item 10', 'Zoe']);
  });

  it('reads the changed keys from a change feed entry', () => {
    const tree = { from: 'rec_b', to: 'rec_b', l: { from: 'rec_a', to: 'rec_a' }, r: null };
    expect(changedKeys({ 'idb://threadline/records/': tree } as never, 'threadline', 'records')).toEqual(new Set(['rec_a', 'rec_b']));
    expect(changedKeys({ 'idb://threadline/records/': { from: '', to: [[]] } } as never, 'threadline', 'records')).toBe('all');
    expect(changedKeys({ 'idb://threadline/views/': tree } as never, 'threadline', 'records')).toBeUndefined();
  });
});
