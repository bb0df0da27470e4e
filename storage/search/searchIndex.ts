import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { QueryCache, type Answer, type Hits } from './cache';
import { prefixKeys, toEntry, type Entry } from './entry';
import { explain, LINKED_SCORE, matches, parseQuery, rank, scoreOf, STRONG, toQuery, type Query, type SearchHit } from './score';
import { topN } from './select';

/** Queries up to this many characters are answered from the prefix lists. */
const SHORT = 2;

/**
 * The in-memory index behind the search box. A keystroke costs at most one pass over the
 * entries, and usually much less:
 * - the hits whose title, a title word or a detail starts with the query (scores 60 and up)
 *   outrank every other hit, so while there are `limit` of them nothing else is looked at: they
 *   come from the prefix lists (first one and two characters of every such string), and for one
 *   or two characters they are those lists;
 * - a query that extends a cached one searches only that one's hits (QueryCache);
 * - only the best `limit` hits are ordered, and linked records are looked for only when the
 *   direct hits do not fill the page (they rank below all of them).
 * The answers are those of scoring every entry and sorting all hits (tests/unit/searchNarrowing
 * checks this against that implementation).
 */
function inFolder({ entries, scores }: Hits, folderId: string): Hits {
  const kept: Hits = { entries: [], scores: [] };
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.folderId !== folderId) continue;
    kept.entries.push(entries[i]!);
    kept.scores.push(scores[i]!);
  }
  return kept;
}

export class SearchIndex {
  private entries = new Map<string, Entry>();
  /**
   * First one and two characters -> entries. Replaced entries are only marked dead and dropped
   * when a list is next read, or all at once when they pile up: removing them from every list
   * on each edit cost more than the lists save.
   */
  private byPrefix = new Map<string, Hits>();
  private deadInLists = 0;
  /** Record id -> ids of the records that link to it. */
  private linkedBy = new Map<string, string[]>();
  private cache = new QueryCache();
  /** The same per folder, for pickers: their answers hold only that folder's hits. */
  private folderCaches = new Map<string, QueryCache>();
  /** Prefix keys as queries, made once each: every upsert scores its entry against ~10 of them. */
  private keyQueries = new Map<string, Query>();
  private nextSeq = 0;

  get size() {
    return this.entries.size;
  }

  clear() {
    this.entries.clear();
    this.byPrefix.clear();
    this.deadInLists = 0;
    this.linkedBy.clear();
    this.keyQueries.clear();
    this.cache.clear();
    if (this.folderCaches.size) this.folderCaches.clear();
  }

  upsert(record: CrmRecord, folderFields: readonly Field[]) {
    const old = this.entries.get(record.id);
    if (old) this.retire(old);
    // A replaced record keeps its place in the order, as a Map.set of an existing key would.
    const e = toEntry(record, folderFields, old ? old.seq : this.nextSeq++);
    this.entries.set(e.id, e);
    for (const key of prefixKeys(e)) {
      // The key is the whole query it answers, so the score is known now.
      const score = scoreOf(e, this.keyQuery(key));
      const list = this.byPrefix.get(key);
      if (list) {
        list.entries.push(e);
        list.scores.push(score);
      } else this.byPrefix.set(key, { entries: [e], scores: [score] });
    }
    this.relink(e.id, old?.linkedIds ?? [], e.linkedIds);
    this.cache.clear();
    if (this.folderCaches.size) this.folderCaches.clear();
  }

  remove(id: string) {
    const old = this.entries.get(id);
    if (!old) return;
    this.retire(old);
    this.relink(id, old.linkedIds, []);
    this.entries.delete(id);
    this.cache.clear();
    if (this.folderCaches.size) this.folderCaches.clear();
  }

  /** The best `limit` hits of every folder, or with `folderId` of that folder only (see searchIn). */
  search(query: string, limit = 20, folderId?: string): SearchHit[] {
    const parsed = parseQuery(query);
    const n = Math.trunc(limit);
    // As slice(0, limit) did: zero or NaN keeps nothing, a negative limit drops from the end.
    if (!parsed || !n) return [];
    if (folderId !== undefined) return n > 0 ? this.searchIn(parsed, n, folderId) : [];
    const strong = n > 0 && !parsed.digits ? this.strongHits(parsed) : undefined;
    if (strong && strong.entries.length >= n) return this.ranked(parsed, strong, n);
    const direct = this.scored(this.directHits(parsed));
    if (n > 0 && direct.entries.length >= n) return this.ranked(parsed, direct, n);
    const all = this.withLinked(parsed, direct);
    return n > 0 ? this.ranked(parsed, all, n) : this.ranked(parsed, all, all.entries.length).slice(0, n);
  }

