import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import type { FolderSchema } from '../folders/schema';
import { guardCell } from './cells';
import { linkIdHeader } from './mapping';

/** Linked record id → what an export writes for it (its title, else an email or domain a re-import also matches). */
export type LinkTitles = ReadonlyMap<string, string>;

const linkValue = (record: CrmRecord, field: Field): string[] => {
  const v = record.values[field.id];
  return Array.isArray(v) ? (v as string[]) : [];
};

/** The link fields among the exported ones. */
export const exportedLinkFields = (schema: FolderSchema, fieldIds: readonly string[]): Field[] =>
  fieldIds.flatMap((id) => schema.fields.filter((f) => f.id === id && f.type === 'link'));

/** The titles of every record the exported link cells point at, in one bulk read. */
export async function loadLinkTitles(db: ThreadlineDB, schema: FolderSchema, records: readonly CrmRecord[], fieldIds: readonly string[]): Promise<LinkTitles> {
  const fields = exportedLinkFields(schema, fieldIds);
  const ids = [...new Set(records.flatMap((r) => fields.flatMap((f) => linkValue(r, f))))];
  const found = ids.length ? await db.records.bulkGet(ids) : [];
  return new Map(found.flatMap((r) => (r ? [[r.id, r.title || r.emails[0] || r.domains[0] || r.id] as const] : [])));
}

/** A link cell: the linked titles joined as the import splits them by default. Missing records are left out. */
export const linkTitlesCell = (record: CrmRecord, field: Field, titles: LinkTitles): string =>
  guardCell(
    linkValue(record, field)
      .flatMap((id) => (titles.has(id) ? [titles.get(id)!] : []))
      .join('; '),
  );

/**
 * One id column per exported link field ("Company (Threadline ID)"), after the record's own id:
 * a re-import links exactly these records, whatever their titles (two companies may share one).
 */
export function linkIdColumns(schema: FolderSchema, fieldIds: readonly string[], titles: LinkTitles) {
  const fields = exportedLinkFields(schema, fieldIds);
  return {
    headers: fields.map((f) => linkIdHeader(f, schema.fields)),
    cells: (record: CrmRecord) => fields.map((f) => linkValue(record, f).filter((id) => titles.has(id)).join('; ')),
  };
}
