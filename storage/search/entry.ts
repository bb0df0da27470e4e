import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { searchTexts } from '../model/filterRegistry';
import { foldText } from '../model/normalize';

/**
 * One record as the index holds it: every string already folded, joined and reduced to digits,
 * so that scoring is a handful of `includes`/`startsWith` calls. Kept lean: 80,000 of these
 * live in the page.
 */
export type Entry = {
  id: string;
  folderId: string;
  title: string;
  folded: string;
  details: string[];
  /** Title and details joined by SEP: a token needs one `includes`, a detail prefix `includes(SEP + q)`. */
  hay: string;
  /** No SEP inside the title or a detail, so every SEP in `hay` starts a detail. */
  sepFree: boolean;
  /**
   * The folded title's words, each after a space (words hold no spaces, queries' tokens neither),
   * so "a word starts with t" is exactly `wordStarts.includes(' ' + t)`.
   */
  wordStarts: string;
  /** Each detail reduced to its digits, joined by SEP, for phone queries. */
  digits: string;
  linkedIds: string[];
  /**
   * Insertion order: the last tie-break of the ranking. The index once sorted all hits with a
   * stable sort in map order, so equal-looking titles came out in insertion order; `seq` keeps
   * that order now that only the best few are selected.
   */
  seq: number;
  /** Set once the record is replaced or removed; lists that still hold the entry skip it. */
  dead: boolean;
};

export const SEP = '\u0001';
const WORD_BREAK = /[\s\-.,'’]+/;
export const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

/**
 * The same string in its narrowest form. V8 keeps what `normalize` and `replace` return (and
 * whatever is built from them) as two-byte strings even when every character fits in one byte:
 * twice the memory, and `includes` of a one-byte query in them is several times slower. A JSON
 * round trip re-creates the string one-byte when it can be.
 */
export const compact = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export function toEntry(record: CrmRecord, folderFields: readonly Field[], seq: number): Entry {
  const details = folderFields.flatMap((f) => searchTexts(f, record.values[f.id]).map((t) => compact(foldText(t))));
  const folded = compact(foldText(record.title));
  const hay = compact([folded, ...details].join(SEP));
  return {
    id: record.id, folderId: record.folderId, title: record.title, folded, details, hay,
    sepFree: hay.split(SEP).length === details.length + 1,
    wordStarts: compact(` ${folded.split(WORD_BREAK).join(' ')}`),
    digits: compact(details.map(digitsOf).join(SEP)),
    linkedIds: record.linkedIds, seq, dead: false,
  };
}

/**
 * The first one and two characters of every string a short query can match at its start: the
 * title, its words and each detail. A query of one or two characters ranks these entries above
 * every other hit, so they are all it needs when there are enough of them.
 */
export function prefixKeys(e: Entry): string[] {
  const keys: string[] = [];
  const add = (key: string) => {
    // A query is trimmed and its spaces collapsed: one or two characters never hold a space.
    if (!keys.includes(key) && !/\s/.test(key)) keys.push(key);
  };
  for (const s of [e.folded, ...e.wordStarts.split(' '), ...e.details]) {
    if (s) add(s.slice(0, 1));
    if (s.length > 1) add(s.slice(0, 2));
  }
  return keys;
}
