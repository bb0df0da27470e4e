import type { ThreadlineDB } from '../db/db';
import { deriveIndexes } from '../model/derive';
import type { RecordValues } from '../model/entities';
import { newId } from '../model/ids';
import { normalizeEmail } from '../model/normalize';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import type { ValidatedRecordWrite } from '../write/records';
import { unguardCell } from './cells';
import type { RowIssue } from './convert';
import { LinkIndex, loadLinkIndexes } from './linkIndex';
import { linkOptionFor, planLinkColumns, splitIds, splitNames, type LinkColumn, type LinkOption, type LinkOptions } from './links';
import type { ColumnMapping } from './mapping';
import { checkNew, validatorFor, type Validator } from './validate';

/** One name of a link cell as it resolved: the record it links, and whether the import creates it. */
export type LinkPart = { text: string; id: string; title: string; created: boolean };
/** A record the import creates for a name nothing matched; written with the first row that keeps it. */
type Pending = { id: string; target: Target; values: RecordValues; state: 'tentative' | 'batch' | 'written' };
type Target = { index: LinkIndex; created: LinkIndex; validate: Validator };
type Column = LinkColumn & { option: LinkOption; target: Target };

/** A row's links: the values of its link fields, its refusals, what the preview shows per column, and the records it needs created. */
export type RowLinks = { values: RecordValues; issues: RowIssue[]; parts: Map<number, LinkPart[]>; creates: Pending[] };

const VALUE_SHOWN = 200;

/**
 * Resolves the link columns of one import (or of its preview) against indexes read once. Records
 * created for missing names go into a second index, so a name repeated on any later row, in any
 * later batch, links the same one record. A created record is written only with a row that keeps
 * it (a refused or skipped row creates nothing), in that row's transaction.
 */
export class LinkResolver {
  private readonly pending = new Map<string, Pending>();
  private batch: Pending[] = [];

  private constructor(
    readonly plain: ColumnMapping,
    private readonly columns: Column[],
  ) {}

  /** For an import: reads each target folder once. */
  static async load(db: ThreadlineDB, schema: FolderSchema, mapping: ColumnMapping, options: LinkOptions | undefined): Promise<LinkResolver> {
    const { columns } = planLinkColumns(mapping, schema.fields);
    const targets = await Promise.all([...new Set(columns.map((c) => c.targetFolderId))].map((id) => loadFolderSchema(db, id).catch(() => undefined)));
    const indexes = await loadLinkIndexes(db, targets.filter((t): t is FolderSchema => t !== undefined));
    return LinkResolver.over(indexes, schema, mapping, options);
  }

  /** Over indexes already read (the preview keeps them while the person changes the mapping). */
  static over(indexes: ReadonlyMap<string, LinkIndex>, schema: FolderSchema, mapping: ColumnMapping, options: LinkOptions | undefined): LinkResolver {
    const { plain, columns } = planLinkColumns(mapping, schema.fields);
    const targets = new Map<string, Target>();
    const resolved = columns.flatMap((c): Column[] => {
      const index = indexes.get(c.targetFolderId);
      if (!index) return [];
      let target = targets.get(c.targetFolderId);
      if (!target) targets.set(c.targetFolderId, (target = { index, created: new LinkIndex(index.schema), validate: validatorFor(index.schema) }));
      return [{ ...c, option: linkOptionFor(options, c.field.id, index.schema.folder), target }];
    });
    return new LinkResolver(plain, resolved);
  }

  /** The link fields of a row, from its cells (the id column wins when every id in it is known). */
  resolve(cells: readonly string[], row: number, headers: readonly string[]): RowLinks {
    const out: RowLinks = { values: {}, issues: [], parts: new Map(), creates: [] };
    const cell = (col: number | undefined) => (col === undefined ? '' : unguardCell(cells[col] ?? '').trim());
    const header = (col: number) => headers[col] ?? `#${col + 1}`;
    for (const c of this.columns) {
      const ids = splitIds(cell(c.idCol));
      const names = cell(c.titleCol);
      const known = ids.filter((id) => c.target.index.get(id) ?? c.target.created.get(id));
      let parts: LinkPart[] | undefined;
      const byIds = ids.length > 0 && known.length === ids.length;
      if (byIds) parts = known.map((id) => this.part(c.target, id, id));
      else if (names) parts = this.byNames(c, names, row, header(c.titleCol!), out);
      else if (ids.length) {
        const unknown = ids.find((id) => !known.includes(id))!;
        out.issues.push({ row, column: header(c.idCol!), code: 'notALinkedRecord', params: { value: unknown }, value: cell(c.idCol).slice(0, VALUE_SHOWN) });
      }
      if (!parts?.length) continue;
      // Under the column that decided: the preview shows it there.
      out.parts.set(byIds ? c.idCol! : c.titleCol!, parts);
      out.values[c.field.id] = [...new Set(parts.map((p) => p.id))];
      for (const p of parts) {
        const pending = this.pending.get(p.id);
        if (pending && pending.state !== 'written' && !out.creates.includes(pending)) out.creates.push(pending);
      }
    }
    return out;
  }

