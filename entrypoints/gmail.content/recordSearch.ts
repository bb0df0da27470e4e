import { recordSearchReplySchema, type RecordSearchHit } from '../../messaging/recordSearch';
import type { SearchSource, SearchSuggestion } from './surface';

export type RecordSearchDeps = {
  /** Sends the request to the background; resolves with its unparsed reply. */
  ask: (query: string) => Promise<unknown>;
  openRecord: (recordId: string) => void;
  iconUrl: string;
  /** Aborted when the content script is invalidated: InboxSDK has no way to unregister a provider. */
  signal: AbortSignal;
};

/** Waits this long after a keystroke before asking: a rep typing "garcia" asks once, not six times. */
export const TYPING_PAUSE_MS = 120;

const describe = (hit: RecordSearchHit) => (hit.matched ? `${hit.folder} · ${hit.matched}` : hit.folder);

/**
 * Threadline records among the suggestions under Gmail's search box. Names go in as text (never
 * InboxSDK's *HTML fields); choosing one opens it in the Threadline route. A reply that does not
 * parse, a dead background or a newer keystroke all give no suggestions rather than wrong ones.
 */
export function registerRecordSearch(search: SearchSource, deps: RecordSearchDeps): void {
  let latest = 0;
  search.registerSearchSuggestionsProvider(async (query) => {
    const mine = ++latest;
    if (deps.signal.aborted || query.trim().length < 2) return [];
    await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
    if (mine !== latest || deps.signal.aborted) return [];
    const reply = recordSearchReplySchema.safeParse(await deps.ask(query).catch(() => undefined));
    if (!reply.success || mine !== latest || deps.signal.aborted) return [];
    return reply.data.hits.map(
      (hit): SearchSuggestion => ({
        name: hit.title,
        description: describe(hit),
        iconUrl: deps.iconUrl,
        onClick: () => deps.openRecord(hit.recordId),
      }),
    );
  });
}
