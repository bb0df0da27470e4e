import type { ExtraPage } from '../crm/extraPages';
import { t } from '../i18n';
import { DuplicatesPage } from './DuplicatesPage';
import { ImportPage } from './ImportPage';
import { TasksPage } from './TasksPage';

/**
 * The data pages, ready for the CRM shell: `EXTRA_PAGES.push(...DATA_PAGES)` (or spread them into
 * its list). The ids are the routes: `#/page/tasks`, `#/page/import`, `#/page/duplicates`.
 */
export const DATA_PAGES: ExtraPage[] = [
  { id: 'tasks', label: () => t('data.nav.tasks'), icon: '☑', render: () => <TasksPage /> },
  { id: 'import', label: () => t('data.nav.import'), icon: '⇪', render: () => <ImportPage /> },
  { id: 'duplicates', label: () => t('data.nav.duplicates'), icon: '⇄', render: () => <DuplicatesPage /> },
];
