import { Dexie, type IndexableType } from 'dexie';
import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import { foldText } from '../model/normalize';
import { indexSortable, textKey } from '../views/sortKeys';
import { filterOps } from '../model/filterRegistry';
import { filterIsComplete, type ViewQuery } from '../views/viewQuery';
import { countRead } from './readStats';
import { inRange, RecordReads, reposition, type StoredRecord } from './heldLists';

/**
 * The rows of a view read through indexes, when its sort and filters allow: the ordered ids come
 * from index keys alone (no record is loaded), the records of the rows on screen are fetched by id.
 * `planIndexed` says whether a view qualifies; the rest are served by the in-memory folder index.
 */
type KeyRange = { lower: IndexableType; upper: IndexableType; lowerOpen?: boolean; upperOpen?: boolean };
export type IndexPlan = {
  folderId: string;
  /** Undefined: newest change first, through [folderId+updatedAt]. */
  sort?: { fieldId: string; desc: boolean };
  /** Each filter, as a key range over the field's sort keys (all must hold). */
  ranges: { fieldId: string; range: KeyRange }[];
  ids: Set<string>[];
};

const ALL: KeyRange = { lower: Dexie.minKey, upper: Dexie.maxKey };
const PLAIN_TEXT = new Set(['text', 'longText', 'user', 'url']);
const NUMERIC = new Set(['number', 'autoNumber', 'percent', 'currency']);

/** The key range one filter selects, when the index can serve it exactly. */
function filterRange(field: Field, op: string, value: unknown): KeyRange | undefined {
  if (op === 'isNotEmpty') return ALL;
  if (PLAIN_TEXT.has(field.type) && typeof value === 'string') {
    const folded = foldText(value);
    if (op === 'is') return { lower: textKey(value), upper: textKey(value) };
    // Digit runs are length-prefixed in keys, so a prefix ending inside one is not a key prefix.
    if (op === 'startsWith' && !/\d/.test(folded)) return { lower: folded, upper: `${folded}\uffff` };
    return undefined;
  }
  if (NUMERIC.has(field.type)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    if (op === 'eq') return { lower: n, upper: n };
    if (op === 'gt') return { lower: n, upper: Dexie.maxKey, lowerOpen: true };
    if (op === 'gte') return { lower: n, upper: Dexie.maxKey };
    if (op === 'lt') return { lower: Dexie.minKey, upper: n, upperOpen: true };
    if (op === 'lte') return { lower: Dexie.minKey, upper: n };
    return undefined;
  }
  if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (op === 'on') return { lower: value, upper: value };
    if (op === 'before') return { lower: Dexie.minKey, upper: value, upperOpen: true };
    if (op === 'after') return { lower: value, upper: Dexie.maxKey, lowerOpen: true };
    return undefined;
  }
  if (field.type === 'checkbox' && op === 'isTrue') return { lower: 1, upper: 1 };
  return undefined;
}

/** The index plan of a view, or undefined when a sort or filter needs the in-memory folder index. */
export function planIndexed(folderId: string, query: ViewQuery, fields: readonly Field[]): IndexPlan | undefined {
  if (query.sort.length > 1) return undefined;
  const plan: IndexPlan = { folderId, ranges: [], ids: [] };
  const s = query.sort[0];
  if (s) {
    const field = fields.find((f) => f.id === s.fieldId);
    // A sort on a deleted field sorts nothing (sortRecords skips it).
    if (field) {
      if (!indexSortable(field) || FIELD_REGISTRY[field.type].computed) return undefined;
      plan.sort = { fieldId: field.id, desc: s.direction === 'desc' };
    }
  }
  for (const f of query.filters) {
    if (f.fieldId === '_id' && f.op === 'in' && Array.isArray(f.value)) {
      plan.ids.push(new Set(f.value.map(String)));
      continue;
    }
    const field = fields.find((x) => x.id === f.fieldId);
    if (!field) continue; // reported as a problem by compileFilters, and skipped
    if (f.op !== 'isEmpty' && f.op !== 'isNotEmpty') {
      const info = filterOps(field).find((o) => o.op === f.op);
      if (!info) continue; // likewise a problem
      if (!filterIsComplete(info.input, f.value)) continue; // a blank argument being typed is not applied
    }
    const range = indexSortable(field) && !FIELD_REGISTRY[field.type].computed ? filterRange(field, f.op, f.value) : undefined;
    if (!range) return undefined;
    plan.ranges.push({ fieldId: field.id, range });
  }
  return plan;
}

