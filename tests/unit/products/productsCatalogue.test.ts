import { beforeEach, describe, expect, it } from 'vitest';
import { exportRecordsCsv } from '../../../storage/csv/exportCsv';
import { autoMap } from '../../../storage/csv/mapping';
import { previewCsv } from '../../../storage/csv/parse';
import { runImport } from '../../../storage/csv/runImport';
import { PRESET_FOLDER_IDS, presetWorkspace } from '../../../storage/folders/presets';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { openThreadlineDb } from '../../../storage/open';
import { setLocale } from '../../../i18n';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { products } = PRESET_FOLDER_IDS;
const ids = () => ['fp_name', 'fp_sku', 'fp_unitPrice', 'fp_taxRate', 'fp_active', 'fp_description'];

async function importInto(target: typeof db, csv: string, name = 'products.csv') {
  const { headers } = await previewCsv(csv);
  const mapping = autoMap(headers, (await loadFolderSchema(target, products)).fields);
  return runImport(target, { source: csv, start: { folderId: products, file: { name, size: csv.length }, headers, mapping, dedup: 'skip' } });
}

describe('the Products catalogue', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('is a preset folder in the workspace’s language, with its fields and an "All" view', () => {
    for (const [locale, folder, price] of [['en', 'Products', 'Unit price'], ['es', 'Productos', 'Precio unitario'], ['it', 'Prodotti', 'Prezzo unitario']] as const) {
      const ws = presetWorkspace(0, locale);
      expect(ws.folders.find((f) => f.id === products)).toMatchObject({ name: folder, kind: 'products', titleFieldIds: ['fp_name'] });
      expect(ws.fields.filter((f) => f.folderId === products).map((f) => f.key)).toEqual(['name', 'sku', 'unitPrice', 'taxRate', 'active', 'description', 'createdAt']);
      expect(ws.fields.find((f) => f.id === 'fp_unitPrice')?.label).toBe(price);
      expect(ws.views.filter((v) => v.folderId === products)).toHaveLength(1);
    }
  });

  it('exports and re-imports into a fresh workspace with every value intact', async () => {
    const made = [
      await createRecord(db, products, { fp_name: 'Licencia anual', fp_sku: 'LIC-1', fp_unitPrice: { amount: 1200, currency: 'EUR' }, fp_taxRate: 21, fp_active: true, fp_description: 'Un año; soporte incluido' }),
      await createRecord(db, products, { fp_name: 'Formazione, 1 giorno', fp_sku: 'TRN-1', fp_unitPrice: { amount: 850.5, currency: 'EUR' }, fp_taxRate: 22, fp_active: false }),
    ];
    const csv = await exportRecordsCsv(db, products, made, ids());
    const other = openThreadlineDb('threadline-test-products');
    await other.open();
    try {
      const job = await importInto(other, csv);
      expect(job.counts).toMatchObject({ created: 2, bad: 0 });
      const back = (await other.records.where('folderId').equals(products).toArray()).sort((a, b) => a.title.localeCompare(b.title));
      expect(back.map((r) => r.values)).toEqual(
        [...made].sort((a, b) => a.title.localeCompare(b.title)).map((r) => Object.fromEntries(Object.entries(r.values).filter(([k]) => ids().includes(k)))),
      );
    } finally {
      other.close();
      await other.delete();
    }
  });

  it("reads a Spanish Excel price list: semicolons, decimal commas, 'Sí'", async () => {
    const csv = 'Nombre;Código / SKU;Precio unitario;Impuesto;Activo\r\nLicencia anual;LIC-1;1.200,00 €;21 %;Sí\r\nFormación;TRN-1;850,50 €;21%;No\r\n';
    const job = await importInto(db, csv, 'tarifa.csv');
    expect(job.counts).toMatchObject({ created: 2, bad: 0 });
    const rows = (await db.records.where('folderId').equals(products).toArray()).sort((a, b) => a.title.localeCompare(b.title));
    expect(rows.map((r) => [r.title, r.values.fp_unitPrice, r.values.fp_taxRate, r.values.fp_active])).toEqual([
      ['Formación', { amount: 850.5, currency: 'EUR' }, 21, false],
      ['Licencia anual', { amount: 1200, currency: 'EUR' }, 21, true],
    ]);
  });
});
