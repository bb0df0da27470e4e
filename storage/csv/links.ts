import { z } from 'zod';
import type { Folder } from '../model/entities';
import type { Field } from '../model/field';
import { linkIdField, type ColumnMapping } from './mapping';

/** What separates several names in one link cell; the preview shows it and the person may change it. */
export const LINK_SEPARATORS = [';', ','] as const;
export type LinkSeparator = (typeof LINK_SEPARATORS)[number];

export const linkOptionSchema = z.object({ separator: z.enum(LINK_SEPARATORS), createMissing: z.boolean() }).strict();
export type LinkOption = z.infer<typeof linkOptionSchema>;
/** Per link field id; a field without an entry uses defaultLinkOption. */
export const linkOptionsSchema = z.record(z.string(), linkOptionSchema);
export type LinkOptions = z.infer<typeof linkOptionsSchema>;

/**
 * ";" by default: company names often hold commas ("Acme, Inc."), and exports join with "; ".
 * "Create missing" is on for companies (a name is all a company needs) and off elsewhere: a
 * contact or deal made from a name alone is rarely what the file meant.
 */
export const defaultLinkOption = (target: Pick<Folder, 'kind'> | undefined): LinkOption => ({ separator: ';', createMissing: target?.kind === 'companies' });

export const linkOptionFor = (options: LinkOptions | undefined, fieldId: string, target: Pick<Folder, 'kind'> | undefined): LinkOption =>
  options?.[fieldId] ?? defaultLinkOption(target);

/** One link field the file feeds: its titles column, its id column, or both. */
export type LinkColumn = { field: Field; targetFolderId: string; titleCol?: number; idCol?: number };

/**
 * The link columns of a mapping, and the mapping without them: the rest is read cell by cell
 * (convertRow), link cells need the target folder's records and are resolved by LinkResolver.
 */
export function planLinkColumns(mapping: ColumnMapping, fields: readonly Field[]): { plain: ColumnMapping; columns: LinkColumn[] } {
  const byField = new Map<string, LinkColumn>();
  const column = (field: Field) => {
    let c = byField.get(field.id);
    if (!c) byField.set(field.id, (c = { field, targetFolderId: field.settings.targetFolderId ?? '' }));
    return c;
  };
  const plain = mapping.map((target, col) => {
    const idOf = linkIdField(target);
    const field = fields.find((f) => f.type === 'link' && f.id === (idOf ?? target));
    if (!field) return idOf ? null : target;
    if (idOf) column(field).idCol = col;
    else column(field).titleCol = col;
    return null;
  });
  return { plain, columns: [...byField.values()].filter((c) => c.targetFolderId) };
}

/** The separate names of a link cell: split on the chosen separator, trimmed, empty parts dropped. */
export const splitNames = (raw: string, separator: LinkSeparator): string[] =>
  raw
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** Ids in an id column: exports join them with "; ", and ids hold neither ";" nor ",". */
export const splitIds = (raw: string): string[] =>
  raw
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
