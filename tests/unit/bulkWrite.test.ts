import type { DBCore, Middleware } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { autoMap } from '../../storage/csv/mapping';
import { previewCsv } from '../../storage/csv/parse';
import { runImport } from '../../storage/csv/runImport';
import type { CrmRecord } from '../../storage/model/entities';
import { mutate } from '../../storage/write/mutate';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts } = PRESET_FOLDER_IDS;

function contact(id: string, firstName: string): CrmRecord {
  return { id, folderId: contacts, values: { fc_firstName: firstName }, stats: {}, createdAt: 1, updatedAt: 1, title: firstName, emails: [], domains: [], linkedIds: [] };
}

/** Outbox entries and clock rows without the parts that differ from run to run (stamps, ids of mutations). */
async function writeTrace() {
  const outbox = (await db.outbox.toArray()).map(({ table, docId, op, changed }) => ({ table, docId, op, changed }));
  const clocks = (await db.clocks.toArray()).map((row) => ({ key: row.key, units: Object.keys(row.fields).sort(), born: !!row.born }));
  return { outbox, clocks: clocks.sort((a, b) => a.key.localeCompare(b.key)) };
}

async function importCsv(csv: string) {
  const { headers } = await previewCsv(csv);
  const mapping = autoMap(headers, (await loadFolderSchema(db, contacts)).fields);
  return runImport(db, { source: csv, start: { folderId: contacts, file: { name: 'p.csv', size: csv.length }, headers, mapping, dedup: 'update' } });
}

/** The stamps and entries compared below are written only in a shared workspace. */
async function sharedDb() {
  await resetDb();
  await shareWorkspace(db);
}

describe('bulk writes (Writer.putMany)', () => {
  beforeEach(sharedDb);

  it('leave the same outbox entries and clock stamps as one put per document', async () => {
    const docs = [contact('rec_a', 'Ana'), contact('rec_b', 'Bea')];
    await mutate(db, async (w) => {
      for (const doc of docs) await w.put('records', doc, ['fc_firstName']);
    });
    await mutate(db, (w) => w.put('records', { ...docs[0]!, values: { fc_firstName: 'Anna' } }, ['fc_firstName']));
    const oneByOne = await writeTrace();

    await sharedDb();
    await mutate(db, (w) => w.putMany('records', docs.map((doc) => ({ doc, changed: ['fc_firstName'] }))));
    await mutate(db, (w) => w.putMany('records', [{ doc: { ...docs[0]!, values: { fc_firstName: 'Anna' } }, changed: ['fc_firstName'] }]));
    expect(await writeTrace()).toEqual(oneByOne);
    // Every stamp is distinct and the second edit's stamp is later than the creation's.
    const row = await db.clocks.get('records/rec_a');
    expect(row!.fields['values.fc_firstName']! > row!.born!).toBe(true);
  });

  it('skip the reads for fresh ids and stamp them exactly as read-then-written new documents', async () => {
    const docs = [contact('rec_a', 'Ana'), contact('rec_b', 'Bea'), contact('rec_c', 'Cai')];
    await mutate(db, (w) => w.putMany('records', docs.map((doc) => ({ doc, changed: ['fc_firstName'] }))));
    const read = await writeTrace();

    await sharedDb();
    const gets: string[] = [];
    const countGets: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'count-gets',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, getMany: (req) => (req.keys.forEach((k) => gets.push(`${name}/${String(k)}`)), table.getMany(req)) };
        },
      }),
    };
    db.close();
    db.use(countGets);
    await db.open();
    try {
      // rec_b is not fresh (say, an id from a file): it alone is read.
      await mutate(db, (w) => w.putMany('records', docs.map((doc) => ({ doc, changed: ['fc_firstName'], fresh: doc.id !== 'rec_b' }))));
    } finally {
      db.close();
      db.unuse({ stack: 'dbcore', name: 'count-gets' });
      await db.open();
    }
    expect(await writeTrace()).toEqual(read);
    expect(gets.filter((g) => g.includes('rec_a') || g.includes('rec_c'))).toEqual([]);
    expect(gets.filter((g) => g.includes('rec_b'))).toHaveLength(2);
  });

  it('refuse the same document twice in one call, writing nothing', async () => {
    const doc = contact('rec_a', 'Ana');
    await expect(mutate(db, (w) => w.putMany('records', [{ doc, changed: [] }, { doc, changed: [] }]))).rejects.toThrow(/twice/);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('a CSV batch written in bulk', () => {
  beforeEach(resetDb);

  it('writes a record once when a later row of the batch updates a row it created', async () => {
    await shareWorkspace(db);
    const job = await importCsv('First name,Last name,Email\r\nAna,,ana@acme.es\r\nAna,Ruiz,ana@acme.es\r\n');
    expect(job.counts).toMatchObject({ created: 1, updated: 1 });
    const [record] = await db.records.toArray();
    expect(record!.values).toMatchObject({ fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
    expect((await db.outbox.toArray()).filter((e) => e.docId === record!.id)).toHaveLength(1);
  });

  it('numbers new records in row order, across batches and after records created one by one', async () => {
    const now = Date.now();
    await db.fields.add({ id: 'fc_no', folderId: contacts, key: 'no', label: 'No.', type: 'autoNumber', mandatory: false, hidden: false, order: 99, settings: {}, createdAt: now, updatedAt: now });
    await createRecord(db, contacts, { fc_firstName: 'First' });
    const rows = Array.from({ length: 450 }, (_, i) => `P${i},p${i}@x.es`).join('\r\n');
    await importCsv(`First name,Email\r\n${rows}\r\n`);
    const numbers = new Map((await db.records.toArray()).map((r) => [r.values.fc_firstName, r.values.fc_no]));
    expect(numbers.get('First')).toBe(1);
    expect(numbers.get('P0')).toBe(2);
    expect(numbers.get('P449')).toBe(451);
    expect(new Set(numbers.values()).size).toBe(451);
  });
});

describe('a record holding a value of a field deleted elsewhere', () => {
  beforeEach(resetDb);

  it('can still be edited; the stale value is dropped', async () => {
    const now = Date.now();
    await db.fields.add({ id: 'fc_gone', folderId: contacts, key: 'gone', label: 'Gone', type: 'text', mandatory: false, hidden: false, order: 99, settings: {}, createdAt: now, updatedAt: now });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_gone: 'x' });
    // As a teammate's field deletion arrives by sync: the field is gone, the value is still stored.
    await mutate(db, (w) => w.remove('fields', 'fc_gone'));
    expect((await db.records.get(ana.id))!.values.fc_gone).toBe('x');
    const next = await updateRecord(db, ana.id, { fc_lastName: 'Ruiz' });
    expect(next.values).toEqual({ fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
    // An edit naming an unknown field is still refused.
    await expect(updateRecord(db, ana.id, { fc_gone: 'y' })).rejects.toThrow(/fc_gone|unknown/i);
  });
});
