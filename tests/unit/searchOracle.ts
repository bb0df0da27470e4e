import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { searchTexts } from '../../storage/model/filterRegistry';
import { foldText } from '../../storage/model/normalize';
import type { SearchHit } from '../../storage/search';

/**
 * The search index as it was before narrowing, prefix lists and partial selection: every query
 * scores every entry and sorts all hits. Kept verbatim as the reference the fast index must
 * agree with, hit for hit (tests/unit/searchNarrowing.test.ts).
 */
type Entry = { id: string; folderId: string; title: string; folded: string; details: string[]; hay: string; linkedIds: string[] };

const SEP = '\u0001';
const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

export class OracleIndex {
  private entries = new Map<string, Entry>();

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