function keyIds(db: ThreadlineDB, folderId: string, fieldId: string, r: KeyRange): Promise<string[]> {
  return db.records.where('sortKeys').between([folderId, fieldId, r.lower], [folderId, fieldId, r.upper], !r.lowerOpen, !r.upperOpen).primaryKeys();
}

function recentIds(db: ThreadlineDB, folderId: string, limit?: number): Promise<string[]> {
  const all = db.records.where('[folderId+updatedAt]').between([folderId, Dexie.minKey], [folderId, Dexie.maxKey]).reverse();
  return (limit ? all.limit(limit) : all).primaryKeys();
}

/** Changes larger than this re-read the lists: a search per record would cost more than the read. */
const MAX_SPLICED = 64;

/**
 * The folder's key lists a table derives its rows from (the ids newest change first, the ids in
 * each sorted field's key order, the ids in each filter's key range, the count), read once: a
 * change of sort or filter then reads only what it has not read yet (a new sort field, a filter's
 * range). A change of records is applied to the held lists in place (`apply`: a few record reads
 * and a splice, never a re-read of the lists); lists handed out are never mutated.
 */
export class FolderKeys {
  private recent: Promise<string[]> | undefined;
  private known: number | undefined;
  private readonly sorted = new Map<string, Promise<string[]>>();
  private readonly ranges = new Map<string, { fieldId: string; range: KeyRange; ids: Promise<Set<string>> }>();

  constructor(private readonly db: ThreadlineDB, readonly folderId: string) {}

  invalidate(): void {
    this.recent = undefined;
    this.known = undefined;
    this.sorted.clear();
    this.ranges.clear();
  }

  /** The changed records moved to their place in every held list (a list whose update fails is read again next time). */
  apply(changed: readonly string[]): void {
    if (changed.length > MAX_SPLICED) return this.invalidate();
    const reads = new RecordReads(this.db);
    const inFolder = (r: StoredRecord) => r.folderId === this.folderId;
    if (this.recent) {
      const next = (this.recent = this.recent.then((list) => reposition(list, changed, { keyOf: (r) => (inFolder(r) ? r.updatedAt : undefined), desc: true }, reads)));
      this.known = undefined;
      next.then((ids) => this.recent === next && (this.known = ids.length), () => this.recent === next && (this.recent = undefined));
    }
    for (const [fieldId, held] of this.sorted) {
      const next = held.then((list) => reposition(list, changed, { keyOf: (r) => (inFolder(r) ? fieldKey(r, fieldId) : undefined), desc: false }, reads));
      this.sorted.set(fieldId, next);
      next.catch(() => this.sorted.get(fieldId) === next && this.sorted.delete(fieldId));
    }
    for (const [k, { fieldId, range, ids: held }] of this.ranges) {
      const next = Promise.all([held, reads.read(changed)]).then(([set, records]) => {
        const out = new Set(set);
        changed.forEach((id, i) => {
          const r = records[i];
          const key = r && inFolder(r) ? fieldKey(r, fieldId) : undefined;
          if (key !== undefined && inRange(key, range)) out.add(id);
          else out.delete(id);
        });
        return out;
      });
      this.ranges.set(k, { fieldId, range, ids: next });
      next.catch(() => this.ranges.get(k)?.ids === next && this.ranges.delete(k));
    }
  }

  /**
   * Records in the folder: the length of the key list (IndexedDB's count() walks the same index
   * entries, and cost as much as reading them at 50,000: the list is needed anyway).
   */
  count(): Promise<number> {
    return this.recentIds().then((ids) => ids.length);
  }

