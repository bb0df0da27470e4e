import { foldText } from '../model/normalize';
import { compact, digitsOf, SEP, type Entry } from './entry';

export type SearchHit = {
  id: string;
  folderId: string;
  title: string;
  /** What matched, for the result line: the title, or the email/phone that did. */
  matched: string;
  via: 'title' | 'detail' | 'linked';
  score: number;
};

/**
 * A query as the index compares it: folded, spaces collapsed, cut into tokens; `digits` set for
 * phone-like queries; `sepQ` and `wordHeads` are what Entry.hay and Entry.wordStarts hold where
 * a detail or a word starts with the query or a token.
 */
export type Query = { q: string; tokens: string[]; digits: string; sepQ: string; sepQSep: string; plain: boolean; wordHeads: string[] };

export function toQuery(q: string, digits = ''): Query {
  const tokens = q.split(' ');
  return { q, tokens, digits, sepQ: SEP + q, sepQSep: SEP + q + SEP, plain: !q.includes(SEP), wordHeads: tokens.map((t) => ` ${t}`) };
}

export function parseQuery(query: string): Query | undefined {
  const q = compact(foldText(query).trim().replace(/\s+/g, ' '));
  if (!q) return undefined;
  const digits = digitsOf(q);
  return toQuery(q, digits.length >= 3 && /^[0-9+ ().\-/]+$/.test(q) ? digits : '');
}

/**
 * Whether every hit of `next` is a hit of `prev`, so `next` may search only `prev`'s hits.
 * Extending the text keeps each old token inside a new one; a phone query (`digits`) also matches
 * records through their digits alone, which a non-phone `prev` did not look at.
 */
export function narrows(prev: Query, next: Query): boolean {
  return next.q.startsWith(prev.q) && (!next.digits || !!prev.digits);
}

function hasAll(s: string, tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (!s.includes(tokens[i]!)) return false;
  return true;
}

/**
 * Whether the first detail whose digits hold `digits` (at `at`, the first occurrence: digits
 * never hold SEP, so it lies in that detail) is all of them.
 */
function wholeDetail(e: Entry, digits: string, at: number): boolean {
  const end = at + digits.length;
  return (at === 0 || e.digits[at - 1] === SEP) && (end === e.digits.length || e.digits[end] === SEP);
}

/** Whether the entry is a hit at all: cheaper than scoring, and all that narrowing needs. */
export function matches(e: Entry, { tokens, digits }: Query): boolean {
  return (!!digits && e.digits.includes(digits)) || hasAll(e.hay, tokens);
}

/**
 * Whether a score above 40 is possible: each needs the query to start the title or a detail, or
 * each token to start a title word. Most hits of a short query are infixes and stop here.
 */
function mayStart(e: Entry, { q, sepQ, wordHeads }: Query): boolean {
  return e.hay.startsWith(q) || e.hay.includes(sepQ) || hasAll(e.wordStarts, wordHeads);
}

/** 95 when a detail is the query, 70 when one starts with it, else 0. */
function detailMatch(e: Entry, { q, sepQ, sepQSep, plain }: Query): number {
  // Details sit in `hay` after a SEP: without a SEP in the query or the texts, two `includes` say it all.
  if (plain && e.sepFree) return !e.hay.includes(sepQ) ? 0 : e.hay.includes(sepQSep) || e.hay.endsWith(sepQ) ? 95 : 70;
  let prefix = false;
  for (const d of e.details) {
    if (d === q) return 95;
    prefix ||= d.startsWith(q);
  }
  return prefix ? 70 : 0;
}

/**
 * 0 when the entry does not match; else exact title 100, phone digits 90 (whole) or 50 (part),
 * exact detail 95, detail prefix 70, title prefix 80, word prefixes 60, title infix 40, other 20.
 * Plain loops and no allocation: a one-letter query scores tens of thousands of entries.
 */
export function scoreOf(e: Entry, query: Query): number {
  const { q, tokens, digits } = query;
  if (digits) {
    const at = e.digits.indexOf(digits);
    if (at >= 0) return wholeDetail(e, digits, at) ? 90 : 50;
  }
  if (!hasAll(e.hay, tokens)) return 0;
  if (!mayStart(e, query)) return hasAll(e.folded, tokens) ? 40 : 20;
  if (e.folded === q) return 100;
  const detail = detailMatch(e, query);
  if (detail) return detail;
  if (e.folded.startsWith(q)) return 80;
  if (hasAll(e.wordStarts, query.wordHeads)) return 60;
  return hasAll(e.folded, tokens) ? 40 : 20;
}

/** What a hit with `score` shows, found only for the hits that are shown. */
export function explain(e: Entry, { q, digits }: Query, score: number): Pick<SearchHit, 'matched' | 'via'> {
  const detail =
    score === 90 || score === 50 ? e.details[e.digits.slice(0, e.digits.indexOf(digits)).split(SEP).length - 1]
    : score === 95 ? e.details.find((d) => d === q)
    : score === 70 ? e.details.find((d) => d.startsWith(q))
    : score === 20 ? e.details.find((d) => d.includes(q))
    : undefined;
  return detail === undefined ? { matched: e.title, via: 'title' } : { matched: detail, via: 'detail' };
}

/** The lowest score that needs the query, or each of its tokens, to start something (a word prefix). */
export const STRONG = 60;

/** Below every direct hit (the lowest scores 20): people and deals of a matching company. */
export const LINKED_SCORE = 10;

const collator = new Intl.Collator();

/**
 * Higher score, then shorter title, then alphabetical (as `localeCompare`), then insertion order:
 * a total order, so selecting the best few agrees with sorting all of them.
 */
export function rank(a: Entry, aScore: number, b: Entry, bScore: number): number {
  return bScore - aScore || a.title.length - b.title.length || collator.compare(a.title, b.title) || a.seq - b.seq;
}
