import { useLayoutEffect } from 'react';
import { SyncStatusBadge } from '../workspace/SyncStatusBadge';
import { preloadSidebarParts } from './lazy';
import { RepDay } from './RepDay';
import { ThreadPanel } from './ThreadPanel';
import { useThreadContext } from './useThreadContext';
import { t } from '../../i18n';

let booted = false;

export function SidebarApp() {
  useLayoutEffect(() => {
    if (booted) return;
    booted = true;
    // The boot's first render, for the benchmark (bench/sidebar.ts); then the forms load while idle.
    performance.mark('sidebar-first-render');
    preloadSidebarParts();
  }, []);
  return (
    <>
      <SidebarBody />
      <footer className="tl-sidebar-footer">
        <SyncStatusBadge />
      </footer>
    </>
  );
}

function SidebarBody() {
  const state = useThreadContext();
  switch (state.status) {
    // No thread open: the rep's day, then a line saying what opening one would show.
    case 'waiting':
    case 'closed':
      return (
        <>
          <RepDay />
          <p className="tl-empty">{t(state.status === 'waiting' ? 'sidebar.waiting' : 'sidebar.closed')}</p>
        </>
      );
    case 'invalid':
      return (
        <div role="alert" className="tl-error">
          <strong>{t('sidebar.unreadable')}</strong>
          <p>{t('sidebar.unreadableHelp')}</p>
          <details>
            <summary>{t('sidebar.details')}</summary>
            <code>{state.reason}</code>
          </details>
        </div>
      );
    case 'open':
      return <ThreadPanel key={state.context.threadId} context={state.context} logRequests={state.logRequests} openRequests={state.openRequests} noteRequests={state.noteRequests} />;
  }
}
