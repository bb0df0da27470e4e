import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { loadClosedStageChanges } from './closedHistory';
import { contactFacts, dealFacts, ownersOf, withClosedAt } from './facts';
import { loadReportActivities } from './loadActivities';
import { readSchema, reportFolders } from './reportFolders';
import type { DealFact, Period, ReportData } from './types';

export { TASK_LOOKBACK_DAYS, loadReportActivities, type ReportActivities } from './loadActivities';

const inFolder = (db: ThreadlineDB, folderId: string | undefined): Promise<CrmRecord[]> =>
  folderId ? db.records.where('folderId').equals(folderId).toArray() : Promise.resolve([]);

/** The deals' link field to a companies-kind folder (the preset "company" first), if any. */
function companyLinkField(dealFields: readonly Field[], companyFolderIds: ReadonlySet<string>): string | undefined {
  const links = dealFields.filter((f) => f.type === 'link' && companyFolderIds.has(f.settings.targetFolderId ?? ''));
  return (links.find((f) => f.key === 'company') ?? links[0])?.id;
}

/** Titles of the won deals' customers (top customers' rows): a read of those records, not of every contact and company. */
async function customerTitles(db: ThreadlineDB, deals: readonly DealFact[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const d of deals) {
    const customer = d.companyId ?? d.mainContactId;
    if (d.outcome === 'won' && customer) ids.add(customer);
  }
  const found = await db.records.bulkGet([...ids]);
  return new Map(found.flatMap((r) => (r ? [[r.id, r.title] as const] : [])));
}

/**
 * The deals part, what every report but the funnel, campaigns and activity by rep computes from:
 * the deals (read by folder), the closed deals' entry into their stage and the won deals'
 * customers' titles. It does not depend on the period, so changing the period does not read it
 * again. `contacts` and `activities` are empty and `ownerOf` covers the deals only:
 * loadReportPeople and loadReportActivities add theirs.
 */
export async function loadReportDeals(db: ThreadlineDB): Promise<ReportData> {
  const { folders, pipelines, fieldsByFolder } = await readSchema(db);
  const { deals: dealsFolder, contacts: contactsFolder, companies } = reportFolders(folders);
  const dealRecords = await inFolder(db, dealsFolder?.id);
  const dealFields = dealsFolder ? (fieldsByFolder.get(dealsFolder.id) ?? []) : [];
  const contactFields = contactsFolder ? (fieldsByFolder.get(contactsFolder.id) ?? []) : [];
  const companyField = companyLinkField(dealFields, new Set(companies.map((f) => f.id)));
  // Facts once, then the closed ones given their close time: the history read needs the stages first.
  const unclosed = dealFacts(dealRecords, dealFields, pipelines, [], companyField);
  const [stageChanges, titles] = await Promise.all([loadClosedStageChanges(db, unclosed), customerTitles(db, unclosed)]);
  return {
    dealsFolderId: dealsFolder?.id,
    contactsFolderId: contactsFolder?.id,
    pipelines,
    deals: withClosedAt(unclosed, stageChanges),
    contacts: [],
    activities: [],
    ownerOf: ownersOf(dealRecords, fieldsByFolder),
    lifecycleStages: contactFields.find((f) => f.key === 'lifecycleStage')?.options ?? [],
    sources: contactFields.find((f) => f.key === 'source')?.options ?? [],
    lostReasons: dealFields.find((f) => f.key === 'lostReason')?.options ?? [],
    customerTitles: titles,
  };
}

/** What the funnel, campaigns and activity by rep add to the deals part. */
export type ReportPeople = Pick<ReportData, 'contacts' | 'ownerOf'>;

/**
 * The people part: the contacts (the funnel's and campaigns' subject) and the owners of contacts
 * and companies (activity by rep credits an activity to its records' owner). The largest read of
 * the records (50,000 contacts at a busy team's scale), so the deal reports never wait for it.
 */
export async function loadReportPeople(db: ThreadlineDB): Promise<ReportPeople> {
  const { folders, fieldsByFolder } = await readSchema(db);
  const { contacts: contactsFolder, companies } = reportFolders(folders);
  const [contactRecords, ...companyRecords] = await Promise.all([inFolder(db, contactsFolder?.id), ...companies.map((f) => inFolder(db, f.id))]);
  const contactFields = contactsFolder ? (fieldsByFolder.get(contactsFolder.id) ?? []) : [];
  return { contacts: contactFacts(contactRecords, contactFields), ownerOf: ownersOf([...contactRecords, ...companyRecords.flat()], fieldsByFolder) };
}

/** The deals part with the people part. */
export function withPeople(deals: ReportData, people: ReportPeople): ReportData {
  return { ...deals, contacts: people.contacts, ownerOf: new Map([...deals.ownerOf, ...people.ownerOf]) };
}

/** Every report's records (deals and people), without activities: what all but activity by rep compute from. */
export async function loadReportRecords(db: ThreadlineDB): Promise<ReportData> {
  const [deals, people] = await Promise.all([loadReportDeals(db), loadReportPeople(db)]);
  return withPeople(deals, people);
}

/** Every part as one ReportData (tests, scripts): what the page shows once every card has loaded. */
export async function loadReportData(db: ThreadlineDB, period: Period): Promise<ReportData> {
  const [records, acts] = await Promise.all([loadReportRecords(db), loadReportActivities(db, period)]);
  return withActivities(records, acts);
}

/** The records part with activity by rep's part: its activities, and owners across every folder. */
export function withActivities(records: ReportData, acts: { activities: ReportData['activities']; ownerOf: ReadonlyMap<string, string> }): ReportData {
  return { ...records, activities: acts.activities, ownerOf: new Map([...records.ownerOf, ...acts.ownerOf]) };
}
