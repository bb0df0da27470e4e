import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { loadClosedStageChanges } from './closedHistory';
import { contactFacts, dealFacts, ownersOf } from './facts';
import { loadReportActivities } from './loadActivities';
import { readSchema, reportFolders } from './reportFolders';
import type { Period, ReportData } from './types';

export { TASK_LOOKBACK_DAYS, loadReportActivities, type ReportActivities } from './loadActivities';

const inFolder = (db: ThreadlineDB, folderId: string | undefined): Promise<CrmRecord[]> =>
  folderId ? db.records.where('folderId').equals(folderId).toArray() : Promise.resolve([]);

/** The deals' link field to a companies-kind folder (the preset "company" first), if any. */
function companyLinkField(dealFields: readonly Field[], companyFolderIds: ReadonlySet<string>): string | undefined {
  const links = dealFields.filter((f) => f.type === 'link' && companyFolderIds.has(f.settings.targetFolderId ?? ''));
  return (links.find((f) => f.key === 'company') ?? links[0])?.id;
}

/**
 * What every report but activity by rep computes from: the deals, contacts and companies (read by
 * folder, not every record) and the closed deals' entry into their stage. It does not depend on
 * the period, so changing the period does not read it again. `activities` is empty and `ownerOf`
 * covers these folders only: loadReportActivities adds the rest for activity by rep.
 */
export async function loadReportRecords(db: ThreadlineDB): Promise<ReportData> {
  const { folders, pipelines, fieldsByFolder } = await readSchema(db);
  const { deals: dealsFolder, contacts: contactsFolder, companies } = reportFolders(folders);
  const [dealRecords, contactRecords, ...companyRecords] = await Promise.all([
    inFolder(db, dealsFolder?.id),
    inFolder(db, contactsFolder?.id),
    ...companies.map((f) => inFolder(db, f.id)),
  ]);
  const dealFields = dealsFolder ? (fieldsByFolder.get(dealsFolder.id) ?? []) : [];
  const contactFields = contactsFolder ? (fieldsByFolder.get(contactsFolder.id) ?? []) : [];
  const companyField = companyLinkField(dealFields, new Set(companies.map((f) => f.id)));
  const stageChanges = await loadClosedStageChanges(db, dealFacts(dealRecords, dealFields, pipelines, []));
  const customers = [...contactRecords, ...companyRecords.flat()];
  return {
    dealsFolderId: dealsFolder?.id,
    contactsFolderId: contactsFolder?.id,
    pipelines,
    deals: dealFacts(dealRecords, dealFields, pipelines, stageChanges, companyField),
    contacts: contactFacts(contactRecords, contactFields),
    activities: [],
    ownerOf: ownersOf([...dealRecords, ...customers], fieldsByFolder),
    lifecycleStages: contactFields.find((f) => f.key === 'lifecycleStage')?.options ?? [],
    sources: contactFields.find((f) => f.key === 'source')?.options ?? [],
    lostReasons: dealFields.find((f) => f.key === 'lostReason')?.options ?? [],
    customerTitles: new Map(customers.map((r) => [r.id, r.title])),
  };
}

/** Both parts as one ReportData (tests, scripts): what the page shows once every card has loaded. */
export async function loadReportData(db: ThreadlineDB, period: Period): Promise<ReportData> {
  const [records, acts] = await Promise.all([loadReportRecords(db), loadReportActivities(db, period)]);
  return withActivities(records, acts);
}

/** The records part with activity by rep's part: its activities, and owners across every folder. */
export function withActivities(records: ReportData, acts: { activities: ReportData['activities']; ownerOf: ReadonlyMap<string, string> }): ReportData {
  return { ...records, activities: acts.activities, ownerOf: new Map([...records.ownerOf, ...acts.ownerOf]) };
}
