import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../storage/backup/exportBackup';
import { BACKUP_TABLES, parseBackup } from '../../storage/backup/format';
import { applyRestore, planRestore } from '../../storage/backup/restore';
import { addNote, linkThread } from '../../storage/activities/activities';
import { addField } from '../../storage/fields/fieldsAdmin';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, deleteRecord, updateRecord } from '../../storage/write/records';
import { addLine } from '../../storage/lines/write';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) out[table] = await db.table(table).orderBy(table === 'settings' ? 'key' : 'id').toArray();
  return out;
}

/** The same data; untouched presets may differ in when they were made (the restore keeps this workspace's). */
function content(s: Record<string, unknown[]>) {
  return Object.fromEntries(Object.entries(s).map(([t, rows]) => [t, (rows as Record<string, unknown>[]).map((r) => (r.createdAt === r.updatedAt && t !== 'records' ? { ...r, createdAt: 0, updatedAt: 0 } : r))]));
}

async function backupText() {
  return (await exportBackup(db, 'Acme')).parts.join('');
}

async function restoreText(text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  const plan = await planRestore(db, parsed.backup);
  await applyRestore(db, plan);
  return plan;
}

async function fillWorkspace() {
  const number = await addField(db, contacts, { label: 'Customer no.', type: 'autoNumber' });
  const company = await createRecord(db, companies, { fo_name: 'Pasticceria Dolcè', fo_domain: 'dolce.it' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Niccolò', fc_lastName: 'Àlvarez', fc_emails: ['nico@dolce.it'], fc_company: [company.id] });
  const deal = await createRecord(db, deals, { fd_name: 'Torte 2027', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' }, fd_amount: { amount: 10940.78, currency: 'EUR' } });
  await addNote(db, [ana.id, deal.id], 'Llamar el martes — ñ €');
  await linkThread(db, 'thread_1', deal.id);
  // Line items travel with their deal (and make its amount: 2 × 5,470.39).
  await addLine(db, deal.id, { name: 'Torta nuziale', quantity: 2, unitPrice: { amount: 5470.39, currency: 'EUR' }, taxRate: 10 });
  return { number, ana, company, deal };
}

beforeEach(resetDb);

describe('backups', () => {
  it('a workspace restored into an empty one equals the original, derived indexes and history included', async () => {
    const { number } = await fillWorkspace();
    const before = await snapshot();
    const text = await backupText();
    await resetDb();
    const plan = await restoreText(text);
    expect(plan.summary.records).toEqual({ added: 3, updated: 0, kept: 0 });
    expect(content(await snapshot())).toEqual(content(before));
    const deal = (await db.records.where('folderId').equals(deals).first())!;
    expect(Object.values(deal.lines ?? {}).map((l) => [l.name, l.quantity])).toEqual([['Torta nuziale', 2]]);
    expect(deal.values.fd_amount).toEqual({ amount: 10940.78, currency: 'EUR' });
    // A new contact does not reuse the restored customer number.
    const next = await createRecord(db, contacts, { fc_firstName: 'Bea' });
    expect(next.values[number.id]).toBe(2);
  });

  it('merging keeps what is newer here, takes what is newer in the backup, and adds what is missing', async () => {
    const { ana, company } = await fillWorkspace();
    const text = await backupText();
    await updateRecord(db, ana.id, { fc_lastName: 'Newer here' });
    const gone = await createRecord(db, contacts, { fc_firstName: 'Only here' });
    await deleteRecord(db, company.id); // lost here: the backup has it
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error('unreadable');
    const plan = await planRestore(db, parsed.backup);
    expect(plan.summary.records).toEqual({ added: 1, updated: 0, kept: 2 });
    await applyRestore(db, plan);
    expect((await db.records.get(ana.id))?.values.fc_lastName).toBe('Newer here');
    expect((await db.records.get(company.id))?.title).toBe('Pasticceria Dolcè');
    expect(await db.records.get(gone.id)).toBeDefined();
  });

  it.each([
    ['not JSON', (t: string) => t.slice(0, -3), { code: 'notJson' }],
    ['another format', () => JSON.stringify({ format: 'hubspot', version: 1, exportedAt: 1, tables: {} }), { code: 'foreign' }],
    ['a newer version', (t: string) => t.replace('"version":1', '"version":9'), { code: 'newerVersion', version: 9 }],
    ['a broken record', (t: string) => t.replace('"stats":{', '"stats":7,"x":{'), { code: 'damaged', table: 'records' }],
    ['a bad value', (t: string) => t.replace('"nico@dolce.it"', '"not an email"'), { code: 'badValue', issue: 'invalidEmail' }],
    ['a record without its folder', (t: string) => t.replace(/"folderId":"folder_companies"/g, '"folderId":"folder_gone"'), { code: 'orphanRecord', folderId: 'folder_gone' }],
  ])('refuses %s with its reason and writes nothing', async (_name, damage, problem) => {
    await fillWorkspace();
    const text = damage(await backupText());
    await resetDb();
    const before = await snapshot();
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject(problem);
    expect(await snapshot()).toEqual(before);
  });

  it('a record that misses a field made mandatory after it was saved still restores', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const text = (await backupText()).replace(/"mandatory":false/, '"mandatory":true');
    await resetDb();
    await restoreText(text);
    expect(await db.records.count()).toBe(1);
  });

  it('in a shared workspace the restored rows are queued for the team', async () => {
    await fillWorkspace();
    const text = await backupText();
    await resetDb();
    await shareWorkspace();
    await restoreText(text);
    const queued = await db.outbox.where('table').equals('records').count();
    expect(queued).toBe(3);
  });
});
