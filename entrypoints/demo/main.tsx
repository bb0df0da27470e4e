import { DatabaseBanner } from '../../components/shell/DatabaseBanner';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoInbox } from '../../components/demo/DemoInbox';
import '../../components/theme.css';
import '../../components/demo/demo.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseBanner />
    <DemoInbox />
  </StrictMode>,
);
