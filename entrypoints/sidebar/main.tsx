import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { DbProvider } from '../../components/shell/DbProvider';
import { LocaleProvider } from '../../components/shell/LocaleProvider';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { openThreadlineDb } from '../../storage/open';
import { warmThreadView } from '../../storage/threads/threadView';
import '../../components/theme.css';
import { applyThemeFromUrl } from '../../components/theme';
import '../../components/sidebar/sidebar.css';

// Gmail's theme (?theme=) before the first paint; without it the system's decides.
applyThemeFromUrl(location);

const db = openThreadlineDb();

// Open IndexedDB and warm the thread view's indexes now, while the host has not sent a thread yet:
// a cold first open would otherwise pay for both. Failures show through the panel's own query.
void warmThreadView(db).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DbProvider db={db}>
      <DatabaseBanner />
      <LocaleProvider>
        <SidebarApp />
      </LocaleProvider>
    </DbProvider>
  </StrictMode>,
);
