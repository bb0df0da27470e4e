/** A deal's line items' shape lives with the other stored shapes (storage/model/lineItem.ts). */
export { dealLinesSchema, lineDiscountSchema, lineItemSchema, LINE_LIMITS, orderedLines, type DealLines, type LineItem } from '../model/lineItem';
