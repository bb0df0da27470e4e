import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportRecordsCsv } from '../../storage/csv/exportCsv';
import { addField } from '../../storage/fields/fieldsAdmin';
import { readImportJob, type DedupMode } from '../../storage/csv/importJob';
import { LinkIndex } from '../../storage/csv/linkIndex';
import { LinkResolver } from '../../storage/csv/linkResolver';
import type { LinkOptions } from '../../storage/csv/links';
import { autoMap, linkIdTarget } from '../../storage/csv/mapping';
import { previewCsv } from '../../storage/csv/parse';
import { runImport } from '../../storage/csv/runImport';
import type { CrmRecord } from '../../storage/model/entities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadFolderSchema } from '../../storage/folders/schema';
import { createRecord } from '../../storage/write/records';
import { describeRowIssue } from '../../components/errors';
import { setLocale } from '../../i18n';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

async function importCsv(csv: string, opts: { dedup?: DedupMode; links?: LinkOptions; batchSize?: number; folderId?: string } = {}) {
  const folderId = opts.folderId ?? contacts;
  const { headers } = await previewCsv(csv);
  const mapping = autoMap(headers, (await loadFolderSchema(db, folderId)).fields);
  return runImport(db, {
    source: csv,
    batchSize: opts.batchSize,
    start: { folderId, file: { name: 'people.csv', size: csv.length }, headers, mapping, dedup: opts.dedup ?? 'skip', links: opts.links },
  });
}

const companyRecords = () => db.records.where('folderId').equals(companies).toArray();
const byFirstName = async () => new Map((await db.records.where('folderId').equals(contacts).toArray()).map((r) => [r.values.fc_firstName as string, r]));
const companyOf = (r: CrmRecord | undefined) => r?.values.fc_company as string[] | undefined;

