import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { LineItem } from '../../../storage/lines/line';
import { purchaseHistory, readPurchaseHistory, type WonDeal } from '../../../storage/lines/purchases';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

let seq = 0;
const line = (name: string, quantity: number, amount: number, extra: Partial<LineItem> = {}): LineItem => ({
  id: `line_${++seq}`,
  productId: `prod_${name}`,
  name,
  quantity,
  unitPrice: { amount, currency: 'EUR' },
  position: seq,
  addedAt: seq,
  ...extra,
});
const deal = (id: string, wonAt: string, lines: LineItem[]): WonDeal => ({ id, title: id, wonAt: new Date(wonAt).getTime(), lines });

describe('purchase history (pure)', () => {
  it('lists lines newest deal first, each deal’s lines in their order', () => {
    const h = purchaseHistory([
      deal('old', '2024-03-01T12:00', [line('Seat', 2, 100)]),
      deal('new', '2025-06-01T12:00', [line('Seat', 1, 100, { position: 2 }), line('Setup', 1, 500, { position: 1 })]),
      deal('empty', '2026-01-01T12:00', []),
    ]);
    expect(h.lines.map((l) => `${l.dealId}:${l.name}`)).toEqual(['new:Setup', 'new:Seat', 'old:Seat']);
    expect(h.deals).toBe(2);
  });

  it('totals per product and per year, net of discounts, in minor units', () => {
    const h = purchaseHistory([
      deal('a', '2024-03-01T12:00', [line('Seat', 3, 0.1), line('Setup', 1, 500, { discount: { kind: 'percent', value: 10 }, taxRate: 21 })]),
      deal('b', '2025-06-01T12:00', [line('Seat', 10, 0.1, { discount: { kind: 'amount', value: 0.5 } })]),
    ]);
    expect(h.byProduct).toEqual([
      expect.objectContaining({ name: 'Setup', quantity: 1, net: 450, currency: 'EUR', deals: 1 }),
      expect.objectContaining({ name: 'Seat', quantity: 13, net: 0.8, currency: 'EUR', deals: 2 }),
    ]);
    expect(h.byYear).toEqual([
      { year: 2025, currency: 'EUR', net: 0.5, lines: 1 },
      { year: 2024, currency: 'EUR', net: 450.3, lines: 2 },
    ]);
  });

  it('never adds different currencies together', () => {
    const h = purchaseHistory([
      deal('eur', '2025-01-10T12:00', [line('Seat', 1, 100)]),
      deal('usd', '2025-02-10T12:00', [line('Seat', 2, 100, { unitPrice: { amount: 100, currency: 'USD' } })]),
    ]);
    expect(h.byProduct.map((p) => [p.currency, p.net])).toEqual([['USD', 200], ['EUR', 100]]);
    expect(h.byYear.map((y) => [y.year, y.currency, y.net])).toEqual([[2025, 'EUR', 100], [2025, 'USD', 200]]);
  });
});

describe('readPurchaseHistory', () => {
  beforeEach(resetDb);

  const stage = (stageId: string) => ({ fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId } });
  // Lines are put on the record directly: the write API for them belongs to storage/lines/write.ts.
  const withLines = async (name: string, links: Record<string, string[]>, lines: LineItem[], stageId = 'proposal') => {
    const d = await createRecord(db, deals, { fd_name: name, ...stage(stageId), ...links });
    await db.transaction('rw', db.records, db.folders, db.fields, () =>
      db.records.update(d.id, { lines: Object.fromEntries(lines.map((l) => [l.id, l])) } as never));
    return d;
  };

  it('reads won deals of a company and of its contacts, not open or lost ones, newest win first', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_company: [acme.id] });
    const other = await createRecord(db, companies, { fo_name: 'Other' });
    const direct = await withLines('Direct', { fd_company: [acme.id] }, [line('Seat', 5, 100)]);
    const viaAna = await withLines('Via Ana', { fd_mainContact: [ana.id] }, [line('Setup', 1, 900)]);
    await withLines('Still open', { fd_company: [acme.id] }, [line('Seat', 50, 100)]);
    await withLines('Lost', { fd_company: [acme.id] }, [line('Seat', 70, 100)], 'lost');
    await withLines('Elsewhere', { fd_company: [other.id] }, [line('Seat', 9, 100)], 'won');
    await updateRecord(db, direct.id, stage('won'));
    await updateRecord(db, viaAna.id, stage('won'));

    const company = await readPurchaseHistory(db, acme.id);
    expect(company.lines.map((l) => l.dealTitle)).toEqual(['Via Ana', 'Direct']);
    expect(company.byProduct.map((p) => [p.name, p.net])).toEqual([['Setup', 900], ['Seat', 500]]);

    const contact = await readPurchaseHistory(db, ana.id);
    expect(contact.lines.map((l) => l.dealTitle)).toEqual(['Via Ana']);
    expect((await readPurchaseHistory(db, other.id)).lines.map((l) => l.quantity)).toEqual([9]);
  });

  it('is empty for a record without won deals, and for a missing one', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    expect((await readPurchaseHistory(db, acme.id)).lines).toEqual([]);
    expect((await readPurchaseHistory(db, 'nope')).byYear).toEqual([]);
  });
});
