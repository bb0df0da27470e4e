import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CrmApp } from '../../components/crm/CrmApp';
import '../../components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CrmApp />
  </StrictMode>,
);
