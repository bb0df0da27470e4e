import { t } from '../../i18n';
import { FolderIcon } from '../icons/folderIcons';
import { useFolders } from '../hooks';
import { routeHref } from '../shell/router';
import { HitLine, useSearch } from './SearchBox';

/** Every result for a query, grouped by folder, each a link to its record. */
export function SearchPage({ query }: { query: string }) {
  const hits = useSearch(query, 200);
  const folders = useFolders() ?? [];
  return (
    <section className="tl-page" aria-label={t('views.search.title', { query })}>
      <h2>{t('views.search.title', { query })}</h2>
      {hits?.length === 0 && <p className="tl-empty">{t('views.search.none', { query })}</p>}
      {folders.map((f) => {
        const own = hits?.filter((h) => h.folderId === f.id) ?? [];
        if (own.length === 0) return null;
        return (
          <section key={f.id} aria-label={f.name}>
            <h3 className="tl-section"><FolderIcon icon={f.icon} /> {f.name}</h3>
            <ul className="tl-plain-list">
              {own.map((h) => (
                <li key={h.id}>
                  <a href={routeHref({ page: 'record', recordId: h.id })}>
                    <HitLine hit={h} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
