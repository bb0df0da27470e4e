import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { DbProvider } from '../../components/shell/DbProvider';
import { LocaleProvider } from '../../components/shell/LocaleProvider';
import { DemoInbox } from '../../components/demo/DemoInbox';
import { openThreadlineDb } from '../../storage/open';
import '../../components/theme.css';
import '../../components/demo/demo.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DbProvider db={openThreadlineDb()}>
      <DatabaseBanner />
      <LocaleProvider>
        <DemoInbox />
      </LocaleProvider>
    </DbProvider>
  </StrictMode>,
);
