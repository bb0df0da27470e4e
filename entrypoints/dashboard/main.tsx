import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The theme first: the CRM's own stylesheet (imported by CrmApp) refines it.
import '../../components/theme.css';
import { CrmApp } from '../../components/shell/CrmApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseBanner />
    <CrmApp />
  </StrictMode>,
);
