import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Currency } from '../model/fieldValues';
import { newId } from '../model/ids';
import { RecordValidationError } from '../model/recordSchema';
import { loadFolderSchema, NotFoundError, type FolderSchema } from '../folders/schema';
import { mutate, type Writer } from '../write/mutate';
import { saveRecordsIn } from '../write/records';
import { dealCurrency, valuesWithLineAmount, amountField } from './dealAmount';
import { LINE_LIMITS, lineItemSchema, orderedLines, type DealLines, type LineItem } from './line';
import { StorageError } from '../model/errors';

/**
 * The write owner of line items: every change of a deal's lines goes through here, inside the one
 * write path (`mutate`, `saveRecordsIn`), so the stored amount, the history, automations and sync
 * see a line change like any other edit of the deal. Each change rewrites only its own line's
 * merge unit (`lines.<id>`): another device's edit of another line survives it.
 */

export type LineInput = {
  productId?: string;
  name?: string;
  quantity: number;
  unitPrice?: Currency;
  discount?: LineItem['discount'];
  taxRate?: number;
};
export type LinePatch = Partial<Pick<LineItem, 'name' | 'quantity' | 'unitPrice'>> & { discount?: LineItem['discount'] | null; taxRate?: number | null };

/** The product catalogue's preset fields a line copies (storage/folders/presets.ts). */
const PRODUCT = { name: 'fp_name', sku: 'fp_sku', unitPrice: 'fp_unitPrice', taxRate: 'fp_taxRate' } as const;

async function loadDeal(w: Writer, dealId: string): Promise<{ deal: CrmRecord; schema: FolderSchema }> {
  const deal = await w.db.records.get(dealId);
  if (!deal) throw new NotFoundError('record', dealId);
  const schema = await loadFolderSchema(w.db, deal.folderId);
  if (schema.folder.kind !== 'deals') throw new StorageError('invalid', {}, `${schema.folder.name} records carry no line items: only deals do`);
  return { deal, schema };
}

/** A line checked by its schema and against the deal's currency; refusals name the line by its product. */
function checkLine(schema: FolderSchema, deal: CrmRecord, line: LineItem): LineItem {
  const field = amountField(schema.fields);
  const label = line.name || field?.label || 'line';
  const parsed = lineItemSchema.safeParse(line);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? '');
    const code = path === 'quantity' ? 'tooSmall' : path === 'name' ? 'required' : 'invalid';
    throw new RecordValidationError([{ label, code, ...(code === 'tooSmall' ? { params: { min: 0 } } : {}) }]);
  }
  const currency = dealCurrency(schema.fields, deal.values, deal.lines);
  if (currency && parsed.data.unitPrice.currency !== currency) {
    throw new RecordValidationError([{ label, code: 'lineCurrency', params: { lineCurrency: parsed.data.unitPrice.currency, dealCurrency: currency } }]);
  }
  return parsed.data;
}

/** Stores the deal with `lines`, its amount their sum, in the caller's transaction. */
async function saveLines(w: Writer, schema: FolderSchema, deal: CrmRecord, lines: DealLines): Promise<CrmRecord> {
  const values = valuesWithLineAmount(schema.folder, schema.fields, deal.values, lines);
  const record: CrmRecord = { ...deal, values, updatedAt: Date.now() };
  if (Object.keys(lines).length > 0) record.lines = lines;
  else delete record.lines;
  const amountId = amountField(schema.fields)?.id;
  const changed = ['lines', ...(amountId && JSON.stringify(values[amountId]) !== JSON.stringify(deal.values[amountId]) ? [amountId] : [])];
  await saveRecordsIn(w, schema, [{ record, before: deal, changed }]);
  return record;
}

