import type { ReactNode } from 'react';
import { t } from '../../i18n';
import type { IconName } from '../icons/icons';
import { AutomationsPage } from '../automations/AutomationsPage';
import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import { ImportPage } from '../import/ImportPage';
import { ReportsPage } from '../reports/ReportsPage';
import { TasksPage } from '../tasks/TasksPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { ConfiguredWorkspacePage } from '../workspace/WorkspacePage';

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
