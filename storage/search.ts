import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import { db } from './db';
import type { CrmRecord } from './model/entities';
import type { Field } from './model/field';
import { searchTexts } from './model/filterRegistry';
import { foldText } from './model/normalize';

/**
 * One search box over every folder: titles (names, company and deal names), emails and phones,
 * accents ignored ("Garcia" finds "García"), ranked. The index lives in memory: one folded
 * "haystack" string per record, scanned with `includes` (a few ms for 50,000 records), and kept
 * current from Dexie's change feed (`storagemutated`, which also carries other tabs' writes), so a
 * query never reads the whole table again; only the changed records are re-read.
 */
export type SearchHit = {
  id: string;
  folderId: string;
  title: string;
  /** What matched, for the result line: the title, or the email/phone that did. */
  matched: string;
  via: 'title' | 'detail' | 'linked';
  score: number;
};

type Entry = { id: string; folderId: string; title: string; folded: string; details: string[]; hay: string; linkedIds: string[] };

const SEP = '\u0001';
const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

export class SearchIndex {
  private entries = new Map<string, Entry>();

  get size() {
    return this.entries.size;
  }

  clear() {
    this.entries.clear();
  }

  upsert(record: CrmRecord, folderFields: readonly Field[]) {
    const details = folderFields.flatMap((f) => searchTexts(f, record.values[f.id]).map(foldText));
    const folded = foldText(record.title);
    this.entries.set(record.id, {
      id: record.id, folderId: record.folderId, title: record.title, folded, details,
      hay: [folded, ...details].join(SEP), linkedIds: record.linkedIds,
    });
  }

  remove(id: string) {
    this.entries.delete(id);
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = foldText(query).trim().replace(/\s+/g, ' ');
    if (!q) return [];
    const tokens = q.split(' ');
    const qDigits = digitsOf(q).length >= 3 && /^[0-9+ ().\-/]+$/.test(q) ? digitsOf(q) : '';
    const hits = new Map<string, SearchHit>();
    for (const e of this.entries.values()) {
      const hit = scoreEntry(e, q, tokens, qDigits);
      if (hit) hits.set(e.id, hit);
    }
    // People and deals of a matching company count too ("Acme" lists Acme's contacts), ranked below direct hits.
    const matchedTitles = new Set([...hits.values()].filter((h) => h.via === 'title').map((h) => h.id));
    if (matchedTitles.size) {
      for (const e of this.entries.values()) {
        if (hits.has(e.id)) continue;
        const via = e.linkedIds.find((id) => matchedTitles.has(id));
        if (via) hits.set(e.id, { id: e.id, folderId: e.folderId, title: e.title, matched: this.entries.get(via)!.title, via: 'linked', score: 10 });
      }
    }
    return [...hits.values()]
      .sort((a, b) => b.score - a.score || a.title.length - b.title.length || a.title.localeCompare(b.title))
      .slice(0, limit);
  }
}

function scoreEntry(e: Entry, q: string, tokens: string[], qDigits: string): SearchHit | undefined {
  const base = { id: e.id, folderId: e.folderId, title: e.title };
  if (qDigits) {
    const phone = e.details.find((d) => digitsOf(d).includes(qDigits));
    if (phone) return { ...base, matched: phone, via: 'detail', score: digitsOf(phone) === qDigits ? 90 : 50 };
  }
  if (!tokens.every((t) => e.hay.includes(t))) return undefined;
  if (e.folded === q) return { ...base, matched: e.title, via: 'title', score: 100 };
  const detail = e.details.find((d) => d === q) ?? e.details.find((d) => d.startsWith(q));
  if (detail) return { ...base, matched: detail, via: 'detail', score: detail === q ? 95 : 70 };
  if (e.folded.startsWith(q)) return { ...base, matched: e.title, via: 'title', score: 80 };
  const words = e.folded.split(/[\s\-.,'’]+/);
  if (tokens.every((t) => words.some((w) => w.startsWith(t)))) return { ...base, matched: e.title, via: 'title', score: 60 };
  if (tokens.every((t) => e.folded.includes(t))) return { ...base, matched: e.title, via: 'title', score: 40 };
  const inDetail = e.details.find((d) => d.includes(q));
  return { ...base, matched: inDetail ?? e.title, via: inDetail ? 'detail' : 'title', score: 20 };
}

/** The page's shared index and what must be re-read before the next query. */
const shared = { index: new SearchIndex(), builtFor: undefined as unknown, dirty: new Set<string>(), stale: true, building: undefined as Promise<void> | undefined };

function onMutated(parts: ObservabilitySet) {
  for (const [part, tree] of Object.entries(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(part);
    if (!m || m[1] !== db.name) continue;
    if (m[2] === 'fields' || m[2] === 'folders') shared.stale = true;
    if (m[2] !== 'records' || (m[3] !== '' && m[3] !== ':dels')) continue;
    for (const node of new RangeSet().add(tree)) {
      // A range (a clear or bulk delete) names no single keys: read everything again.
      if (typeof node.from === 'string' && node.from === node.to) shared.dirty.add(node.from);
      else shared.stale = true;
    }
  }
}
Dexie.on('storagemutated', onMutated);

async function fieldsByFolder(): Promise<Map<string, Field[]>> {
  const map = new Map<string, Field[]>();
  for (const f of await db.fields.toArray()) map.set(f.folderId, [...(map.get(f.folderId) ?? []), f]);
  return map;
}

async function refresh(): Promise<void> {
  if (!db.isOpen()) await db.open();
  const backend = db.backendDB();
  if (shared.stale || shared.builtFor !== backend) {
    shared.stale = false;
    shared.dirty.clear();
    shared.builtFor = backend;
    const fields = await fieldsByFolder();
    shared.index.clear();
    await db.records.each((r) => shared.index.upsert(r, fields.get(r.folderId) ?? []));
    return;
  }
  if (shared.dirty.size === 0) return;
  const ids = [...shared.dirty];
  shared.dirty.clear();
  const [records, fields] = await Promise.all([db.records.bulkGet(ids), fieldsByFolder()]);
  records.forEach((r, i) => (r ? shared.index.upsert(r, fields.get(r.folderId) ?? []) : shared.index.remove(ids[i]!)));
}

/** Searches every folder; the first call builds the index, later calls only re-read what changed. */
export async function searchRecords(query: string, limit = 20): Promise<SearchHit[]> {
  // One refresh at a time: keystrokes arriving during a build wait for it instead of starting another.
  while (shared.building) await shared.building;
  if (shared.stale || shared.dirty.size || shared.builtFor !== (db.isOpen() ? db.backendDB() : undefined)) {
    shared.building = refresh()
      .catch((e: unknown) => {
        // A half-built index (the database closed mid-read) is rebuilt by the next query.
        shared.stale = true;
        throw e;
      })
      .finally(() => (shared.building = undefined));
    await shared.building;
  }
  return shared.index.search(query, limit);
}
