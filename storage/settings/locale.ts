import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { detectLocale, setLocale, type Locale } from '../../i18n/locale';
import { mutate } from '../write/mutate';

/**
 * The language this device shows Threadline in. A per-device choice, kept in the local-only
 * `meta` table: never synced (a Spanish and an Italian rep share one workspace, each in their own
 * language) and kept when the device switches workspace. Every page of the extension reads it
 * through liveQuery, so the CRM page and the sidebar follow a change at once.
 */
export const LOCALE_KEY = 'uiLocale';
export const localeSchema = z.enum(['en', 'es', 'it']) satisfies z.ZodType<Locale>;

/** The stored choice, or undefined when the user never chose (pages then follow the browser). */
export async function getDeviceLocale(db: ThreadlineDB): Promise<Locale | undefined> {
  const parsed = localeSchema.safeParse((await db.meta.get(LOCALE_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function setDeviceLocale(db: ThreadlineDB, locale: Locale): Promise<void> {
  const value = localeSchema.parse(locale);
  // Through mutate like every write; meta is local-only, so nothing is queued for sync.
  return mutate(db, async (w) => {
    await w.db.meta.put({ key: LOCALE_KEY, value });
  });
}

/**
 * For contexts without React (the background's reminder notifications): keeps t() in the device's
 * language from now on, the browser's while none is chosen. Returns the unsubscribe.
 */
export function followDeviceLocale(db: ThreadlineDB): () => void {
  const sub = liveQuery(() => getDeviceLocale(db)).subscribe({
    next: (locale) => setLocale(locale ?? detectLocale()),
    error: () => setLocale(detectLocale()),
  });
  return () => sub.unsubscribe();
}
