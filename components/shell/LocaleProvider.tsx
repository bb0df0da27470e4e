import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { detectLocale, isLocaleLoaded, loadLocale, setLocale, type Locale } from '../../i18n';
import { getDeviceLocale } from '../../storage/settings/locale';
import { useDb } from './DbProvider';

const LocaleContext = createContext<Locale | undefined>(undefined);

/**
 * The page's language: the one this device chose (storage/settings/locale.ts), else the browser's.
 * Every page of the extension watches the same stored choice, so a change made on the CRM page
 * reaches the sidebar beside Gmail at once. t() reads a module-level locale and memoised rows do
 * not re-render on their own, so the tree below is mounted again under the new language: a
 * language change is rare, and a remount cannot leave one stale string behind.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  // null: never chosen. A failed read falls back to the browser's language rather than a blank page.
  const stored = useLiveQuery(() => getDeviceLocale(db).then((l) => l ?? null, () => null), [db]);
  const locale = stored === undefined ? undefined : (stored ?? detectLocale());
  // Pages hold only the language they show (i18n/index.ts): a new one loads before it renders.
  const loaded = locale !== undefined && isLocaleLoaded(locale);
  const [settled, setSettled] = useState<Locale>();
  useEffect(() => {
    if (locale && !loaded) void loadLocale(locale).then(() => setSettled(locale));
  }, [locale, loaded]);
  // A catalogue that failed to load leaves t() in English (loadLocale logged why) rather than a blank page.
  const ready = locale && (loaded || settled === locale) ? locale : undefined;
  // While a newly chosen language loads, the page stays in the one it was shown in.
  const [previous, setPrevious] = useState<Locale>();
  if (ready && ready !== previous) setPrevious(ready);
  const shown = ready ?? previous;
  if (shown) setLocale(shown);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);
  // Until the first read and its catalogue answer (a few milliseconds), render nothing rather than flash another language.
  if (!shown) return null;
  return (
    <LocaleContext.Provider value={shown}>
      <Fragment key={shown}>{children}</Fragment>
    </LocaleContext.Provider>
  );
}

/** The language the page is shown in (inside LocaleProvider; else the i18n default). */
export function useLocale(): Locale {
  return useContext(LocaleContext) ?? detectLocale();
}
