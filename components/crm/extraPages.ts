import type { ReactNode } from 'react';
import { createElement } from 'react';
import { DATA_PAGES } from '../data/pages';
import { t } from '../i18n';
import { AutomationsPage } from '../reports/AutomationsPage';
import { ReportsPage } from '../reports/ReportsPage';
import { ConfiguredWorkspacePage } from '../sync/WorkspacePage';

/**
 * Pages other parts of Threadline add to the CRM shell (tasks, import, duplicates, reports,
 * workspace). Each appears in the navigation and renders at `#/page/<id>`.
 */
export type ExtraPage = {
  id: string;
  /** Called at render time, so the label follows the UI language. */
  label: () => string;
  icon: string;
  render: () => ReactNode;
};

export const EXTRA_PAGES: ExtraPage[] = [
  ...DATA_PAGES,
  { id: 'reports', label: () => t('reports.title'), icon: '📊', render: () => createElement(ReportsPage) },
  { id: 'automations', label: () => t('automation.title'), icon: '⚙', render: () => createElement(AutomationsPage) },
  { id: 'workspace', label: () => t('sync.ws.title'), icon: '👥', render: () => createElement(ConfiguredWorkspacePage) },
];
