import { orderedLines, type DealLines } from './line';

/**
 * A deal's products in one line of plain text, "2 × Licencia anual (LIC-1), 1 × Formación", for
 * the places that hold no table: an automation's task title or note (`{{record.lines}}`).
 */
export function linesSummary(lines: DealLines | undefined, locale: string): string {
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return orderedLines(lines)
    .map((l) => `${quantity.format(l.quantity)} × ${l.name}${l.sku ? ` (${l.sku})` : ''}`)
    .join(', ');
}
