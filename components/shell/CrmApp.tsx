import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { getView } from '../../storage/queries/crm';
import { useDb } from './DbProvider';
import { useFolders } from '../hooks';
import { t } from '../../i18n';
import { useAllViews, useFolderCounts } from '../crm/data';
import { EXTRA_PAGES } from './pages';
import { FolderPage } from '../crm/FolderPage';
import { Nav } from './Nav';
import { navigate, useRoute, type Route } from './router';
import { useAutoBackup } from '../workspace/useAutoBackup';
import { ShortcutHelp } from './ShortcutHelp';
import { useCrmShortcuts } from './shortcuts';
import '../crm/crm.css';
import { inBackground } from '../../storage/queries/inBackground';

// A folder's table is the first route and loads with the page; these load when first opened.
const RecordPage = lazy(() => import('../crm/RecordPage').then((m) => ({ default: m.RecordPage })));
const FieldAdminPage = lazy(() => import('../crm/FieldAdminPage').then((m) => ({ default: m.FieldAdminPage })));
const SearchPage = lazy(() => import('../crm/SearchPage').then((m) => ({ default: m.SearchPage })));

function ViewRedirect({ viewId }: { viewId: string }) {
  const db = useDb();
  useEffect(() => {
    inBackground(getView(db, viewId).then((v) => v && navigate({ page: 'folder', folderId: v.folderId, viewId }, { replace: true })));
  }, [db, viewId]);
  return null;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'view':
      return <ViewRedirect viewId={route.viewId} />;
    case 'folder':
      return <FolderPage key={route.folderId} folderId={route.folderId} viewId={route.viewId} />;
    case 'record':
      return <RecordPage recordId={route.recordId} />;
    case 'fields':
      return <FieldAdminPage folderId={route.folderId} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'extra': {
      const page = EXTRA_PAGES.find((p) => p.id === route.id);
      return page ? <>{page.render()}</> : <p className="tl-empty">{t('views.pageMissing')}</p>;
    }
    case 'home':
      return <p aria-busy="true">{t('common.loading')}</p>;
  }
}

/**
 * The CRM page: navigation (search, folders, saved views, other features' pages) and the page the
 * hash names. The same page runs inside Gmail's custom route, framed at about 1000px wide.
 */
export function CrmApp() {
  const route = useRoute();
  const folders = useFolders();
  const views = useAllViews();
  const counts = useFolderCounts(folders);
  const first = folders?.[0];
  useAutoBackup();
  const [helping, setHelping] = useState(false);
  useCrmShortcuts(useCallback(() => setHelping(true), []));
  useEffect(() => {
    if (route.page === 'home' && first) navigate({ page: 'folder', folderId: first.id }, { replace: true });
  }, [route.page, first]);

  return (
    <div className="tl-crm">
      <Nav folders={folders ?? []} views={views ?? []} counts={counts} route={route} />
      <main className="tl-main">
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
          <Page route={route} />
        </Suspense>
      </main>
      {helping && <ShortcutHelp onClose={() => setHelping(false)} />}
    </div>
  );
}
