import { Dexie } from 'dexie';
import type { ThreadlineDB } from '../db/db';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import type { CrmRecord } from '../model/entities';
import type { Currency } from '../model/fieldValues';
import { searchRecords } from '../search/index';

/** A catalogue entry as the "Add product" picker offers it. */
export type ProductSuggestion = { id: string; title: string; sku?: string; unitPrice?: Currency; taxRate?: number };

const money = (v: unknown): Currency | undefined => {
  const c = v as Currency | undefined;
  return c && typeof c === 'object' && typeof c.amount === 'number' && typeof c.currency === 'string' ? c : undefined;
};

export function productSuggestion(r: CrmRecord): ProductSuggestion {
  const sku = r.values.fp_sku;
  const unitPrice = money(r.values.fp_unitPrice);
  const taxRate = r.values.fp_taxRate;
  return {
    id: r.id,
    title: r.title,
    ...(typeof sku === 'string' && sku ? { sku } : {}),
    ...(unitPrice ? { unitPrice } : {}),
    ...(typeof taxRate === 'number' ? { taxRate } : {}),
  };
}

/** Only products ticked active are offered: a retired product stays on old deals but is not sold again. */
const isActive = (r: CrmRecord) => r.values.fp_active === true;

/**
 * Active products for `query` through the search index (name, code), or with nothing typed the
 * most recently changed ones from the [folderId+updatedAt] index. A few extra hits are read so
 * inactive ones left out still leave `limit` to show; the catalogue is never read whole.
 */
export async function suggestProducts(db: ThreadlineDB, query: string, limit = 8): Promise<ProductSuggestion[]> {
  const folderId = PRESET_FOLDER_IDS.products;
  const records = query.trim()
    ? (await db.records.bulkGet((await searchRecords(db, query, limit * 4, folderId)).map((h) => h.id))).filter((r): r is CrmRecord => !!r)
    : await db.records.where('[folderId+updatedAt]').between([folderId, Dexie.minKey], [folderId, Dexie.maxKey]).reverse().filter(isActive).limit(limit).toArray();
  return records.filter(isActive).slice(0, limit).map(productSuggestion);
}
