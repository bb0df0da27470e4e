import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { DbProvider } from '../../components/shell/DbProvider';
import { LocaleProvider } from '../../components/shell/LocaleProvider';
import { detectLocale, loadLocale } from '../../i18n';
import { openThreadlineDb } from '../../storage/open';
// The theme first: the CRM's own stylesheet (imported by CrmApp) refines it.
import '../../components/theme.css';
import { applyThemeFromUrl } from '../../components/theme';
import { CrmApp } from '../../components/shell/CrmApp';

// Gmail's theme (?theme=) before the first paint; without it the system's decides.
applyThemeFromUrl(location);

// The browser's language while the device's stored choice is read: usually the same one.
void loadLocale(detectLocale());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DbProvider db={openThreadlineDb()}>
      <DatabaseBanner />
      <LocaleProvider>
        <CrmApp />
      </LocaleProvider>
    </DbProvider>
  </StrictMode>,
);
