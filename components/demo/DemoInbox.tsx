import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { createThreadHost, type ThreadHost } from '../../messaging/threadHost';
import { DEMO_THREADS, type DemoThread } from './fixtures';
import { dateTimeFormat } from '../../storage/model/intl';

function useThreadHost(): ThreadHost | undefined {
  const [host, setHost] = useState<ThreadHost>();
  useEffect(() => {
    const abort = new AbortController();
    void browser.tabs.getCurrent().then((tab) => {
      if (abort.signal.aborted) return;
      // Only this tab's sidebar may ask: other tabs' sidebars hear the same runtime messages.
      setHost(createThreadHost(abort.signal, (sender) => sender.tab?.id === tab?.id));
    });
    return () => abort.abort();
  }, []);
  return host;
}

const when = (ms: number) => dateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

function ThreadView({ thread, onLog }: { thread: DemoThread; onLog: () => void }) {
  const ctx = thread.context as { subject?: string; messages?: { messageId: string; from?: { name: string; email: string }; date?: number; snippet?: string }[] };
  return (
    <article className="demo-thread" aria-label="Open thread">
      <header className="demo-thread-header">
        <h2>{ctx.subject}</h2>
        <button type="button" onClick={onLog}>
          Log to Threadline
        </button>
      </header>
      {ctx.messages?.map((m) => (
        <div key={m.messageId} className="demo-message">
          <div className="demo-from">
            <strong>{m.from?.name}</strong> &lt;{m.from?.email}&gt;
            {m.date && <span className="demo-date">{when(m.date)}</span>}
          </div>
          <p>{m.snippet}</p>
        </div>
      ))}
    </article>
  );
}

/** A small inbox that drives the real sidebar through the same messages as Gmail does. */
export function DemoInbox() {
  const host = useThreadHost();
  const [openId, setOpenId] = useState<string>();
  const open = useMemo(() => DEMO_THREADS.find((t) => t.id === openId), [openId]);

  const openThread = (t: DemoThread) => {
    if (open && host) host.threadClosed(open.id);
    setOpenId(t.id);
    host?.threadOpened(t.context, t.id);
  };

  return (
    <div className="demo">
      <nav className="demo-list" aria-label="Inbox">
        <h1>Demo inbox</h1>
        <ul>
          {DEMO_THREADS.map((t) => (
            <li key={t.id}>
              <button type="button" aria-current={t.id === openId ? 'true' : undefined} onClick={() => openThread(t)} disabled={!host}>
                {t.label}
              </button>
            </li>
          ))}
        </ul>
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">
          Open the CRM
        </a>
      </nav>
      <main className="demo-main">{open ? <ThreadView thread={open} onLog={() => host?.logEmailRequested(open.id)} /> : <p>Pick a thread.</p>}</main>
      <iframe className="demo-sidebar" title="Threadline sidebar" src={browser.runtime.getURL('/sidebar.html')} />
    </div>
  );
}
