import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { DbProvider } from '../../components/shell/DbProvider';
import { LocaleProvider } from '../../components/shell/LocaleProvider';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { detectLocale, loadLocale } from '../../i18n';
import { openThreadlineDb } from '../../storage/open';
import { warmThreadView } from '../../storage/threads/threadView';
import '../../components/theme.css';
import { applyThemeFromUrl } from '../../components/theme';
import '../../components/sidebar/sidebar.css';

// The boot's phases, read by the benchmark (bench/sidebar.ts, firstAfterBoot): the page's modules
// evaluated, IndexedDB open; the first render and `sidebar-listening` are marked by the app.
performance.mark('sidebar-main');

// Gmail's theme (?theme=) before the first paint; without it the system's decides.
applyThemeFromUrl(location);

// The browser's language while the device's stored choice is read: usually the same one.
void loadLocale(detectLocale());

const db = openThreadlineDb();

// Open IndexedDB and warm the thread view's indexes now, while the host has not sent a thread yet:
// a cold first open would otherwise pay for both. Failures show through the panel's own query.
void db.open().then(() => performance.mark('sidebar-db-open'), () => undefined);
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
