import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { addLine, moveLine, removeLine, updateLine } from '../../../storage/lines/write';
import { orderedLines } from '../../../storage/lines/line';
import { RecordValidationError } from '../../../storage/model/recordSchema';
import { applyRemote, type RemoteDoc } from '../../../sync/applyRemote';
import { clockKey } from '../../../storage/replica/clocks';
import { encodeHlc } from '../../../storage/replica/hlc';
import { toUnits } from '../../../storage/replica/units';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../../support/db';

const { deals, products, contacts } = PRESET_FOLDER_IDS;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const stage = { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } };

async function catalogue() {
  const licence = await createRecord(db, products, { fp_name: 'Licencia anual', fp_sku: 'LIC-1', fp_unitPrice: eur(1200), fp_taxRate: 21, fp_active: true });
  const training = await createRecord(db, products, { fp_name: 'Formación', fp_unitPrice: eur(450), fp_active: true });
  return { licence, training };
}
const amountOf = async (id: string) => (await db.records.get(id))!.values.fd_amount;

describe('line items on a deal', () => {
  beforeEach(resetDb);

  it('add from the catalogue with its name, code, price and tax, and the amount follows every change', async () => {
    const { licence, training } = await catalogue();
    const deal = await createRecord(db, deals, { fd_name: 'Feria Valencia', fd_amount: eur(999), ...stage });
    const a = await addLine(db, deal.id, { productId: licence.id, quantity: 2 });
    expect(a).toMatchObject({ productId: licence.id, name: 'Licencia anual', sku: 'LIC-1', unitPrice: eur(1200), taxRate: 21, quantity: 2 });
    expect(await amountOf(deal.id)).toEqual(eur(2400));
    const b = await addLine(db, deal.id, { productId: training.id, quantity: 3, discount: { kind: 'percent', value: 10 } });
    expect(await amountOf(deal.id)).toEqual(eur(2400 + 1215));
    await updateLine(db, deal.id, b.id, { quantity: 1, unitPrice: eur(500), discount: null });
    expect(await amountOf(deal.id)).toEqual(eur(2900));
    await moveLine(db, deal.id, b.id, 0);
    expect(orderedLines((await db.records.get(deal.id))!.lines).map((l) => l.id)).toEqual([b.id, a.id]);
    await removeLine(db, deal.id, a.id);
    expect(await amountOf(deal.id)).toEqual(eur(500));
    // The last line gone, the deal keeps its amount, which can be typed again.
    await removeLine(db, deal.id, b.id);
    expect((await db.records.get(deal.id))!.lines).toBeUndefined();
    await updateRecord(db, deal.id, { fd_amount: eur(750) });
    expect(await amountOf(deal.id)).toEqual(eur(750));
  });

  it('refuses a typed amount while the deal has lines, and keeps the product’s copy after it is renamed', async () => {
    const { licence } = await catalogue();
    const deal = await createRecord(db, deals, { fd_name: 'Roma', fd_amount: eur(1), ...stage });
    await addLine(db, deal.id, { productId: licence.id, quantity: 1 });
    await expect(updateRecord(db, deal.id, { fd_amount: eur(5) })).rejects.toMatchObject({ issues: [{ fieldId: 'fd_amount', code: 'fromLines' }] });
    await updateRecord(db, deal.id, { fd_name: 'Roma 2027' }); // other fields stay editable, the lines stay
    await updateRecord(db, licence.id, { fp_name: 'Licenza annuale' });
    const stored = (await db.records.get(deal.id))!;
    expect(orderedLines(stored.lines)[0]!.name).toBe('Licencia anual');
    expect(stored.values.fd_amount).toEqual(eur(1200));
  });

  it('refuses a line in another currency than the deal’s, naming both, and bad quantities; nothing else is lost', async () => {
    const deal = await createRecord(db, deals, { fd_name: 'Milano', fd_amount: eur(100), ...stage });
    const ok = await addLine(db, deal.id, { name: 'Consulenza', quantity: 1, unitPrice: eur(80) });
    const usd = addLine(db, deal.id, { name: 'US seat', quantity: 1, unitPrice: { amount: 10, currency: 'USD' } });
    await expect(usd).rejects.toBeInstanceOf(RecordValidationError);
    await expect(usd).rejects.toMatchObject({ issues: [{ label: 'US seat', code: 'lineCurrency', params: { lineCurrency: 'USD', dealCurrency: 'EUR' } }] });
    await expect(updateLine(db, deal.id, ok.id, { quantity: 0 })).rejects.toBeInstanceOf(RecordValidationError);
    const stored = (await db.records.get(deal.id))!;
    expect(Object.keys(stored.lines!)).toEqual([ok.id]);
    expect(stored.values.fd_amount).toEqual(eur(80));
  });

  it('only deals carry lines', async () => {
    const contact = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    await expect(addLine(db, contact.id, { name: 'X', quantity: 1, unitPrice: eur(1) })).rejects.toThrow(/only deals/);
  });
});

