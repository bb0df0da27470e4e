import type { CrmRecord } from '../model/entities';
import { dealLinesSchema, orderedLines, type LineItem } from './line';

/**
 * A record's lines in display order, validated: a malformed `lines` (another version, a bad sync)
 * reads as none rather than breaking the page. Its own module so the sidebar card takes only this,
 * not purchase history's reads.
 */
export function recordLines(record: CrmRecord): LineItem[] {
  const parsed = dealLinesSchema.safeParse(record.lines ?? {});
  return parsed.success ? orderedLines(parsed.data) : [];
}
