/** Client-generated ids: records are created offline, so ids can never come from a server. */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;
}

/** Field keys are what formulas and CSV headers use: stable, readable, unique within a folder. */
export function slugKey(label: string): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))
    .replace(/^[^A-Za-z]+/, '');
  // Keys are at most 64 characters (fieldSchema), labels up to LIMITS.label.
  return base ? (base[0]!.toLowerCase() + base.slice(1)).slice(0, 64) : 'field';
}

/** A thread link's id: one link per thread and record, whichever device makes it. */
export const threadLinkId = (threadId: string, recordId: string) => `${threadId}::${recordId}`;

/** 64 bits of FNV-1a over `key`, as 16 hex digits (two 32-bit lanes with different offsets). */
function fnv64(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * An id every device derives alike from what happened (a rule firing on a date, for a record):
 * two devices that both act write the same document, and sync merges them into one.
 */
export const stableId = (prefix: string, key: string) => `${prefix}_${fnv64(key)}`;