describe('two devices editing two lines of one deal', () => {
  beforeEach(async () => {
    await resetDb();
    await shareWorkspace(db);
  });

  it('each line is its own merge unit: both edits survive, and the merged deal stores its lines’ sum, stamped to sync', async () => {
    const deal = await createRecord(db, deals, { fd_name: 'Feria', fd_amount: eur(0), ...stage });
    const a = await addLine(db, deal.id, { name: 'A', quantity: 1, unitPrice: eur(100) });
    const b = await addLine(db, deal.id, { name: 'B', quantity: 1, unitPrice: eur(10) });
    // Here, line A goes to 3 (amount 310); the other device changed line B to 5 (amount 150) at the same time.
    await updateLine(db, deal.id, a.id, { quantity: 3 });
    const mine = (await db.records.get(deal.id))!;
    const local = (await db.clocks.get(clockKey('records', deal.id)))!;
    const later = encodeHlc({ ms: Date.now() + 60_000, counter: 0, device: 'other' });
    const theirs = { ...mine, lines: { [a.id]: { ...a }, [b.id]: { ...b, quantity: 5 } }, values: { ...mine.values, fd_amount: eur(150) } };
    const units = toUnits('records', theirs);
    const clocks = { ...local.fields, [`lines.${b.id}`]: later, 'values.fd_amount': later };
    const doc: RemoteDoc = { table: 'records', id: deal.id, state: { units: { ...units, [`lines.${a.id}`]: toUnits('records', mine)[`lines.${a.id}`] }, clocks, born: local.born } };
    await db.outbox.clear();
    await applyRemote(db, [doc], () => {});
    const merged = (await db.records.get(deal.id))!;
    expect(merged.lines![a.id]!.quantity).toBe(3);
    expect(merged.lines![b.id]!.quantity).toBe(5);
    expect(merged.values.fd_amount).toEqual(eur(350));
    // The repair is a local write, queued like any other, so the server ends with the same sum.
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => e.docId)).toEqual([deal.id]);
    const after = (await db.clocks.get(clockKey('records', deal.id)))!;
    expect(after.fields['values.fd_amount']! > later).toBe(true);
  });

  it('a remote change of the amount alone (a version before lines) is put back to the lines’ sum', async () => {
    await shareWorkspace();
    const deal = await createRecord(db, deals, { fd_name: 'Feria', fd_amount: eur(0), ...stage });
    await addLine(db, deal.id, { name: 'A', quantity: 2, unitPrice: eur(100) });
    const local = (await db.clocks.get(clockKey('records', deal.id)))!;
    const later = encodeHlc({ ms: Date.now() + 60_000, counter: 0, device: 'old' });
    const units = { ...toUnits('records', (await db.records.get(deal.id))!), 'values.fd_amount': eur(999) };
    const doc: RemoteDoc = { table: 'records', id: deal.id, state: { units, clocks: { ...local.fields, 'values.fd_amount': later }, born: local.born } };
    await applyRemote(db, [doc], () => {});
    expect(await amountOf(deal.id)).toEqual(eur(200));
  });

  it('a removed line travels as a cleared unit and beats an older edit of it', async () => {
    const deal = await createRecord(db, deals, { fd_name: 'Feria', fd_amount: eur(0), ...stage });
    const a = await addLine(db, deal.id, { name: 'A', quantity: 1, unitPrice: eur(100) });
    await addLine(db, deal.id, { name: 'B', quantity: 1, unitPrice: eur(10) });
    await removeLine(db, deal.id, a.id);
    const row = (await db.clocks.get(clockKey('records', deal.id)))!;
    expect(row.fields[`lines.${a.id}`]).toBeDefined();
    expect(toUnits('records', (await db.records.get(deal.id))!)[`lines.${a.id}`]).toBeUndefined();
    const older = encodeHlc({ ms: 1, counter: 0, device: 'other' });
    const stale: RemoteDoc = { table: 'records', id: deal.id, state: { units: { [`lines.${a.id}`]: { ...a, quantity: 9 } }, clocks: { [`lines.${a.id}`]: older }, born: row.born } };
    await applyRemote(db, [stale], () => {});
    const stored = (await db.records.get(deal.id))!;
    expect(stored.lines?.[a.id]).toBeUndefined();
    expect(stored.values.fd_amount).toEqual(eur(10));
  });
});
