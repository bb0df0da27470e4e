import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { searchRecords, type SearchHit } from '../../storage/search';
import { t } from '../../i18n';
import { FolderIcon } from '../icons/folderIcons';
import { useFolders } from '../hooks';
import { navigate } from '../shell/router';
import { useDb } from '../shell/DbProvider';

/** Runs a query, keeping only the latest answer when keystrokes overtake each other. */
export function useSearch(query: string, limit: number): SearchHit[] | undefined {
  const db = useDb();
  const [hits, setHits] = useState<SearchHit[]>();
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setHits(undefined);
      return;
    }
    searchRecords(db, query, limit).then(
      (h) => ticket === latest.current && setHits(h),
      // The database went away (page closing, or deleted): show no results rather than fail.
      () => ticket === latest.current && setHits([]),
    );
  }, [db, query, limit]);
  return hits;
}

export function HitLine({ hit, icon }: { hit: SearchHit; icon?: string }) {
  return (
    <>
      {icon !== undefined && <FolderIcon icon={icon} size={14} />} <span className="tl-hit-title">{hit.title || t('common.untitled')}</span>
      {hit.via !== 'title' && (
        <small className="tl-muted"> · {hit.via === 'linked' ? t('views.search.via', { name: hit.matched }) : hit.matched}</small>
      )}
    </>
  );
}

/**
 * One box over every folder, as an ARIA combobox: arrows move through the results, Enter opens
 * the highlighted record (or every result when none is highlighted), Escape closes.
 */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const hits = useSearch(query, 8);
  const folders = useFolders();
  const listId = useId();
  const icon = (folderId: string) => folders?.find((f) => f.id === folderId)?.icon;
  const shown = open && query.trim() !== '' && hits !== undefined;

  const go = (hit: SearchHit | undefined) => {
    navigate(hit ? { page: 'record', recordId: hit.id } : { page: 'search', query });
    setOpen(false);
    setActive(-1);
  };

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = hits?.length ?? 0;
    if (e.key === 'ArrowDown') setActive((i) => (n ? (i + 1) % n : -1));
    else if (e.key === 'ArrowUp') setActive((i) => (n ? (i - 1 + n) % n : -1));
    else if (e.key === 'Enter' && query.trim()) go(active >= 0 ? hits?.[active] : undefined);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
    setOpen(e.key !== 'Escape' && e.key !== 'Enter');
  }

  return (
    <div className="tl-search">
      <input
        type="search"
        data-shortcut="search"
        role="combobox"
        aria-label={t('views.search.label')}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('views.search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={t('views.search.results')} className="tl-search-results" hidden={!shown}>
        {hits?.map((hit, i) => (
          <li
            key={hit.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(hit)}
          >
            <HitLine hit={hit} icon={icon(hit.folderId)} />
          </li>
        ))}
        {hits?.length === 0 && <li className="tl-muted" role="option" aria-selected={false} aria-disabled="true">{t('views.search.none', { query })}</li>}
      </ul>
    </div>
  );
}
