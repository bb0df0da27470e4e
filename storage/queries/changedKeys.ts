import type { ObservabilitySet } from 'dexie';

/**
 * The primary keys of `table` a change feed entry (Dexie's 'storagemutated', from this page or
 * another context of the origin) names, or 'all' when it names a range rather than keys (a
 * clear, a modify of a collection): then the reader re-reads its keys from the index.
 * undefined: the table was not touched.
 */
export function changedKeys(parts: ObservabilitySet, dbName: string, table: string): Set<string> | 'all' | undefined {
  const prefix = `idb://${dbName}/${table}/`;
  const primary = parts[prefix] as Tree | undefined;
  if (!primary) return Object.keys(parts).some((p) => p.startsWith(prefix)) ? 'all' : undefined;
  const keys = new Set<string>();
  const stack: (Tree | undefined | null)[] = [primary];
  while (stack.length) {
    const node = stack.pop();
    if (!node || node.from === undefined) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return 'all';
    keys.add(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}

// Dexie's RangeSet is an interval tree; across contexts it arrives as a structured clone of it.
type Tree = { from?: unknown; to?: unknown; l?: Tree | null; r?: Tree | null };
