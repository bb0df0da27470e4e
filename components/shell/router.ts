import { useSyncExternalStore } from 'react';

/**
 * Hash routes of the CRM page. A hash keeps working when the page is framed inside Gmail's custom
 * route, where the page's own path cannot change, and survives reloads.
 */
export type Route =
  | { page: 'home' }
  | { page: 'folder'; folderId: string; viewId?: string }
  | { page: 'record'; recordId: string }
  | { page: 'fields'; folderId: string }
  | { page: 'search'; query: string }
  | { page: 'extra'; id: string }
  | { page: 'view'; viewId: string };

const enc = encodeURIComponent;

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'folder':
      return route.viewId ? `#/folder/${enc(route.folderId)}/view/${enc(route.viewId)}` : `#/folder/${enc(route.folderId)}`;
    case 'record':
      return `#/record/${enc(route.recordId)}`;
    case 'fields':
      return `#/fields/${enc(route.folderId)}`;
    case 'search':
      return `#/search/${enc(route.query)}`;
    case 'extra':
      return `#/page/${enc(route.id)}`;
    case 'view':
      return `#/view/${enc(route.viewId)}`;
  }
}

/** Unknown or malformed hashes go home rather than to an error page. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const [head, a, b, c] = parts;
  if (head === 'folder' && a) return b === 'view' && c ? { page: 'folder', folderId: a, viewId: c } : { page: 'folder', folderId: a };
  if (head === 'record' && a) return { page: 'record', recordId: a };
  if (head === 'fields' && a) return { page: 'fields', folderId: a };
  if (head === 'search') return { page: 'search', query: parts.slice(1).join('/') };
  if (head === 'page' && a) return { page: 'extra', id: a };
  // Short links used by notifications, reports and the data pages.
  if (['reports', 'automations', 'import', 'duplicates', 'tasks', 'templates', 'workspace'].includes(head ?? '') && !a) return { page: 'extra', id: head! };
  if (head === 'view' && a) return { page: 'view', viewId: a };
  return { page: 'home' };
}

export function navigate(route: Route, { replace = false } = {}) {
  const href = routeHref(route);
  if (replace) history.replaceState(null, '', href);
  else location.hash = href;
  // replaceState fires no hashchange: tell subscribers ourselves.
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
