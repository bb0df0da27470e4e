import { beforeEach, describe, expect, it } from 'vitest';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

beforeEach(resetDb);

describe('the records index middleware', () => {
  it('lets a delete outside an explicit transaction through (it lost Dexie’s zone and threw)', async () => {
    const a = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const b = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Bea' });
    await db.records.delete(a.id);
    await db.records.bulkDelete([b.id]);
    expect(await db.records.bulkGet([a.id, b.id])).toEqual([undefined, undefined]);
  });

  it('still refuses a put outside a transaction that holds the folders and fields', async () => {
    const a = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await expect(db.records.put({ ...a, values: { fc_firstName: 'Bea' } })).rejects.toThrow(/folders and fields/);
  });
});
