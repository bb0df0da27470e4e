import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, Folder } from '../model/entities';
import type { Currency } from '../model/fieldValues';
import { normalizeEmail } from '../model/normalize';
import { orderedLines } from '../lines/line';
import { dealStage } from '../pipelines/pipelines';
import type { MergeContext } from './render';

/** At most this many recipients are looked up: a compose to a whole list still costs one bounded read. */
const MAX_RECIPIENTS = 100;

/**
 * The preset fields merge fields read (storage/folders/presets.ts): ids survive renaming, so a
 * workspace in Spanish or with relabelled fields fills the same `{{contact.firstName}}`.
 */
const F = {
  firstName: 'fc_firstName', lastName: 'fc_lastName', emails: 'fc_emails', contactCompany: 'fc_company',
  companyName: 'fo_name', companyDomain: 'fo_domain',
  dealName: 'fd_name', amount: 'fd_amount', stage: 'fd_stage', expectedClose: 'fd_expectedClose',
} as const;

export type MergeContextInput = { recipients: readonly string[]; threadId?: string; me: MergeContext['me'] };

/**
 * What a compose's merge fields are filled from: the first recipient who is a contact (by the
 * records' normalised `emails` index), that contact's company (its company link), and the deal
 * linked to the thread, else the contact's most recently updated open deal. Every read is by key
 * or index; nothing walks a folder.
 */
export function mergeContext(db: ThreadlineDB, input: MergeContextInput): Promise<MergeContext> {
  return db.transaction('r', [db.folders, db.records, db.threadLinks, db.pipelines], async () => {
    const folders = await db.folders.toArray();
    const ofKind = (kind: Folder['kind']) => new Set(folders.filter((f) => f.kind === kind).map((f) => f.id));
    const [contacts, companies, deals] = [ofKind('contacts'), ofKind('companies'), ofKind('deals')];

    const contact = await firstContact(db, input.recipients, contacts);
    const companyId = contact ? firstString(contact.values[F.contactCompany]) : undefined;
    const company = companyId ? await db.records.get(companyId) : undefined;
    const deal = (await threadDeal(db, input.threadId, deals)) ?? (contact ? await openDealOf(db, contact, deals) : undefined);

    const ctx: MergeContext = { me: clean(input.me) };
    if (contact) ctx.contact = clean({ firstName: text(contact, F.firstName), lastName: text(contact, F.lastName), email: firstString(contact.values[F.emails]) });
    if (company && companies.has(company.folderId)) ctx.company = clean({ name: text(company, F.companyName), domain: text(company, F.companyDomain) });
    if (deal) {
      const amount = deal.values[F.amount] as Currency | undefined;
      const pipelines = deal.values[F.stage] ? await db.pipelines.toArray() : [];
      ctx.deal = clean({
        name: text(deal, F.dealName),
        amount: typeof amount?.amount === 'number' ? amount.amount : undefined,
        currency: typeof amount?.currency === 'string' ? amount.currency : undefined,
        stage: dealStage(deal, pipelines)?.name,
        expectedClose: dayOf(deal.values[F.expectedClose]),
        lines: deal.lines && Object.keys(deal.lines).length > 0 ? orderedLines(deal.lines) : undefined,
      });
    }
    return ctx;
  });
}

async function firstContact(db: ThreadlineDB, recipients: readonly string[], contactFolders: ReadonlySet<string>): Promise<CrmRecord | undefined> {
  const wanted = [...new Set(recipients.slice(0, MAX_RECIPIENTS).map(normalizeEmail).filter((e) => e.includes('@')))];
  if (wanted.length === 0) return undefined;
  const found = (await db.records.where('emails').anyOf(wanted).distinct().toArray()).filter((r) => contactFolders.has(r.folderId));
  for (const email of wanted) {
    // Two contacts with one address (a duplicate): the one edited last is the likelier to be right.
    const match = found.filter((r) => r.emails.includes(email)).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (match) return match;
  }
  return undefined;
}

/** The first deal linked to the thread (links in the order they were made). */
async function threadDeal(db: ThreadlineDB, threadId: string | undefined, dealFolders: ReadonlySet<string>): Promise<CrmRecord | undefined> {
  if (!threadId) return undefined;
  const links = (await db.threadLinks.where('threadId').equals(threadId).toArray()).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  if (links.length === 0) return undefined;
  const records = await db.records.bulkGet(links.map((l) => l.recordId));
  return records.find((r): r is CrmRecord => r !== undefined && dealFolders.has(r.folderId));
}

/** The contact's most recently updated deal that is neither won nor lost (deals link to their contacts). */
async function openDealOf(db: ThreadlineDB, contact: CrmRecord, dealFolders: ReadonlySet<string>): Promise<CrmRecord | undefined> {
  const deals = (await db.records.where('linkedIds').equals(contact.id).toArray()).filter((r) => dealFolders.has(r.folderId));
  if (deals.length === 0) return undefined;
  const pipelines = await db.pipelines.toArray();
  return deals
    .filter((d) => {
      const outcome = dealStage(d, pipelines)?.outcome;
      return outcome !== 'won' && outcome !== 'lost';
    })
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

function text(record: CrmRecord, fieldId: string): string | undefined {
  const v = record.values[fieldId];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function firstString(v: unknown): string | undefined {
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

/** A date field's day (YYYY-MM-DD) as UTC midnight, which render.ts formats in UTC: the same day everywhere. */
function dayOf(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** Without its undefined properties, so `?.` reads and `toEqual` in tests see only what is there. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

