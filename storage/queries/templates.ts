import type { ThreadlineDB } from '../db/db';
import type { Template } from '../model/template';
import { formatLocale } from '../../i18n/locale';

/**
 * The workspace's templates by name in the page's language ("Ángel" beside "Angel", "b" after
 * "A"), ties by id so the order is stable. Deleted templates are gone from the table (their
 * tombstones live in the clocks), so every stored one is listed.
 */
export async function listTemplates(db: ThreadlineDB): Promise<Template[]> {
  const collator = new Intl.Collator(formatLocale(), { sensitivity: 'base', numeric: true });
  const all = await db.templates.toArray();
  return all.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function getTemplate(db: ThreadlineDB, id: string): Promise<Template | undefined> {
  return db.templates.get(id);
}
