import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import { foldText, normalizeDomain, normalizeEmail } from '../model/normalize';
import type { FolderSchema } from '../folders/schema';

/** What a link cell may name a record by: its title, any of its emails, (companies) its domain. */
export type LinkEntry = Pick<CrmRecord, 'id' | 'title' | 'emails' | 'domains'>;

/** Titles compare ignoring case, accents and runs of spaces: "José  Pérez" is "jose perez". */
export const foldName = (s: string) => foldText(s).trim().replace(/\s+/g, ' ');
const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * The records of one link target folder, keyed by every name a cell may use. Built once per import
 * (one read of the folder), never a query per cell: a 100,000-row file with a Company column costs
 * the same single read as one row. Keys hold few ids; more than one is an ambiguity, not a pick.
 */
export class LinkIndex {
  private readonly keys = new Map<string, string[]>();
  private readonly entries = new Map<string, LinkEntry>();

  constructor(readonly schema: FolderSchema) {}

  static async build(db: ThreadlineDB, schema: FolderSchema): Promise<LinkIndex> {
    const index = new LinkIndex(schema);
    for (const r of await db.records.where('folderId').equals(schema.folder.id).toArray()) index.add(r);
    return index;
  }

  private get byDomain() {
    return this.schema.folder.kind === 'companies';
  }

  add(entry: LinkEntry): void {
    const { id, title, emails, domains } = entry;
    this.entries.set(id, { id, title, emails, domains });
    const keys = new Set([...(title.trim() ? [`t:${foldName(title)}`] : []), ...emails.map((e) => `e:${e}`), ...(this.byDomain ? domains.map((d) => `d:${d}`) : [])]);
    for (const key of keys) {
      const ids = this.keys.get(key);
      if (!ids) this.keys.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  }

  get(id: string): LinkEntry | undefined {
    return this.entries.get(id);
  }

  /** The records a cell's name stands for: by id, title, email or (companies) domain. */
  match(name: string): string[] {
    const text = name.trim();
    if (this.entries.has(text)) return [text];
    const keys = [`t:${foldName(text)}`];
    if (text.includes('@')) keys.push(`e:${normalizeEmail(text)}`);
    const domain = this.domainOf(text);
    if (domain) keys.push(`d:${domain}`);
    return [...new Set(keys.flatMap((k) => this.keys.get(k) ?? []))];
  }

  /** A candidate as an ambiguity names it: its title, and what tells it apart (domain, email, id). */
  describe(id: string): string {
    const e = this.entries.get(id);
    if (!e) return id;
    const hint = e.domains[0] ?? e.emails[0] ?? id;
    return e.title ? `${e.title} (${hint})` : hint;
  }

  /** Whether `name` looks like a domain (companies only): a created company then keeps it as its domain too. */
  domainOf(name: string): string | undefined {
    if (!this.byDomain || !name.includes('.')) return undefined;
    const domain = normalizeDomain(name);
    return DOMAIN_LIKE.test(domain) ? domain : undefined;
  }
}

/** One index per target folder, read in parallel. */
export async function loadLinkIndexes(db: ThreadlineDB, schemas: readonly FolderSchema[]): Promise<Map<string, LinkIndex>> {
  const unique = [...new Map(schemas.map((s) => [s.folder.id, s])).values()];
  const built = await Promise.all(unique.map((s) => LinkIndex.build(db, s)));
  return new Map(built.map((index) => [index.schema.folder.id, index]));
}