describe('CSV link columns', { timeout: 30_000 }, () => {
  let acme: CrmRecord;
  let cafe: CrmRecord;
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'https://www.acme.com' });
    cafe = await createRecord(db, companies, { fo_name: 'Café Núñez' });
    await createRecord(db, companies, { fo_name: 'Globex', fo_domain: 'globex.com' });
    await createRecord(db, companies, { fo_name: 'GLOBEX', fo_domain: 'globex.io' });
  });

  it('links by title ignoring case and accents, by domain, and several names split on the separator', async () => {
    const csv = 'First name,Company\r\nA,cafe nunez\r\nB,ACME.COM\r\nC,http://acme.com/about\r\nD,Acme ; Café  Núñez\r\nE,\r\n';
    const job = await importCsv(csv);
    expect(job.counts).toMatchObject({ created: 5, bad: 0, linkedCreated: 0 });
    const people = await byFirstName();
    expect(companyOf(people.get('A'))).toEqual([cafe.id]);
    expect(companyOf(people.get('B'))).toEqual([acme.id]);
    expect(companyOf(people.get('C'))).toEqual([acme.id]);
    expect(companyOf(people.get('D'))).toEqual([acme.id, cafe.id]);
    expect(companyOf(people.get('E'))).toBeUndefined();
    expect(people.get('D')!.linkedIds.sort()).toEqual([acme.id, cafe.id].sort());
    expect(await companyRecords()).toHaveLength(4);
  });

  it('splits on "," when that is the chosen separator', async () => {
    const job = await importCsv('First name,Company\r\nA,"Acme, Café Núñez"\r\n', { links: { fc_company: { separator: ',', createMissing: false } } });
    expect(job.counts).toMatchObject({ created: 1, bad: 0 });
    expect(companyOf((await byFirstName()).get('A'))).toEqual([acme.id, cafe.id]);
  });

  it('refuses an ambiguous name, naming both candidates, and creates nothing for it', async () => {
    const job = await importCsv('First name,Company\r\nA,globex\r\n');
    expect(job.counts).toMatchObject({ created: 0, bad: 1, linkedCreated: 0 });
    const [issue] = job.issues;
    expect(issue).toMatchObject({ row: 2, column: 'Company', code: 'linkAmbiguous', params: { value: 'globex', count: 2 } });
    expect(describeRowIssue(issue!)).toMatch(/"globex" matches 2 records: (Globex \(globex\.com\) and GLOBEX \(globex\.io\)|GLOBEX \(globex\.io\) and Globex \(globex\.com\))/);
    setLocale('es');
    expect(describeRowIssue(issue!)).toMatch(/^«globex» coincide con 2 registros/);
    setLocale('en');
    expect(await companyRecords()).toHaveLength(4);
  });

  it('creates a missing company once, however often and in whatever case rows across batches name it', async () => {
    await shareWorkspace();
    const csv = 'First name,Company\r\nA,Initech\r\nB,Acme\r\nC,INITECH\r\nD,Initech; Acme\r\nE,initech.com\r\n';
    const job = await importCsv(csv, { batchSize: 2 });
    expect(job.counts).toMatchObject({ created: 5, bad: 0, linkedCreated: 2 });
    const created = (await companyRecords()).filter((c) => c.id !== acme.id && c.id !== cafe.id && !/globex/i.test(c.title));
    expect(created.map((c) => c.values).sort((a, b) => String(a.fo_name).localeCompare(String(b.fo_name)))).toEqual([
      { fo_name: 'Initech' },
      { fo_name: 'initech.com', fo_domain: 'initech.com' },
    ]);
    const initech = created.find((c) => c.values.fo_name === 'Initech')!;
    const people = await byFirstName();
    for (const name of ['A', 'C']) expect(companyOf(people.get(name))).toEqual([initech.id]);
    expect(companyOf(people.get('D'))).toEqual([initech.id, acme.id]);
    // Written through the write path like any record: its own outbox entry.
    expect((await db.outbox.toArray()).filter((e) => e.docId === initech.id)).toHaveLength(1);
  });

  it('with "create missing" off, an unknown name refuses its row with the reason', async () => {
    const job = await importCsv('First name,Company\r\nA,Initech\r\nB,Acme\r\n', { links: { fc_company: { separator: ';', createMissing: false } } });
    expect(job.counts).toMatchObject({ created: 1, bad: 1, linkedCreated: 0 });
    expect(job.issues[0]).toMatchObject({ row: 2, column: 'Company', code: 'linkNotFound', params: { value: 'Initech', folder: 'Companies' } });
    expect(describeRowIssue(job.issues[0]!)).toBe('"Initech" matches no record of Companies (keep “create missing” on to add it)');
    expect(await companyRecords()).toHaveLength(4);
  });

  it('a refused or skipped row creates no company; a later row that is written does', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Old', fc_emails: ['old@x.es'] });
    const csv = 'First name,Email,Company\r\nA,not-an-email,Hooli\r\nOld,old@x.es,Pied Piper\r\nB,b@x.es,Hooli\r\n';
    const job = await importCsv(csv, { dedup: 'skip', batchSize: 1 });
    expect(job.counts).toMatchObject({ created: 1, skipped: 1, bad: 1, linkedCreated: 1 });
    expect((await companyRecords()).map((c) => c.values.fo_name).sort()).toEqual(['Acme', 'Café Núñez', 'GLOBEX', 'Globex', 'Hooli']);
  });

  it('links a name that is an old export’s record id instead of creating a company named after it', async () => {
    const job = await importCsv(`First name,Company\r\nA,${acme.id}; ${cafe.id}\r\n`);
    expect(job.counts).toMatchObject({ created: 1, linkedCreated: 0 });
    expect(companyOf((await byFirstName()).get('A'))).toEqual([acme.id, cafe.id]);
  });

  it('a batch that fails writes none of its companies; resuming creates each exactly once', async () => {
    await shareWorkspace();
    const csv = 'First name,Company\r\nA,Initech\r\nB,Hooli\r\nC,Initech; Hooli\r\nD,hooli\r\n';
    // The second batch (row B and the Hooli it creates) dies at its outbox append.
    const realBulkAdd = db.outbox.bulkAdd.bind(db.outbox);
    let calls = 0;
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(((entries: never) => (++calls === 3 ? Promise.reject(new Error('killed')) : realBulkAdd(entries))) as never);
    const error = await importCsv(csv, { batchSize: 1 }).catch((e: unknown) => e);
    spy.mockRestore();
    expect((error as Error).message).toBe('killed');
    const [stopped] = await db.meta.where('key').startsWith('imports:').toArray();
    const job = (await readImportJob(db, (stopped!.value as { id: string }).id))!;
    expect(job).toMatchObject({ status: 'stopped', rowsDone: 1, counts: { created: 1, linkedCreated: 1 } });
    expect((await companyRecords()).map((c) => c.title).sort()).toEqual(['Acme', 'Café Núñez', 'GLOBEX', 'Globex', 'Initech']);

    const resumed = await runImport(db, { source: csv, resumeId: job.id, batchSize: 1 });
    expect(resumed.counts).toMatchObject({ created: 4, bad: 0, linkedCreated: 2 });
    const titles = (await companyRecords()).map((c) => c.title).sort();
    expect(titles).toEqual(['Acme', 'Café Núñez', 'GLOBEX', 'Globex', 'Hooli', 'Initech']);
    const hooli = (await companyRecords()).find((c) => c.title === 'Hooli')!;
    expect(companyOf((await byFirstName()).get('D'))).toEqual([hooli.id]);
    // Every stored record has its outbox entry, nothing more: the failed batch left no trace.
    expect(await db.outbox.count()).toBe(await db.records.count() - 4);
  });

  it('a link into the folder being imported finds the records earlier rows created', async () => {
    const parent = await addField(db, companies, { label: 'Parent company', type: 'link', settings: { targetFolderId: companies } } as never);
    const job = await importCsv('Name,Parent company\r\nAcme Holdings,\r\nAcme Spain,acme holdings\r\n', { folderId: companies, links: { [parent.id]: { separator: ';', createMissing: true } } });
    expect(job.counts).toMatchObject({ created: 2, bad: 0, linkedCreated: 0 });
    const all = await companyRecords();
    const holdings = all.filter((c) => c.title === 'Acme Holdings');
    expect(holdings).toHaveLength(1);
    expect(all.find((c) => c.title === 'Acme Spain')!.values[parent.id]).toEqual([holdings[0]!.id]);
  });

  it('links people by any of their emails (a deal’s main contact)', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'García', fc_emails: ['ana@acme.es', 'ana.garcia@gmail.com'] });
    const schema = await loadFolderSchema(db, deals);
    const index = await LinkIndex.build(db, await loadFolderSchema(db, contacts));
    const headers = ['Name', 'Main contact'];
    const mapping = autoMap(headers, schema.fields);
    const resolver = LinkResolver.over(new Map([[contacts, index]]), schema, mapping, undefined);
    for (const cell of ['ANA.GARCIA@gmail.com', 'ana garcía', ' Ana@Acme.es ']) {
      expect(resolver.resolve(['Deal', cell], 2, headers).values).toEqual({ fd_mainContact: [ana.id] });
    }
    // Contacts are not created from names by default: a person needs more than a name.
    expect(resolver.resolve(['Deal', 'Nobody Known'], 3, headers).issues[0]).toMatchObject({ code: 'linkNotFound', params: { folder: 'Contacts' } });
  });
});

