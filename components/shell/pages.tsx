import { lazy, type ComponentType, type ReactNode } from 'react';
import { t } from '../../i18n';
import type { IconName } from '../icons/icons';

/**
 * A page whose module loads when it is first shown: the CRM page's first route (a folder's table)
 * does not carry charts, the importer or the workspace settings. CrmApp shows a busy state meanwhile.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(() => load().then((Page) => ({ default: Page })));
}

const TasksPage = lazyPage(() => import('../tasks/TasksPage').then((m) => m.TasksPage));
const ImportPage = lazyPage(() => import('../import/ImportPage').then((m) => m.ImportPage));
const DuplicatesPage = lazyPage(() => import('../duplicates/DuplicatesPage').then((m) => m.DuplicatesPage));
const ReportsPage = lazyPage(() => import('../reports/ReportsPage').then((m) => m.ReportsPage));
const TemplatesPage = lazyPage(() => import('../templates/TemplatesPage').then((m) => m.TemplatesPage));
const AutomationsPage = lazyPage(() => import('../automations/AutomationsPage').then((m) => m.AutomationsPage));
const ConfiguredWorkspacePage = lazyPage(() => import('../workspace/WorkspacePage').then((m) => m.ConfiguredWorkspacePage));

/**
 * The CRM shell's pages besides folders and records, in navigation order: the one list of them.
 * Each renders at `#/page/<id>` (components/shell/router.ts).
 */
export type ExtraPage = {
  id: string;
  /** Called at render time, so the label follows the UI language. */
  label: () => string;
  icon: IconName;
  render: () => ReactNode;
};

export const EXTRA_PAGES: readonly ExtraPage[] = [
  { id: 'tasks', label: () => t('data.nav.tasks'), icon: 'tasks', render: () => <TasksPage /> },
  { id: 'import', label: () => t('data.nav.import'), icon: 'import', render: () => <ImportPage /> },
  { id: 'duplicates', label: () => t('data.nav.duplicates'), icon: 'duplicates', render: () => <DuplicatesPage /> },
  { id: 'reports', label: () => t('reports.title'), icon: 'reports', render: () => <ReportsPage /> },
  { id: 'templates', label: () => t('templates.title'), icon: 'templates', render: () => <TemplatesPage /> },
  { id: 'automations', label: () => t('automation.title'), icon: 'automations', render: () => <AutomationsPage /> },
  { id: 'workspace', label: () => t('sync.ws.title'), icon: 'workspace', render: () => <ConfiguredWorkspacePage /> },
];
