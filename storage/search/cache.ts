import type { Entry } from './entry';
import { narrows, type Query } from './score';

/** Entries and their scores, side by side (no object per hit: a short query has tens of thousands). */
export type Hits = { entries: Entry[]; scores: number[] };
/**
 * Every direct hit of one query, unranked, without linked records; `scores` once they were
 * ranked (narrowing needs only the entries, and rescores them for the longer query). A `strong`
 * answer holds only the hits scoring STRONG or more, with their scores: a superset for another
 * strong search, never for a full one.
 */
export type Answer = { query: Query; entries: Entry[]; scores?: number[]; strong?: boolean };

/**
 * The last few answers, keyed by folded query. Typing only narrows, so the next keystroke
 * searches the previous answer's hits instead of the whole index; backspacing finds its answer
 * here again. The owner must `clear()` it whenever an entry changes: answers are not patched.
 */
export class QueryCache {
  private answers = new Map<string, Answer>();

  constructor(private readonly capacity = 8) {}

  clear() {
    // Map.clear allocates a fresh table even when empty, and every upsert of a build calls this.
    if (this.answers.size) this.answers.clear();
  }

  get(q: string): Answer | undefined {
    const answer = this.answers.get(q);
    if (answer) this.touch(answer);
    return answer;
  }

  set(answer: Answer) {
    this.touch(answer);
    while (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
  }

  /** The smallest cached answer that holds every hit of `query` (every strong hit, if `strong`), if any. */
  narrowest(query: Query, strong = false): Answer | undefined {
    let best: Answer | undefined;
    for (const answer of this.answers.values()) {
      if ((strong || !answer.strong) && narrows(answer.query, query) && (!best || answer.entries.length < best.entries.length)) best = answer;
    }
    return best;
  }

  /** Map order is the eviction order: re-inserting moves an answer to the young end. */
  private touch(answer: Answer) {
    this.answers.delete(answer.query.q);
    this.answers.set(answer.query.q, answer);
  }
}
