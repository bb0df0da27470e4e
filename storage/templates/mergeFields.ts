import { t, tIn, type Locale } from '../../i18n';

export const MERGE_FIELD_KEYS = [
  'contact.firstName',
  'contact.lastName',
  'contact.fullName',
  'contact.email',
  'company.name',
  'company.domain',
  'deal.name',
  'deal.amount',
  'deal.stage',
  'deal.expectedClose',
  'deal.lines',
  'me.name',
  'me.email',
] as const;
export type MergeFieldKey = (typeof MERGE_FIELD_KEYS)[number];

export type MergeField = { key: MergeFieldKey; label: () => string };

export function isMergeFieldKey(key: string): key is MergeFieldKey {
  return (MERGE_FIELD_KEYS as readonly string[]).includes(key);
}

/** A merge field's name in `locale`; an unknown key is named as such ("Unknown field deal.colour"). */
export function mergeFieldLabel(key: string, locale: Locale): string {
  return isMergeFieldKey(key) ? tIn(locale, `templates.merge.${key}`) : tIn(locale, 'templates.merge.unknown', { key });
}

/** The fields the template editor offers, labelled in the page's language when read. */
export const MERGE_FIELDS: readonly MergeField[] = MERGE_FIELD_KEYS.map((key) => ({ key, label: () => t(`templates.merge.${key}`) }));

/** How a field is written into a template's text. */
export const mergeToken = (key: MergeFieldKey): string => `{{${key}}}`;
