import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { createThreadHost, type ThreadHost } from '../../messaging/threadHost';
import { DEMO_THREADS, type DemoThread } from './fixtures';
import { DemoRowLabels, useDemoRows } from './demoRows';
import { DemoSearch } from './DemoSearch';
import { DemoNav } from './DemoNav';
import { useDemoShortcuts } from './demoShortcuts';
import { DemoCompose, replyTo, type ComposeRequest } from './DemoCompose';
import { routeHref } from '../shell/router';
import { dateTimeFormat } from '../../storage/model/intl';
import { t } from '../../i18n';

/** The demo's Threadline route is the CRM page in a tab of its own. */
const openRecord = (recordId: string) => void window.open(browser.runtime.getURL('/dashboard.html') + routeHref({ page: 'record', recordId }), '_blank');

/** `openThread`: the sidebar's home asked for a thread (read through a ref: the host outlives renders). */
function useThreadHost(openThread: (threadId: string) => void): ThreadHost | undefined {
  const [host, setHost] = useState<ThreadHost>();
  const opener = useRef(openThread);
  useEffect(() => {
    opener.current = openThread;
  });
  useEffect(() => {
    const abort = new AbortController();
    void browser.tabs.getCurrent().then((tab) => {
      if (abort.signal.aborted) return;
      // Only this tab's sidebar may ask: other tabs' sidebars hear the same runtime messages.
      setHost(createThreadHost(abort.signal, (sender) => sender.tab?.id === tab?.id, { openRecord, openThread: (id) => opener.current(id) }));
    });
    return () => abort.abort();
  }, []);
  return host;
}

const when = (ms: number) => dateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

function ThreadView({ thread, onLog, onReply }: { thread: DemoThread; onLog: () => void; onReply: () => void }) {
  const ctx = thread.context as { subject?: string; messages?: { messageId: string; from?: { name: string; email: string }; date?: number; snippet?: string }[] };
  return (
    <article className="demo-thread" aria-label={t('demo.openThread')}>
      <header className="demo-thread-header">
        <h2>{ctx.subject}</h2>
        <button type="button" onClick={onLog}>
          {t('demo.log')}
        </button>
        <button type="button" onClick={onReply}>
          {t('demo.reply')}
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
  const [openId, setOpenId] = useState<string>();
  // The open compose window (DemoCompose.tsx runs the content script's compose.ts on it).
  const [compose, setCompose] = useState<ComposeRequest>();
  const open = useMemo(() => DEMO_THREADS.find((d) => d.id === openId), [openId]);
  // Deal stages on the rows, by the content script's own code (demoRows.tsx).
  const rows = useDemoRows();
  const host = useThreadHost((threadId) => {
    const thread = DEMO_THREADS.find((d) => d.id === threadId);
    if (thread) openThread(thread);
  });

  function openThread(thread: DemoThread) {
    if (open && host) host.threadClosed(open.id);
    setOpenId(thread.id);
    host?.threadOpened(thread.context, thread.id);
  }
  // Gmail's shortcuts through the content script's shortcuts.ts, acting on the open thread's sidebar.
  const shortcuts = useDemoShortcuts({
    request: (action) => {
      if (!open || !host) return;
      if (action === 'log') host.logEmailRequested(open.id);
      else host.actionRequested(action, open.id);
    },
    goToThreadline: () => void window.open(browser.runtime.getURL('/dashboard.html'), '_blank'),
  });

  return (
    <div className="demo">
      <nav className="demo-list" aria-label={t('demo.inbox')}>
        <DemoCompose request={compose} onChange={setCompose} />
        <h1>{t('demo.title')}</h1>
        <ul>
          {DEMO_THREADS.map((thread) => (
            <li key={thread.id}>
              <button type="button" aria-current={thread.id === openId ? 'true' : undefined} onClick={() => openThread(thread)} disabled={!host}>
                {thread.label()}
                <DemoRowLabels rows={rows} threadId={thread.id} />
              </button>
            </li>
          ))}
        </ul>
        <DemoNav />
        <details className="demo-shortcuts">
          <summary>{t('demo.shortcuts')}</summary>
          <dl>
            {shortcuts.map((s) => (
              <div key={s.chord}>
                <dt><kbd>{s.chord}</kbd></dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      </nav>
      <main className="demo-main">
        <DemoSearch openRecord={openRecord} />
        {open ? <ThreadView thread={open} onLog={() => host?.logEmailRequested(open.id)} onReply={() => setCompose(replyTo(open))} /> : <p>{t('demo.pick')}</p>}
      </main>
      <iframe className="demo-sidebar" title={t('demo.sidebar')} src={browser.runtime.getURL('/sidebar.html')} />
    </div>
  );
}