  /** The count, when the key list is held and up to date. */
  knownCount(): number | undefined {
    return this.known;
  }

  recentIds(): Promise<string[]> {
    if (!this.recent) {
      const read = recentIds(this.db, this.folderId);
      this.recent = read;
      void read.then((ids) => {
        if (this.recent === read) this.known = ids.length;
      }, () => undefined);
    }
    return this.recent;
  }

  /** Ids with a value in the field, ascending by its key. */
  sortedIds(fieldId: string): Promise<string[]> {
    let ids = this.sorted.get(fieldId);
    if (!ids) this.sorted.set(fieldId, (ids = keyIds(this.db, this.folderId, fieldId, ALL)));
    return ids;
  }

  /** Whether the field's sorted list is held (or being read). */
  holdsSorted(fieldId: string): boolean {
    return this.sorted.has(fieldId);
  }

  /** Ids whose key in the field lies in the range (the few latest ranges are held; the set is not to be mutated). */
  rangeIds(fieldId: string, range: KeyRange): Promise<Set<string>> {
    const k = JSON.stringify([fieldId, range]);
    const held = this.ranges.get(k);
    if (held) return held.ids;
    const ids = keyIds(this.db, this.folderId, fieldId, range).then((found) => new Set(found));
    if (this.ranges.size >= MAX_RANGES) this.ranges.delete(this.ranges.keys().next().value!);
    this.ranges.set(k, { fieldId, range, ids });
    return ids;
  }
}

const MAX_RANGES = 8;
const fieldKey = (r: StoredRecord, fieldId: string) => r.sortKeys?.find((e) => e[0] === r.folderId && e[1] === fieldId)?.[2];

/**
 * The first `limit` row ids of a view with no filter, from the index alone (a bounded read): for
 * the first rows on screen while the whole order is read. Undefined when the view has filters or
 * its sort keys do not fill the page (the empty values, which follow, need the whole order).
 */
export async function firstPageIds(db: ThreadlineDB, plan: IndexPlan, limit: number): Promise<string[] | undefined> {
  if (plan.ranges.length || plan.ids.length) return undefined;
  if (!plan.sort) return recentIds(db, plan.folderId, limit);
  const range = db.records.where('sortKeys').between([plan.folderId, plan.sort.fieldId, Dexie.minKey], [plan.folderId, plan.sort.fieldId, Dexie.maxKey]);
  const page = await (plan.sort.desc ? range.reverse() : range).limit(limit).primaryKeys();
  return page.length === limit ? page : undefined;
}

/** The view's row ids in order, from index keys only (the folder's lists from `keys`, when given, kept between calls). */
export async function indexedIds(db: ThreadlineDB, plan: IndexPlan, keys: FolderKeys = new FolderKeys(db, plan.folderId)): Promise<string[]> {
  const [total, keyed, ...sets] = await Promise.all([
    plan.sort ? keys.count() : Promise.resolve(0),
    plan.sort ? keys.sortedIds(plan.sort.fieldId) : Promise.resolve([]),
    ...plan.ranges.map((r) => keys.rangeIds(r.fieldId, r.range)),
  ]);
  let ordered: string[];
  if (!plan.sort) ordered = await keys.recentIds();
  else {
    ordered = plan.sort.desc ? [...keyed].reverse() : keyed;
    // Empty values last, in the order the view starts from (newest change first): only when some are empty.
    if (keyed.length < total) {
      const seen = new Set(keyed);
      ordered = ordered.concat((await keys.recentIds()).filter((id) => !seen.has(id)));
    }
  }
  const all = [...sets, ...plan.ids];
  return all.length ? ordered.filter((id) => all.every((s) => s.has(id))) : ordered;
}

/** The records of the rows on screen (one bulk read), counted as page reads. */
export async function recordsByIds(db: ThreadlineDB, ids: readonly string[], path: 'page' | 'changed' = 'page'): Promise<(CrmRecord | undefined)[]> {
  const found = await db.records.bulkGet([...ids]);
  countRead(path, found.length);
  return found;
}
