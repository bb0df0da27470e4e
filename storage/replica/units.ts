import type { SyncedTable } from '../model/entities';

/**
 * How a stored document splits into merge units and back. A record's field values merge one by
 * one (`values.<fieldId>`), so two people editing different fields of one contact both keep their
 * edit; its derived indexes (title, emails, domains, linkedIds) are never synced but recomputed
 * from the values wherever the record is written; so are an activity's `recordAt` index keys.
 * A template's `uses` merge one device's counter at a time likewise. Every other table merges
 * property by property.
 */
const VALUE_PREFIX = 'values.';
/**
 * A template's use counters merge one device at a time (`uses.<deviceId>`): each device only
 * writes its own, so concurrent uses on two devices both count.
 */
const USES_PREFIX = 'uses.';
/**
 * A deal's line items merge one line at a time (`lines.<lineId>`), so two people editing two lines
 * of one deal both keep their edit; a removed line is a cleared unit, which beats older edits.
 */
const LINES_PREFIX = 'lines.';
const RECORD_DERIVED = new Set(['title', 'emails', 'domains', 'linkedIds', 'sortKeys']);
/** The activities' storage-only index keys (storage/activityIndex.ts), recomputed on every write. */
const ACTIVITY_DERIVED = new Set(['recordAt']);

export type Units = Record<string, unknown>;

/** The key property of each table: settings are keyed by `key`, everything else by `id`. */
export function keyProp(table: SyncedTable): 'id' | 'key' {
  return table === 'settings' ? 'key' : 'id';
}

export function docId(table: SyncedTable, doc: Record<string, unknown>): string {
  return String(doc[keyProp(table)] ?? '');
}

export function toUnits(table: SyncedTable, doc: Record<string, unknown>): Units {
  const out: Units = {};
  const key = keyProp(table);
  for (const [prop, value] of Object.entries(doc)) {
    if (prop === key || value === undefined) continue;
    if (table === 'records' && RECORD_DERIVED.has(prop)) continue;
    if (table === 'activities' && ACTIVITY_DERIVED.has(prop)) continue;
    if (table === 'records' && prop === 'values') {
      for (const [fieldId, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (v !== undefined) out[VALUE_PREFIX + fieldId] = v;
      }
      continue;
    }
    if (table === 'records' && prop === 'lines') {
      for (const [lineId, line] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (line !== undefined) out[LINES_PREFIX + lineId] = line;
      }
      continue;
    }
    if (table === 'templates' && prop === 'uses') {
      for (const [device, n] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (n !== undefined) out[USES_PREFIX + device] = n;
      }
      continue;
    }
    out[prop] = value;
  }
  return out;
}

/**
 * The stored shape of a document from its units; records come back without derived indexes (the
 * caller derives them with the folder's fields). Unknown units are kept, so validation sees them.
 */
export function fromUnits(table: SyncedTable, id: string, units: Units): Record<string, unknown> {
  const doc: Record<string, unknown> = { [keyProp(table)]: id };
  if (table === 'records') doc.values = {};
  if (table === 'templates') doc.uses = {};
  for (const [unit, value] of Object.entries(units)) {
    if (table === 'records' && unit.startsWith(VALUE_PREFIX)) (doc.values as Units)[unit.slice(VALUE_PREFIX.length)] = value;
    else if (table === 'records' && unit.startsWith(LINES_PREFIX)) ((doc.lines ??= {}) as Units)[unit.slice(LINES_PREFIX.length)] = value;
    else if (table === 'templates' && unit.startsWith(USES_PREFIX)) (doc.uses as Units)[unit.slice(USES_PREFIX.length)] = value;
    else doc[unit] = value;
  }
  return doc;
}

/** Units whose value differs between two versions of a document (added, changed or removed). */
export function changedUnits(before: Units, after: Units): string[] {
  const out: string[] = [];
  for (const unit of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[unit]) !== JSON.stringify(after[unit])) out.push(unit);
  }
  return out;
}