/** Adds a line; with a product, its name, code, unit price and tax rate come from the catalogue unless given. */
export function addLine(db: ThreadlineDB, dealId: string, input: LineInput): Promise<LineItem> {
  return mutate(db, async (w) => {
    const { deal, schema } = await loadDeal(w, dealId);
    const current = deal.lines ?? {};
    if (Object.keys(current).length >= LINE_LIMITS.perDeal) throw new RecordValidationError([{ label: schema.folder.name, code: 'tooMany', params: { max: LINE_LIMITS.perDeal } }]);
    const product = input.productId ? await w.db.records.get(input.productId) : undefined;
    if (input.productId && !product) throw new NotFoundError('record', input.productId);
    const pv = product?.values ?? {};
    const price = input.unitPrice ?? (pv[PRODUCT.unitPrice] as Currency | undefined) ?? { amount: 0, currency: dealCurrency(schema.fields, deal.values, deal.lines) ?? 'EUR' };
    const taxRate = input.taxRate ?? (typeof pv[PRODUCT.taxRate] === 'number' ? (pv[PRODUCT.taxRate] as number) : undefined);
    const sku = typeof pv[PRODUCT.sku] === 'string' && pv[PRODUCT.sku] !== '' ? (pv[PRODUCT.sku] as string) : undefined;
    const last = orderedLines(current).at(-1);
    const line = checkLine(schema, deal, {
      id: newId('line'),
      ...(input.productId ? { productId: input.productId } : {}),
      name: (input.name ?? (typeof pv[PRODUCT.name] === 'string' ? (pv[PRODUCT.name] as string) : product?.title) ?? '').trim(),
      ...(sku ? { sku } : {}),
      quantity: input.quantity,
      unitPrice: price,
      ...(input.discount ? { discount: input.discount } : {}),
      ...(taxRate !== undefined ? { taxRate } : {}),
      position: (last?.position ?? 0) + 1,
      addedAt: Date.now(),
    });
    await saveLines(w, schema, deal, { ...current, [line.id]: line });
    return line;
  });
}

/** Changes one line; `null` clears its discount or tax rate. */
export function updateLine(db: ThreadlineDB, dealId: string, lineId: string, patch: LinePatch): Promise<LineItem> {
  return mutate(db, async (w) => {
    const { deal, schema } = await loadDeal(w, dealId);
    const before = deal.lines?.[lineId];
    if (!before) throw new NotFoundError('record', lineId);
    const next: LineItem = { ...before };
    for (const [key, value] of Object.entries(patch) as [keyof LinePatch, unknown][]) {
      if (value === null || value === undefined) {
        if (key === 'discount' || key === 'taxRate') delete next[key];
      } else (next as Record<string, unknown>)[key] = value;
    }
    const line = checkLine(schema, deal, next);
    if (JSON.stringify(line) === JSON.stringify(before)) return before;
    await saveLines(w, schema, deal, { ...deal.lines, [lineId]: line });
    return line;
  });
}

export function removeLine(db: ThreadlineDB, dealId: string, lineId: string): Promise<void> {
  return mutate(db, async (w) => {
    const { deal, schema } = await loadDeal(w, dealId);
    if (!deal.lines?.[lineId]) return;
    const rest = { ...deal.lines };
    delete rest[lineId];
    await saveLines(w, schema, deal, rest);
  });
}

/** Moves a line to `toIndex` in display order: only the moved line's position changes. */
export function moveLine(db: ThreadlineDB, dealId: string, lineId: string, toIndex: number): Promise<void> {
  return mutate(db, async (w) => {
    const { deal, schema } = await loadDeal(w, dealId);
    const line = deal.lines?.[lineId];
    if (!line) throw new NotFoundError('record', lineId);
    const others = orderedLines(deal.lines).filter((l) => l.id !== lineId);
    const at = Math.max(0, Math.min(others.length, toIndex));
    const prev = others[at - 1]?.position;
    const next = others[at]?.position;
    const position = prev === undefined ? (next ?? 1) - 1 : next === undefined ? prev + 1 : (prev + next) / 2;
    if (position === line.position) return;
    await saveLines(w, schema, deal, { ...deal.lines, [lineId]: { ...line, position } });
  });
}
