import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../storage/search';
import { findDealsToLink, linkThreadPrivately } from '../../storage/threads/threads';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';

/** The deals matching `query`, keeping only the latest answer when keystrokes overtake each other. */
function useDealHits(threadId: string, query: string): SearchHit[] | undefined {
  const db = useDb();
  const [hits, setHits] = useState<SearchHit[]>();
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) return setHits(undefined);
    findDealsToLink(db, threadId, query).then(
      (h) => ticket === latest.current && setHits(h),
      () => ticket === latest.current && setHits([]),
    );
  }, [db, threadId, query]);
  return hits;
}

/**
 * Links the thread to any deal of the workspace, found as the rep types (an ARIA combobox: arrows
 * move, Enter links the highlighted deal, Escape closes). It stays open after a link, so a
 * thread about several deals is linked to each in a row.
 */
export function DealPicker({ threadId }: { threadId: string }) {
  const db = useDb();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const hits = useDealHits(threadId, query);
  const shown = open && hits !== undefined;

  async function link(hit: SearchHit | undefined) {
    if (!hit) return;
    try {
      await linkThreadPrivately(db, threadId, hit.id);
      setStatus(t('sidebar.linkedTo', { name: hit.title || t('common.untitled') }));
      setError(undefined);
      setQuery('');
      setActive(0);
    } catch (e) {
      setError(describeError(e).join(' '));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = hits?.length ?? 0;
    if (e.key === 'ArrowDown') setActive((i) => (n ? (i + 1) % n : 0));
    else if (e.key === 'ArrowUp') setActive((i) => (n ? (i - 1 + n) % n : 0));
    else if (e.key === 'Enter') void link(hits?.[active]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  }

  return (
    <div className="tl-picker">
      <label htmlFor={`${id}-q`} className="tl-picker-label">{t('sidebar.linkDeal')}</label>
      <input id={`${id}-q`} type="search" role="combobox" autoComplete="off" aria-label={t('sidebar.findDeal')} aria-expanded={shown} aria-controls={`${id}-list`}
        aria-autocomplete="list" aria-activedescendant={shown && hits.length ? `${id}-${active}` : undefined} placeholder={t('sidebar.findDealPlaceholder')}
        value={query} onKeyDown={onKeyDown} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }} />
      {shown && (
        <ul id={`${id}-list`} role="listbox" aria-label={t('sidebar.findDeal')} className="tl-picker-list">
          {hits.length === 0 && <li className="tl-muted" role="presentation">{t('sidebar.noDealFound')}</li>}
          {hits.map((h, i) => (
            <li key={h.id} id={`${id}-${i}`} role="option" aria-selected={i === active} className="tl-picker-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                void link(h);
              }}>
              <span dir="auto">{h.title || t('common.untitled')}</span>
              {h.via !== 'title' && <small className="tl-muted" dir="auto"> · {h.matched}</small>}
            </li>
          ))}
        </ul>
      )}
      {error && <div role="alert" className="tl-error">{error}</div>}
      <span role="status" className="tl-visually-hidden">{status}</span>
    </div>
  );
}
