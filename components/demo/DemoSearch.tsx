import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { registerRecordSearch } from '../../entrypoints/gmail.content/recordSearch';
import type { SearchSource, SearchSuggestion } from '../../entrypoints/gmail.content/surface';
import type { RecordSearchRequest } from '../../messaging/recordSearch';
import { t } from '../../i18n';
import './demoSurfaces.css';

type Provider = (query: string) => Promise<SearchSuggestion[]>;

/** The content script's own provider (recordSearch.ts), registered on the demo's search surface; `openRecord` must be stable. */
function useDemoSearchProvider(openRecord: (recordId: string) => void): Provider | undefined {
  const [provider, setProvider] = useState<Provider>();
  useEffect(() => {
    const abort = new AbortController();
    const search: SearchSource = { registerSearchSuggestionsProvider: (p) => setProvider(() => p) };
    const ask = (query: string) => browser.runtime.sendMessage({ type: 'threadline/search-records', query } satisfies RecordSearchRequest);
    registerRecordSearch(search, { ask, openRecord, iconUrl: browser.runtime.getURL('/icon/48.png'), signal: abort.signal });
    return () => abort.abort();
  }, [openRecord]);
  return provider;
}

/**
 * The demo's stand-in for Gmail's search box: what it suggests comes from the same provider Gmail
 * calls, and a suggestion opens as it would there (the demo's Threadline route is the CRM page).
 */
export function DemoSearch({ openRecord }: { openRecord: (recordId: string) => void }) {
  const provider = useDemoSearchProvider(openRecord);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<SearchSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => {
    let live = true;
    if (!provider) return undefined;
    void provider(query).then((s) => {
      if (live) {
        setShown(s);
        setActive(-1);
      }
    });
    return () => {
      live = false;
    };
  }, [provider, query]);

  const choose = (s: SearchSuggestion | undefined) => {
    if (!s) return;
    s.onClick();
    setQuery('');
  };
  return (
    <div className="demo-search">
      <input type="search" role="combobox" aria-label={t('demo.search')} placeholder={t('demo.search')} aria-expanded={shown.length > 0} aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined} value={query} onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(-1, i - 1));
          else if (e.key === 'Enter') choose(shown[Math.max(0, active)]);
          else return;
          e.preventDefault();
        }} />
      <ul id={listId} role="listbox" aria-label={t('demo.searchSuggestions')} hidden={shown.length === 0}>
        {shown.map((s, i) => (
          <li key={`${s.name}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(s)}>
            <img src={s.iconUrl} alt="" width={16} height={16} />
            <span className="demo-search-name" dir="auto">{s.name}</span>
            <span className="demo-search-description" dir="auto">{s.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
