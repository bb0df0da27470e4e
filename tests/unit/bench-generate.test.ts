import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../storage/model/entities';
import { recordSchema } from '../../storage/model/recordSchema';
import { presetFields, presetFolders, presetPipelines } from '../../storage/folders/presets';
import { activity, activityOwner, chunk, company, contact, deal, LONG_HISTORY_EVERY, type Scale } from '../../bench/generate';
import { csvContacts } from '../../bench/csvRows';
import { benchThread } from '../../bench/threads';
import { parseThreadContext } from '../../messaging/protocol';

const SCALE: Scale = { contacts: 500, companies: 100, deals: 200, activities: 5_000 };
const folders = presetFolders(0);
const fields = presetFields(0);
const ctx = { pipelines: presetPipelines(0) };

describe('bench workspace generator', () => {
  it('produces the same records for the same seed and different ones for another seed', () => {
    expect(chunk(7, 'contacts', 0, 50, SCALE)).toEqual(chunk(7, 'contacts', 0, 50, SCALE));
    expect(chunk(7, 'activities', 100, 150, SCALE)).toEqual(chunk(7, 'activities', 100, 150, SCALE));
    expect(contact(8, 3, SCALE).title).not.toEqual(contact(7, 3, SCALE).title);
  });

  it('generates a chunk the same whether alone or as part of a larger range', () => {
    // The product catalogue travels with the first deals chunk (bench/generate.ts): compare the deals.
    const deals = (from: number, to: number) => chunk(7, 'deals', from, to, SCALE).filter((r) => (r as { folderId?: string }).folderId === 'folder_deals');
    expect(deals(40, 60)).toEqual(deals(0, 100).slice(40, 60));
    expect(deals(40, 60)).toHaveLength(20);
  });

  it('stores records that pass their folder schema, with indexes derived from the values', () => {
    for (const record of [contact(7, 11, SCALE), company(7, 5), deal(7, 9, SCALE)]) {
      const folder = folders.find((f) => f.id === record.folderId)!;
      expect(recordSchema(folder, fields, ctx).safeParse(record.values).success).toBe(true);
    }
    const c = contact(7, 11, SCALE);
    expect(c.emails).toEqual([(c.values.fc_emails as string[])[0]]);
    expect(c.domains).toEqual([c.emails[0]!.split('@')[1]]);
    expect(c.linkedIds).toEqual(c.values.fc_company);
  });

  it('stores activities that pass the activity schema, with long histories on every 50th contact', () => {
    for (let j = 0; j < 200; j += 7) expect(activitySchema.safeParse(activity(7, j, SCALE)).success).toBe(true);
    const owners = Array.from({ length: SCALE.activities }, (_, j) => activityOwner(7, j, SCALE));
    const longOwner = owners.filter((o) => o === LONG_HISTORY_EVERY).length;
    const ordinary = owners.filter((o) => o === LONG_HISTORY_EVERY + 1).length;
    expect(longOwner).toBeGreaterThan(10 * Math.max(1, ordinary));
  });

  it('builds valid thread contexts of the requested size from seeded people', () => {
    for (const size of [1, 5, 50]) {
      const thread = benchThread(7, 2, size, SCALE);
      expect(parseThreadContext(thread).ok).toBe(true);
      expect(new Set([thread.messages[0]!.from, ...thread.messages[0]!.cc].map((p) => p.email)).size).toBeLessThanOrEqual(size);
      expect(thread.messages[0]!.cc).toHaveLength(size - 1);
    }
  });

  it('writes CSV rows where every 10th is an existing contact', () => {
    const { csv, records } = csvContacts(7, 30, SCALE);
    expect(csv.split('\n')).toHaveLength(31);
    const existing = new Set(Array.from({ length: SCALE.contacts }, (_, i) => contact(7, i, SCALE).emails[0]));
    expect(records.filter((r) => existing.has((r.fc_emails as string[])[0])).length).toBe(3);
  });
});
