import { en, type MessageKey } from './en';
import { es } from './es';
import { it } from './it';

export type Locale = 'en' | 'es' | 'it';
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, es, it };

/** The browser's language if Threadline speaks it, else English. */
export function detectLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'it' || base === 'en') return base;
  }
  return 'en';
}

let current: Locale = detectLocale();

/** For tests and a future language picker; pages render once per load, so no subscription is needed. */
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

/**
 * A UI string in the current language. `{name}` placeholders are filled from `params`; the result
 * is plain text that React escapes, never HTML.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGS[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type { MessageKey };
