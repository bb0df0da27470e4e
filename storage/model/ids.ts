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
