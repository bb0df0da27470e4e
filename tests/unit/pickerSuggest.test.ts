import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import type { CrmRecord } from '../../storage/model/entities';
import { searchRecords } from '../../storage/search';
import { suggestRecords } from '../../storage/search/suggest';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

describe('picker suggestions', () => {
  it('come from one folder, with a line that tells them apart: email, domain or stage', async () => {
    await resetDb();
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.com' });
    await createRecord(db, contacts, { fc_firstName: 'Acme', fc_lastName: 'Fan', fc_emails: ['fan@acme.com'] });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@globex.io'], fc_company: [acme.id] });
    await createRecord(db, deals, { fd_name: 'Acme renewal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'qualified' } });

    expect(await suggestRecords(db, companies, 'acm')).toEqual([{ id: acme.id, title: 'Acme', secondary: 'acme.com' }]);
    expect(await suggestRecords(db, deals, 'acme')).toEqual([expect.objectContaining({ title: 'Acme renewal', secondary: 'Qualified' })]);
    // In a contact picker, "Acme" also finds Acme's people, after the direct hits.
    expect((await suggestRecords(db, contacts, 'acme')).map((s) => [s.title, s.secondary])).toEqual([['Acme Fan', 'fan@acme.com'], ['Ana', 'ana@globex.io']]);
    // Nothing typed: the folder's most recently changed records.
    expect((await suggestRecords(db, contacts, '')).map((s) => s.id)[0]).toBe(ana.id);
  });

  it('at 80,000 records: first suggestions from the index (timings printed, not asserted)', { timeout: 600_000 }, async () => {
    await resetDb();
    const now = Date.now();
    const names = ['García', 'Rossi', 'Smith', 'Müller', 'Lopez', 'Bianchi', 'Martin', 'Ferrari', 'Jones', 'Moreno'];
    const rows: CrmRecord[] = Array.from({ length: 80_000 }, (_, i) => {
      const company = i % 8 === 0;
      const title = company ? `${names[i % 10]} ${i} Group` : `Person${i} ${names[i % 10]}`;
      return {
        id: `rec_${String(i).padStart(6, '0')}`, folderId: company ? companies : contacts, title,
        values: company ? { fo_name: title, fo_domain: `c${i}.com` } : { fc_firstName: `Person${i}`, fc_lastName: names[i % 10]!, fc_emails: [`p${i}@mail.test`] },
        emails: company ? [] : [`p${i}@mail.test`], domains: company ? [`c${i}.com`] : [], linkedIds: [], stats: {}, createdAt: now, updatedAt: now - i,
      };
    });
    for (let i = 0; i < rows.length; i += 10_000) await db.transaction('rw', db.records, db.folders, db.fields, () => db.records.bulkAdd(rows.slice(i, i + 10_000)));
    const built = performance.now();
    await searchRecords(db, 'warm-up');
    const buildMs = performance.now() - built;

    // What a person types into a company picker, one keystroke at a time.
    const typed = ['g', 'ga', 'gar', 'garc', 'r', 'ro', 'ros', 'm', 'mu', 'mül', 'smith 8', 'lo', 'fer', 'jo', 'c8', 'b', 'bi', 'bia', 'mo', 'mor'];
    const times: number[] = [];
    let found = 0;
    for (let round = 0; round < 5; round++) {
      for (const q of typed) {
        const t0 = performance.now();
        found += (await suggestRecords(db, companies, q)).length;
        times.push(performance.now() - t0);
      }
    }
    const index: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of typed) {
        const t0 = performance.now();
        await searchRecords(db, q, 8, companies);
        index.push(performance.now() - t0);
      }
    }
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(1);
    console.log(
      `picker suggestions at 80,000 records: p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms over ${times.length} keystrokes ` +
        `(the index's part: p50 ${pct(index, 50)} ms, p95 ${pct(index, 95)} ms; index built once in ${buildMs.toFixed(0)} ms)`,
    );
    expect(found).toBeGreaterThan(0);
    // Scoped answers are the all-folder ranking cut to the folder (no links here, so no linked hits).
    for (const q of typed) {
      const scoped = (await searchRecords(db, q, 8, companies)).map((h) => h.id);
      const all = (await searchRecords(db, q, 100_000)).filter((h) => h.folderId === companies).slice(0, 8).map((h) => h.id);
      expect(scoped, q).toEqual(all);
    }
    const hits = await suggestRecords(db, companies, 'smith');
    expect(hits.length).toBe(8);
    expect(hits.every((h) => h.title.includes('Smith') && h.secondary.endsWith('.com'))).toBe(true);
  });
});
