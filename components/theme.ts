/** The two palettes of components/theme.css. */
export type Theme = 'dark' | 'light';

/**
 * Applies the host's theme from the page URL's `?theme=dark|light` (the Gmail content script adds it
 * to the frames it creates, following Gmail's theme). Any other value, or none, leaves the page to the
 * system's prefers-color-scheme. Returns the theme applied, if any.
 */
export function applyThemeFromUrl(location: Pick<Location, 'search'>, root: HTMLElement = document.documentElement): Theme | undefined {
  const asked = new URLSearchParams(location.search).get('theme');
  if (asked !== 'dark' && asked !== 'light') return undefined;
  root.dataset.theme = asked;
  return asked;
}
