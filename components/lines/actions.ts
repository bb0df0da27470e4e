import type { LineDiscount } from '../../storage/lines/amounts';
import type { LineItem } from '../../storage/lines/line';
import type { ProductSuggestion } from '../../storage/lines/productSuggestions';

/** A change to one line; `null` clears an optional part (the discount, the tax). */
export type LinePatch = { quantity?: number; unitPrice?: LineItem['unitPrice']; discount?: LineDiscount | null; taxRate?: number | null };

/** What the editor asks of the write path, so the page binds the database and tests can watch. */
export type LineActions = {
  add: (product: ProductSuggestion) => Promise<unknown>;
  update: (lineId: string, patch: LinePatch) => Promise<unknown>;
  remove: (lineId: string) => Promise<unknown>;
};
