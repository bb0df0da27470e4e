import { viewHref } from '../../storage/reports/drilldown';

/**
 * Opens a saved view. On the CRM page itself only the hash changes (no reload); from any other
 * page (Gmail's custom route frames the same dashboard.html) the CRM page is loaded.
 */
export function openView(viewId: string): void {
  const href = viewHref(viewId);
  if (location.pathname.endsWith('/dashboard.html')) location.hash = href.slice(href.indexOf('#'));
  else location.assign(`/${href}`);
}

/** Saves a CSV file the way a browser download does; the BOM lets Excel read accents correctly. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
