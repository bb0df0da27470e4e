import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { attachNavViews } from '../../entrypoints/gmail.content/navViews';
import type { NavItemSource } from '../../entrypoints/gmail.content/surface';
import type { NavViewsRequest } from '../../messaging/navViews';
import { t } from '../../i18n';
import './demoSurfaces.css';

type Child = { key: number; name: string; onClick(): void };

/**
 * The demo's Threadline nav item: its saved views come from the content script's own navViews.ts
 * through the demo's implementation of the nav surface; a view opens in the CRM page (the demo's
 * Threadline route), in a tab of its own.
 */
export function DemoNav() {
  const [children, setChildren] = useState<Child[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    let next = 0;
    const item: NavItemSource = {
      remove: () => undefined,
      addNavItem(d) {
        const child: Child = { key: next++, name: d.name, onClick: d.onClick };
        setChildren((c) => [...c, child]);
        return { remove: () => setChildren((c) => c.filter((x) => x !== child)), addNavItem: () => item };
      },
    };
    const ask = (request: NavViewsRequest) => browser.runtime.sendMessage(request);
    const openView = (viewId: string) => void window.open(`${browser.runtime.getURL('/dashboard.html')}#/view/${encodeURIComponent(viewId)}`, '_blank');
    attachNavViews(item, { ask, openView, signal: abort.signal });
    return () => abort.abort();
  }, []);
  return (
    <div className="demo-nav">
      <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">
        {t('demo.openCrm')}
      </a>
      <ul aria-label={t('demo.navViews')}>
        {children.map((c) => (
          <li key={c.key}>
            <button type="button" className="demo-nav-view" onClick={c.onClick} dir="auto">
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
