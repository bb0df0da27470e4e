import { SyncStatusBadge } from '../workspace/SyncStatusBadge';
import { useState } from 'react';
import type { Folder, View } from '../../storage/model/entities';
import { t } from '../../i18n';
import { useCanShape } from '../workspace/useWorkspaceRole';
import { EXTRA_PAGES } from './pages';
import { FolderDialog } from '../crm/FolderDialog';
import { routeHref, type Route } from './router';
import { SearchBox } from '../crm/SearchBox';
import { numberFormat } from '../../storage/model/intl';
import { Icon } from '../icons/icons';
import { FolderIcon } from '../icons/folderIcons';

type Props = {
  folders: readonly Folder[];
  views: readonly View[];
  counts: Map<string, number> | undefined;
  route: Route;
};

const fmt = (n: number | undefined) => (n === undefined ? '' : numberFormat(undefined).format(n));

/** Search, folders with their live counts and saved views, and the pages other features add. */
export function Nav({ folders, views, counts, route }: Props) {
  const [creating, setCreating] = useState(false);
  const canShape = useCanShape();
  const activeFolder = route.page === 'folder' || route.page === 'fields' ? route.folderId : undefined;
  const activeView = route.page === 'folder' ? route.viewId : undefined;
  return (
    <nav className="tl-folders" aria-label={t('crm.folders')}>
      <h1 className="tl-brand">Threadline</h1>
      <SearchBox />
      <ul className="tl-folder-list">
        {folders.map((f) => {
          const own = views.filter((v) => v.folderId === f.id);
          const current = f.id === activeFolder;
          return (
            <li key={f.id}>
              <a className="tl-folder-link" href={routeHref({ page: 'folder', folderId: f.id })} aria-current={current && !activeView ? 'page' : undefined} data-active={current || undefined}>
                <FolderIcon icon={f.icon} /> {f.name}
                <span className="tl-count">{fmt(counts?.get(f.id))}</span>
              </a>
              {own.length > 0 && (
                <ul className="tl-view-list" aria-label={t('views.nav.views', { folder: f.name })}>
                  {own.map((v) => (
                    <li key={v.id}>
                      <a href={routeHref({ page: 'folder', folderId: f.id, viewId: v.id })} aria-current={v.id === activeView ? 'page' : undefined}>
                        <Icon name={v.layout === 'board' ? 'boardView' : 'listView'} size={14} /> {v.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {!canShape ? null : creating ? (
        <FolderDialog onClose={() => setCreating(false)} />
      ) : (
        <button type="button" className="tl-nav-button" onClick={() => setCreating(true)}>
          <Icon name="add" size={14} /> {t('views.nav.newFolder')}
        </button>
      )}
      {EXTRA_PAGES.length > 0 && (
        <ul className="tl-folder-list tl-extra-list" aria-label={t('views.nav.more')}>
          {EXTRA_PAGES.map((p) => (
            <li key={p.id}>
              <a className="tl-folder-link" href={routeHref({ page: 'extra', id: p.id })} aria-current={route.page === 'extra' && route.id === p.id ? 'page' : undefined}>
                <Icon name={p.icon} /> {p.label()}
              </a>
            </li>
          ))}
        </ul>
      )}
      <SyncStatusBadge />
    </nav>
  );
}