  /**
   * A picker's type-ahead: the same ranking, over one folder. Other folders' entries are skipped
   * before any text is compared (a company picker looks at a contact only to see its folder), and
   * the folder's answers are not cached, so the search box's cache stays that of all folders.
   * Linked records ("Acme" in a contact picker lists Acme's people) come from the records whose
   * title starts with the query or has words starting with its tokens.
   */
  private searchIn(query: Query, n: number, folderId: string): SearchHit[] {
    const strong = query.digits ? undefined : this.strongHits(query);
    const own = strong && inFolder(strong, folderId);
    if (own && own.entries.length >= n) return this.ranked(query, own, n);
    const direct = this.folderHits(query, folderId);
    if (direct.entries.length >= n || !strong) return this.ranked(query, direct, n);
    const hits: Hits = { entries: [...direct.entries], scores: [...direct.scores] };
    const taken = new Set(hits.entries.map((e) => e.id));
    strong.entries.forEach((target, i) => {
      // 100, 80 and 60 are title matches (exact, prefix, word prefixes); the rest matched a detail.
      if (strong.scores[i]! === 95 || strong.scores[i]! === 70) return;
      for (const id of this.linkedBy.get(target.id) ?? []) {
        const e = this.entries.get(id)!;
        if (e.folderId !== folderId || taken.has(id)) continue;
        taken.add(id);
        hits.entries.push(e);
        hits.scores.push(LINKED_SCORE);
      }
    });
    return this.ranked(query, hits, n);
  }

  /**
   * Every direct hit of `query` in one folder, scored: cached per folder, narrowed from the
   * folder's (or failing that every folder's) smallest cached superset, else one pass that
   * skips other folders' entries before comparing any text.
   */
  private folderHits(query: Query, folderId: string): Hits {
    let cache = this.folderCaches.get(folderId);
    if (!cache) this.folderCaches.set(folderId, (cache = new QueryCache()));
    const cached = cache.get(query.q);
    if (cached) return { entries: cached.entries, scores: cached.scores! };
    const global = this.cache.get(query.q);
    const from = cache.narrowest(query)?.entries ?? (global && !global.strong ? global.entries : this.cache.narrowest(query)?.entries) ?? this.entries.values();
    const answer = { query, entries: [] as Entry[], scores: [] as number[] };
    for (const e of from) {
      if (e.folderId !== folderId || !matches(e, query)) continue;
      answer.entries.push(e);
      answer.scores.push(scoreOf(e, query));
    }
    cache.set(answer);
    return answer;
  }

  /** The best `n` of `hits` as shown. */
  private ranked(query: Query, { entries, scores }: Hits, n: number): SearchHit[] {
    const best = topN(entries.length, n, (i, j) => rank(entries[i]!, scores[i]!, entries[j]!, scores[j]!));
    return best.map((i) => {
      const e = entries[i]!;
      const score = scores[i]!;
      const shown = score === LINKED_SCORE ? this.linkReason(e, query) : explain(e, query, score);
      return { id: e.id, folderId: e.folderId, title: e.title, ...shown, score };
    });
  }

  /**
   * The live entries of a prefix list: those whose title, a title word or a detail starts with
   * `key`, with their scores for `key` taken as the query. Dead entries are dropped on the way.
   */
  private prefixHits(key: string): Hits {
    const list = this.byPrefix.get(key);
    if (!list) return { entries: [], scores: [] };
    if (!list.entries.some((e) => e.dead)) return list;
    const live: Hits = { entries: [], scores: [] };
    list.entries.forEach((e, i) => {
      if (e.dead) return;
      live.entries.push(e);
      live.scores.push(list.scores[i]!);
    });
    this.byPrefix.set(key, live);
    return live;
  }

