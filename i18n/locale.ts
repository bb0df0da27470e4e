/**
 * The UI language, apart from the catalogues: storage, the background and the content script read
 * it without bundling every page's strings (i18n/index.ts re-exports it next to t()).
 */
export type Locale = 'en' | 'es' | 'it';

/** The browser's language if Threadline speaks it, else English. */
export function detectLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'it' || base === 'en') return base;
  }
  return 'en';
}

let current: Locale = detectLocale();

/**
 * Sets the language t() speaks. Pages call it through components/shell/LocaleProvider.tsx, which
 * follows the device's stored choice and mounts the page again under the new language.
 */
export function setLocale(locale: Locale) {
  current = locale;
}
export function getLocale(): Locale {
  return current;
}

/** The BCP 47 tag used for Intl formatting: the browser's full tag when its language is the UI's. */
export function formatLocale(): string {
  const nav = typeof navigator === 'undefined' ? undefined : navigator.language;
  return nav && nav.toLowerCase().startsWith(current) ? nav : current;
}

