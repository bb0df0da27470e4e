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

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the marks that fence a placeholder's text. */
export const FSI = '\u2068';
export const PDI = '\u2069';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', FSI]);

/**
 * Text that can reorder what is around it: explicit bidi controls (overrides, embeddings, isolates,
 * marks) and right-to-left letters (Hebrew, Arabic and the other RTL blocks, Arabic digits). Text
 * without any of these lays out the same inside or outside an isolate in Threadline's left-to-right
 * languages, so it is left bare (aria names and copied text stay clean). An RTL catalogue would have
 * to isolate every string.
 */
const BIDI_ACTIVE = /[\p{Bidi_Control}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * `value` fenced so nothing in it can spill into the sentence around it: a stray POP DIRECTIONAL
 * ISOLATE would close the fence early and is dropped; isolates left open inside are closed; the
 * closing PDI also ends any override or embedding opened inside (UAX #9, X6a).
 */
export function isolate(value: string): string {
  if (!BIDI_ACTIVE.test(value)) return value;
  let open = 0;
  let out = '';
  for (const ch of value) {
    if (ISOLATE_OPENERS.has(ch)) open++;
    else if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return `${FSI}${out}${PDI.repeat(open)}${PDI}`;
}

/**
 * A UI string in the current language. `{name}` placeholders are filled from `params`; the result
 * is plain text that React escapes, never HTML. String parameters come from outside (names,
 * subjects, titles), so each is isolated: a U+202E in a sender's name cannot reverse the rest of
 * the sentence. Numbers stay bare.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGS[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = params[name];
    return typeof value === 'string' ? isolate(value) : String(value);
  });
}

export type { MessageKey };