  /**
   * The hits scoring STRONG or more, all that is needed when there are `n` of them: every other
   * hit scores 40 or less. Each starts something with the query's first token, so they are all
   * in the prefix list of its first one or two characters (for a query that short, that list is
   * the answer, scored in advance); and a longer query's strong hits are among a shorter one's,
   * so they narrow like full answers. Undefined when the full answer is cached: ranking it is cheaper.
   */
  private strongHits(query: Query): Hits | undefined {
    if (query.q.length <= SHORT) return this.prefixHits(query.q);
    const cached = this.cache.get(query.q);
    if (cached) return cached.strong ? { entries: cached.entries, scores: cached.scores! } : undefined;
    const from = this.cache.narrowest(query, true)?.entries ?? this.prefixHits(query.tokens[0]!.slice(0, SHORT)).entries;
    const answer = { query, entries: [] as Entry[], scores: [] as number[], strong: true };
    for (const e of from) {
      const score = scoreOf(e, query);
      if (score < STRONG) continue;
      answer.entries.push(e);
      answer.scores.push(score);
    }
    this.cache.set(answer);
    return answer;
  }

  /**
   * Every entry that matches by itself, unscored: cached, narrowed from the smallest cached
   * superset, or one pass over the index.
   */
  private directHits(query: Query): Answer {
    const cached = this.cache.get(query.q);
    if (cached && !cached.strong) return cached;
    const answer: Answer = { query, entries: [] };
    for (const e of this.cache.narrowest(query)?.entries ?? this.entries.values()) if (matches(e, query)) answer.entries.push(e);
    this.cache.set(answer);
    return answer;
  }

  /** All of `answer` with scores, kept with it for the next time the same query comes. */
  private scored(answer: Answer): Hits {
    answer.scores ??= answer.entries.map((e) => scoreOf(e, answer.query));
    return { entries: answer.entries, scores: answer.scores };
  }

  /** `direct` plus the people and deals of records whose title matched ("Acme" lists Acme's contacts). */
  private withLinked(query: Query, direct: Hits): Hits {
    const titles = new Set<string>();
    direct.entries.forEach((e, i) => explain(e, query, direct.scores[i]!).via === 'title' && titles.add(e.id));
    const taken = new Set(direct.entries.map((e) => e.id));
    const all: Hits = { entries: [...direct.entries], scores: [...direct.scores] };
    for (const target of titles) {
      for (const id of this.linkedBy.get(target) ?? []) {
        if (taken.has(id)) continue;
        taken.add(id);
        all.entries.push(this.entries.get(id)!);
        all.scores.push(LINKED_SCORE);
      }
    }
    return all;
  }

  /** The first of a linked hit's links whose title matches names it, as the result line shows. */
  private linkReason(e: Entry, query: Query): Pick<SearchHit, 'matched' | 'via'> {
    const via = e.linkedIds.map((id) => this.entries.get(id)).find((t) => t && this.isTitleHit(t, query))!;
    return { matched: via.title, via: 'linked' };
  }

  private isTitleHit(e: Entry, query: Query): boolean {
    const score = scoreOf(e, query);
    return score > 0 && explain(e, query, score).via === 'title';
  }

  private keyQuery(key: string): Query {
    let query = this.keyQueries.get(key);
    if (!query) this.keyQueries.set(key, (query = toQuery(key)));
    return query;
  }

  /** Moves `id` in linkedBy from the targets it no longer links to, to its new ones (most edits change none). */
  private relink(id: string, before: readonly string[], after: readonly string[]) {
    if (before.length === after.length && before.every((t, i) => t === after[i])) return;
    before.forEach((target, i) => {
      if (before.indexOf(target) !== i || after.includes(target)) return;
      const from = this.linkedBy.get(target)?.filter((x) => x !== id) ?? [];
      if (from.length) this.linkedBy.set(target, from);
      else this.linkedBy.delete(target);
    });
    after.forEach((target, i) => {
      if (after.indexOf(target) !== i || before.includes(target)) return;
      const from = this.linkedBy.get(target);
      if (from) from.push(id);
      else this.linkedBy.set(target, [id]);
    });
  }

  private retire(old: Entry) {
    old.dead = true;
    // Compacting every list costs about a rebuild's pushes; doing it when an eighth is dead keeps that rare.
    if (++this.deadInLists > Math.max(1_000, this.entries.size / 8)) this.compact();
  }

  private compact() {
    for (const key of [...this.byPrefix.keys()]) {
      const live = this.prefixHits(key);
      if (!live.entries.length) this.byPrefix.delete(key);
    }
    this.deadInLists = 0;
  }
}
