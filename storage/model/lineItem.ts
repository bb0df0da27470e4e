import { z } from 'zod';
import { currencyCode } from './fieldValues';
import { LIMITS } from './limits';

/**
 * A deal's line item. Lines live on the deal record itself, as `record.lines` keyed by line id,
 * not in a table of their own: the replica splits them into one merge unit per line
 * (`lines.<lineId>`, storage/replica/units.ts), so two people editing two lines of one deal both
 * keep their edit, and the deal's amount is derived from its lines inside the same document, in
 * the same write, so a deal and its amount can never disagree, reports and purchase history read
 * a deal's lines with the deal, and backups carry them with no table of their own.
 *
 * The product's name and code are copied onto the line when it is added, so a deal keeps saying
 * what was sold after the catalogue's entry is renamed or deleted.
 */
export const LINE_LIMITS = { perDeal: 200, quantity: 1_000_000_000, price: 1e13 } as const;

export const lineDiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), value: z.number().min(0).max(100) }).strict(),
  z.object({ kind: z.literal('amount'), value: z.number().min(0).max(LINE_LIMITS.price) }).strict(),
]);

export const lineItemSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** The catalogue record (folder_products); absent for a line typed without a product. */
    productId: z.string().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(LIMITS.label * 2),
    sku: z.string().max(LIMITS.label).optional(),
    quantity: z.number().positive().max(LINE_LIMITS.quantity),
    unitPrice: z.object({ amount: z.number().min(0).max(LINE_LIMITS.price), currency: currencyCode }).strict(),
    discount: lineDiscountSchema.optional(),
    /** Percent, e.g. 21 for Spain's IVA, 22 for Italy's IVA. */
    taxRate: z.number().min(0).max(100).optional(),
    /** Display order on the deal; ties fall back to addedAt. */
    position: z.number(),
    addedAt: z.number(),
  })
  .strict();
export type LineItem = z.infer<typeof lineItemSchema>;

/** `record.lines`: at most LINE_LIMITS.perDeal lines, each stored under its own id. */
export const dealLinesSchema = z
  .record(z.string(), lineItemSchema)
  .refine((lines) => Object.keys(lines).length <= LINE_LIMITS.perDeal, { error: 'tooManyLines' })
  .refine((lines) => Object.entries(lines).every(([id, line]) => line.id === id), { error: 'lineIdMismatch' });
export type DealLines = z.infer<typeof dealLinesSchema>;

/** A deal's lines in display order. */
export function orderedLines(lines: DealLines | undefined): LineItem[] {
  return Object.values(lines ?? {}).sort((a, b) => a.position - b.position || a.addedAt - b.addedAt || a.id.localeCompare(b.id));
}