  private part(target: Target, text: string, id: string): LinkPart {
    const entry = target.index.get(id) ?? target.created.get(id);
    const pending = this.pending.get(id);
    return { text, id, title: entry?.title || entry?.emails[0] || id, created: !!pending && pending.state !== 'written' };
  }

  private byNames(c: Column, raw: string, row: number, column: string, out: RowLinks): LinkPart[] | undefined {
    const parts: LinkPart[] = [];
    const value = raw.slice(0, VALUE_SHOWN);
    const folder = c.target.index.schema.folder.name;
    for (const name of splitNames(raw, c.option.separator)) {
      const ids = [...new Set([...c.target.index.match(name), ...c.target.created.match(name)])];
      if (ids.length > 1) {
        const [first, second] = ids.map((id) => (c.target.index.get(id) ? c.target.index : c.target.created).describe(id));
        out.issues.push({ row, column, code: 'linkAmbiguous', params: { value: name, count: ids.length, first: first!, second: second! }, value });
        return undefined;
      }
      const id = ids[0] ?? (c.option.createMissing ? this.create(c.target, name, row, column, value, out) : undefined);
      if (!id) {
        if (!c.option.createMissing) out.issues.push({ row, column, code: 'linkNotFound', params: { value: name, folder }, value });
        return undefined;
      }
      parts.push(this.part(c.target, name, id));
    }
    return parts;
  }

  /** A new record of the target folder for `name`, checked as the write path will; a refusal becomes the row's issue. */
  private create(target: Target, name: string, row: number, column: string, value: string, out: RowLinks): string | undefined {
    const { schema } = target.index;
    const checked = checkNew(schema, target.validate, valuesFor(schema, target.index, name));
    if (!('values' in checked)) {
      const field = checked.issues[0]?.label ?? '';
      out.issues.push({ row, column, code: 'linkCannotCreate', params: { value: name, folder: schema.folder.name, field }, value });
      return undefined;
    }
    const id = newId('rec');
    this.pending.set(id, { id, target, values: checked.values, state: 'tentative' });
    target.created.add({ id, ...deriveIndexes(schema.folder, schema.fields, checked.values) });
    return id;
  }

  /** The row is written: the records it needs are written with it. Returns how many it adds. */
  accept(links: RowLinks): number {
    const added = links.creates.filter((p) => p.state === 'tentative');
    for (const p of added) p.state = 'batch';
    this.batch.push(...added);
    return added.length;
  }

  /** What the current batch must create first, per target folder. */
  batchWrites(): { schema: FolderSchema; writes: ValidatedRecordWrite[] }[] {
    const byFolder = new Map<string, { schema: FolderSchema; writes: ValidatedRecordWrite[] }>();
    for (const p of this.batch) {
      const { schema } = p.target.index;
      let group = byFolder.get(schema.folder.id);
      if (!group) byFolder.set(schema.folder.id, (group = { schema, writes: [] }));
      group.writes.push({ id: p.id, before: undefined, values: p.values, changed: [], fresh: true });
    }
    return [...byFolder.values()];
  }

  /** The batch's transaction committed (true) or failed (false: its records go back to waiting for a row). */
  settle(committed: boolean): void {
    for (const p of this.batch) p.state = committed ? 'written' : 'tentative';
    this.batch = [];
  }

  /** A record the import itself wrote into a folder that is also a link target: later rows link it. */
  learn(folderId: string, entry: Parameters<LinkIndex['add']>[0]): void {
    for (const c of this.columns) if (c.targetFolderId === folderId) c.target.created.add(entry);
  }
}

/**
 * The values of a record made from a name: an email fills the folder's first email field; else the
 * title fields (two of them, as first and last name: the first word, then the rest); a domain-like
 * company name is kept as its domain too.
 */
function valuesFor(schema: FolderSchema, index: LinkIndex, name: string): RecordValues {
  const emailField = schema.fields.find((f) => f.type === 'email');
  if (name.includes('@') && emailField) return { [emailField.id]: [normalizeEmail(name)] };
  const [first, second] = schema.folder.titleFieldIds;
  const values: RecordValues = {};
  if (first && second) {
    const [head, ...rest] = name.split(/\s+/);
    values[first] = head!;
    if (rest.length) values[second] = rest.join(' ');
  } else if (first) values[first] = name;
  const domain = index.domainOf(name);
  const domainField = schema.fields.find((f) => f.key === 'domain' && (f.type === 'text' || f.type === 'url'));
  if (domain && domainField) values[domainField.id] = domain;
  return values;
}
