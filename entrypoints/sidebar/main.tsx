import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { warmThreadView } from '../../storage/threads/threadView';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';

// Open IndexedDB and warm the thread view's indexes now, while the host has not sent a thread yet:
// a cold first open would otherwise pay for both. Failures show through the panel's own query.
void warmThreadView().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseBanner />
    <SidebarApp />
  </StrictMode>,
);
