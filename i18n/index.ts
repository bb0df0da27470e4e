import { en, type MessageKey } from './en';
import { getLocale, type Locale } from './locale';
import type { Catalogue } from './types';

export { detectLocale, formatLocale, getLocale, setLocale, type Locale } from './locale';

/**
 * English is the source and every missing key's fallback, so it is always here. The other
 * languages are ~45 KB of strings each that a page shown in English never reads: pages load the
 * one they show before their first render (components/shell/LocaleProvider.tsx), and t() stays
 * synchronous over what is loaded.
 */
const CATALOGS: Partial<Record<Locale, Catalogue<typeof en>>> = { en };
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalogue<typeof en>>> = {
  es: () => import('./es').then((m) => m.es),
  it: () => import('./it').then((m) => m.it),
};
const loading = new Map<Locale, Promise<void>>();

/** Whether t() can speak `locale` now (English always can). */
export function isLocaleLoaded(locale: Locale): boolean {
  return CATALOGS[locale] !== undefined;
}

/**
 * Loads `locale`'s catalogue once; later calls share the first. Never rejects: a catalogue that
 * failed to load leaves t() in English rather than a page that never renders.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || CATALOGS[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      (catalogue) => void (CATALOGS[locale] = catalogue),
      (e: unknown) => {
        loading.delete(locale);
        console.error(`Threadline could not load the ${locale} catalogue`, e);
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Every language, for contexts that speak several at once (the background, tests). */
export function loadAllLocales(): Promise<void> {
  return Promise.all((Object.keys(LOADERS) as Locale[]).map(loadLocale)).then(() => undefined);
}

// The background renders reminders in the device's language and templates in each template's; its
// service worker cannot import() (the build inlines these imports), so it loads all of them at
// start, a few microtasks before any event reaches it.
if (import.meta.env?.ENTRYPOINT === 'background') void loadAllLocales();

/** The `{name}` placeholders of a message, as a union of names: 'Stage: {from} → {to}' gives 'from' | 'to'. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** What a message needs: exactly its English placeholders, each a string (isolated) or a number (bare). */
export type MessageParams<K extends MessageKey> = { [P in Placeholders<(typeof en)[K]>]: string | number };

/** Keys whose English text has no placeholder: they take no params (and are safe to pick dynamically). */
export type PlainKey = { [K in MessageKey]: Placeholders<(typeof en)[K]> extends never ? K : never }[MessageKey];

/**
 * The arguments after the key: none for a plain message, else one object with every placeholder and
 * nothing more (an object literal with an unknown name is an excess-property error). The tuple is
 * wrapped so a union of keys is not distributed: a key picked at run time must be a PlainKey, or
 * its params must fill every placeholder of every key it may be.
 */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [params: MessageParams<K>];

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
export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return fill(getLocale(), key, params[0]);
}

/** `t()` in a given language, for text that must not follow the page's (English log lines, tests). */
export function tIn<K extends MessageKey>(locale: Locale, key: K, ...params: ParamArgs<K>): string {
  return fill(locale, key, params[0]);
}

function fill(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = CATALOGS[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = params[name];
    return typeof value === 'string' ? isolate(value) : String(value);
  });
}

export type { MessageKey };
export type { Catalogue } from './types';