describe('CSV export of links, and its re-import', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  async function seedLinked() {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const twin = await createRecord(db, companies, { fo_name: 'Acme' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'], fc_company: [acme.id] });
    const bea = await createRecord(db, contacts, { fc_firstName: 'Bea', fc_emails: ['bea@acme.es'], fc_company: [twin.id, acme.id] });
    const eva = await createRecord(db, contacts, { fc_firstName: 'Eva', fc_emails: ['eva@acme.es'] });
    return { acme, twin, people: [ana, bea, eva] };
  }

  it('writes titles in the link column and the ids in "Company (Threadline ID)"', async () => {
    const { acme, twin, people } = await seedLinked();
    const csv = await exportRecordsCsv(db, contacts, people, ['fc_firstName', 'fc_company']);
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual(['First name', 'Company', 'Threadline ID', 'Company (Threadline ID)']);
    expect(rows).toEqual([
      ['Ana', 'Acme', people[0]!.id, acme.id],
      ['Bea', 'Acme; Acme', people[1]!.id, `${twin.id}; ${acme.id}`],
      ['Eva', '', people[2]!.id, ''],
    ]);
    expect(autoMap(header!, (await loadFolderSchema(db, contacts)).fields)).toEqual(['fc_firstName', 'fc_company', '#id', linkIdTarget('fc_company')]);
  });

  it.each(['update', 'skip'] as const)('re-importing an export with "%s" changes nothing and keeps every link, even to same-named records', async (dedup) => {
    await shareWorkspace();
    const { people } = await seedLinked();
    const before = { records: await db.records.toArray(), outbox: await db.outbox.count() };
    const csv = await exportRecordsCsv(db, contacts, people, ['fc_firstName', 'fc_emails', 'fc_company']);
    const job = await importCsv(csv, { dedup });
    expect(job.counts).toMatchObject({ bad: 0, created: 0, updated: 0, linkedCreated: 0 });
    expect({ records: await db.records.toArray(), outbox: await db.outbox.count() }).toEqual(before);
  });

  it('without the id column, titles link again (the unambiguous ones) in another workspace', async () => {
    const { people } = await seedLinked();
    const csv = await exportRecordsCsv(db, contacts, people, ['fc_firstName', 'fc_emails', 'fc_company']);
    await resetDb();
    await createRecord(db, companies, { fo_name: 'ACME' });
    const job = await importCsv(csv);
    // The ids are unknown here: titles are used; Bea's "Acme; Acme" is one company here.
    expect(job.counts).toMatchObject({ created: 3, bad: 0, linkedCreated: 0 });
    const [acme] = await companyRecords();
    const after = await byFirstName();
    expect(companyOf(after.get('Ana'))).toEqual([acme!.id]);
    expect(companyOf(after.get('Bea'))).toEqual([acme!.id]);
  });
});
