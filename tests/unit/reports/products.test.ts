import { describe, expect, it } from 'vitest';
import type { CrmRecord } from '../../../storage/model/entities';
import type { DealLines, LineItem } from '../../../storage/lines/line';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { dealFacts } from '../../../storage/reports/facts';
import { pipelineByProduct, revenueByProduct, topCustomers } from '../../../storage/reports/products';
import type { ReportData, ReportFilters } from '../../../storage/reports/types';
import { fixtureData, fixtureDeals, fixtureFields, fixturePipelines, fixtureStageChanges, YEAR_2026 } from '../../fixtures/reports/workspace';

type Seed = Partial<LineItem> & { name: string; quantity: number; price: [number, string] };
let n = 0;
function lines(...seeds: Seed[]): DealLines {
  return Object.fromEntries(
    seeds.map(({ price, ...s }, position) => {
      const id = `l${++n}`;
      return [id, { id, position, addedAt: 0, unitPrice: { amount: price[0], currency: price[1] }, ...s }];
    }),
  );
}
const widget = (quantity: number, price: [number, string], extra: Partial<LineItem> = {}): Seed => ({ productId: 'p1', name: 'Widget', sku: 'W-1', quantity, price, ...extra });
const service = (quantity: number, price: [number, string], extra: Partial<LineItem> = {}): Seed => ({ productId: 'p2', name: 'Service', quantity, price, ...extra });

/**
 * The reports fixture with lines on five deals: d1 (won 31 Jan, company co1), d8 (won 11 May,
 * main contact c3), d7 (renewal won 16 Mar, USD, contact c2); open d3 (proposal, 50 %) and d4
 * (negotiation, 75 %, its own probability 40, USD).
 */
const LINES: Record<string, DealLines> = {
  d1: lines(widget(2, [300, 'EUR'], { taxRate: 21 }), service(1, [500, 'EUR'], { discount: { kind: 'amount', value: 100 } })),
  d8: lines(widget(1, [300, 'EUR']), { name: 'Consulting', quantity: 4, price: [100, 'EUR'] }),
  d7: lines(widget(1, [300, 'USD'])),
  d3: lines(service(4, [500, 'EUR'])),
  d4: lines(widget(2, [500, 'USD'])),
};

function data(): ReportData {
  const records = fixtureDeals().map((r): CrmRecord => {
    const withCompany = r.id === 'd1' ? { ...r, values: { ...r.values, fd_company: ['co1'] } } : r;
    return LINES[r.id] ? { ...withCompany, lines: LINES[r.id] } : withCompany;
  });
  const fields = fixtureFields().filter((f) => f.folderId === PRESET_FOLDER_IDS.deals);
  return {
    ...fixtureData(),
    deals: dealFacts(records, fields, fixturePipelines(), fixtureStageChanges()),
    customerTitles: new Map([
      ['co1', 'Acme'],
      ['c2', 'Dario'],
      ['c3', 'Elena'],
    ]),
  };
}

const year: ReportFilters = { period: YEAR_2026 };
const pick = <R, K extends keyof R>(rows: R[], ...keys: K[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('deal facts', () => {
  it('carry the deal lines in display order and the company link', () => {
    const d1 = data().deals.find((d) => d.id === 'd1');
    expect(d1?.lines?.map((l) => l.name)).toEqual(['Widget', 'Service']);
    expect(d1?.companyId).toBe('co1');
    expect(data().deals.find((d) => d.id === 'd6')?.lines).toBeUndefined();
  });
});

describe('revenue by product', () => {
  it('sums the line nets (after discount, before tax) of deals won in the period, per product and currency', () => {
    const rows = revenueByProduct(data(), year);
    expect(pick(rows, 'key', 'label', 'quantity', 'amount', 'recordIds')).toEqual([
      { key: 'p1', label: 'Widget', quantity: 4, amount: { EUR: 900, USD: 300 }, recordIds: ['d8', 'd7', 'd1'] },
      { key: 'name:consulting', label: 'Consulting', quantity: 4, amount: { EUR: 400 }, recordIds: ['d8'] },
      { key: 'p2', label: 'Service', quantity: 1, amount: { EUR: 400 }, recordIds: ['d1'] },
    ]);
    expect(rows[0]).toMatchObject({ productId: 'p1', sku: 'W-1', unweighted: { EUR: 900, USD: 300 } });
  });

  it('counts a deal by the day it was won, and follows the owner filter', () => {
    expect(pick(revenueByProduct(data(), { period: { from: '2026-02-01', to: '2026-12-31' } }), 'key', 'amount')).toEqual([
      { key: 'name:consulting', amount: { EUR: 400 } },
      { key: 'p1', amount: { EUR: 300, USD: 300 } },
    ]);
    expect(pick(revenueByProduct(data(), { ...year, owner: 'ana' }), 'key', 'amount', 'recordIds')).toEqual([
      { key: 'p1', amount: { EUR: 600 }, recordIds: ['d1'] },
      { key: 'p2', amount: { EUR: 400 }, recordIds: ['d1'] },
    ]);
    expect(revenueByProduct(data(), { period: { from: '2027-01-01' } })).toEqual([]);
  });
});

describe('pipeline by product', () => {
  it("weights each open deal's lines by its stage's probability, not the deal's own", () => {
    const rows = pipelineByProduct(data(), year);
    expect(pick(rows, 'key', 'quantity', 'amount', 'unweighted', 'recordIds')).toEqual([
      { key: 'p2', quantity: 4, amount: { EUR: 1000 }, unweighted: { EUR: 2000 }, recordIds: ['d3'] },
      { key: 'p1', quantity: 2, amount: { USD: 750 }, unweighted: { USD: 1000 }, recordIds: ['d4'] },
    ]);
  });

  it('leaves out won deals and deals started outside the period', () => {
    expect(pipelineByProduct(data(), { period: { to: '2026-03-02' } }).map((r) => r.recordIds)).toEqual([['d3']]);
  });
});

describe('top customers', () => {
  it("ranks the company, else the main contact, by won amounts in the page's currency first", () => {
    expect(pick(topCustomers(data(), year, 'EUR'), 'key', 'kind', 'label', 'deals', 'amount', 'recordIds')).toEqual([
      { key: 'co1', kind: 'company', label: 'Acme', deals: 1, amount: { EUR: 1000 }, recordIds: ['d1'] },
      { key: 'c3', kind: 'contact', label: 'Elena', deals: 1, amount: { EUR: 700 }, recordIds: ['d8'] },
      { key: 'c2', kind: 'contact', label: 'Dario', deals: 1, amount: { USD: 300 }, recordIds: ['d7'] },
    ]);
    expect(topCustomers(data(), year, 'USD', 2).map((r) => r.key)).toEqual(['c2', 'co1']);
  });

  it('gathers won deals with neither company nor contact under one row', () => {
    const d = data();
    const deals = d.deals.map((x) => (x.id === 'd8' ? { ...x, mainContactId: undefined } : x));
    const rows = topCustomers({ ...d, deals }, year, 'EUR');
    expect(rows.find((r) => r.key === '')).toMatchObject({ kind: 'none', label: '', recordIds: ['d8'] });
  });
});
