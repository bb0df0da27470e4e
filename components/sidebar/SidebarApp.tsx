import { ThreadPanel } from './ThreadPanel';
import { useThreadContext } from './useThreadContext';

export function SidebarApp() {
  const state = useThreadContext();
  switch (state.status) {
    case 'waiting':
      return <p className="tl-empty">Open a thread to see its people, deals and history.</p>;
    case 'closed':
      return <p className="tl-empty">No thread open.</p>;
    case 'invalid':
      return (
        <div role="alert" className="tl-error">
          <strong>Threadline couldn’t read this thread.</strong>
          <p>Nothing was saved. Gmail may have changed its page; reload Gmail and try again.</p>
          <details>
            <summary>Details</summary>
            <code>{state.reason}</code>
          </details>
        </div>
      );
    case 'open':
      return <ThreadPanel key={state.context.threadId} context={state.context} logRequests={state.logRequests} />;
  }
}
