import type { ThreadlineDB } from '../db/db';
import type { Activity, Folder } from '../model/entities';
import type { Field } from '../model/field';
import { contactFacts, dealFacts, ownersOf } from './facts';
import { dayMs, DAY_MS } from './period';
import type { Period, ReportData } from './types';

const firstOfKind = (folders: readonly Folder[], kind: Folder['kind']) =>
  folders.filter((f) => f.kind === kind).sort((a, b) => a.order - b.order)[0];

/**
 * Activities that may count in the period. A done task counts when it was ticked (its last
 * update), which is not indexed: tasks created up to TASK_LOOKBACK_DAYS before the period are read
 * too, so a task ticked later than that after its creation is missed by a bounded period.
 */
export const TASK_LOOKBACK_DAYS = 90;
function activitiesIn(db: ThreadlineDB, period: Period): Promise<Activity[]> {
  const from = period.from ? dayMs(period.from) - TASK_LOOKBACK_DAYS * DAY_MS : -Infinity;
  const to = period.to ? dayMs(period.to) + 2 * DAY_MS : Infinity;
  return db.activities.where('at').between(from, to, true, false).toArray();
}

/** The deals' link field to a companies-kind folder (the preset "company" first), if any. */
function companyLinkField(dealFields: readonly Field[], companyFolderIds: ReadonlySet<string>): string | undefined {
  const links = dealFields.filter((f) => f.type === 'link' && companyFolderIds.has(f.settings.targetFolderId ?? ''));
  return (links.find((f) => f.key === 'company') ?? links[0])?.id;
}

/**
 * Everything the reports page computes from, in one read. The reports themselves are pure
 * functions of this (storage/reports/*.ts), so they are tested without a database.
 */
export async function loadReportData(db: ThreadlineDB, period: Period): Promise<ReportData> {
  const [folders, pipelines, allFields] = await Promise.all([db.folders.toArray(), db.pipelines.toArray(), db.fields.toArray()]);
  pipelines.sort((a, b) => a.order - b.order);
  const fieldsByFolder = new Map<string, Field[]>();
  for (const f of allFields) fieldsByFolder.set(f.folderId, [...(fieldsByFolder.get(f.folderId) ?? []), f]);
  const dealsFolder = firstOfKind(folders, 'deals');
  const contactsFolder = firstOfKind(folders, 'contacts');
  const [allRecords, activities] = await Promise.all([db.records.toArray(), activitiesIn(db, period)]);
  const dealRecords = allRecords.filter((r) => r.folderId === dealsFolder?.id);
  const contactRecords = allRecords.filter((r) => r.folderId === contactsFolder?.id);
  const dealFields = dealsFolder ? (fieldsByFolder.get(dealsFolder.id) ?? []) : [];
  const companyFolderIds = new Set(folders.filter((f) => f.kind === 'companies').map((f) => f.id));
  const companyField = companyLinkField(dealFields, companyFolderIds);
  // Only closed deals need their history: when they entered the won or lost stage.
  const closedIds = dealFacts(dealRecords, dealFields, pipelines, [])
    .filter((d) => d.outcome === 'won' || d.outcome === 'lost')
    .map((d) => d.id);
  const history = closedIds.length ? await db.activities.where('recordIds').anyOf(closedIds).distinct().toArray() : [];
  const stageChanges = history.filter((a) => a.kind === 'stageChange');
  const contactFields = contactsFolder ? (fieldsByFolder.get(contactsFolder.id) ?? []) : [];
  return {
    dealsFolderId: dealsFolder?.id,
    contactsFolderId: contactsFolder?.id,
    pipelines,
    deals: dealFacts(dealRecords, dealFields, pipelines, stageChanges, companyField),
    contacts: contactFacts(contactRecords, contactFields),
    activities,
    ownerOf: ownersOf(allRecords, fieldsByFolder),
    lifecycleStages: contactFields.find((f) => f.key === 'lifecycleStage')?.options ?? [],
    sources: contactFields.find((f) => f.key === 'source')?.options ?? [],
    lostReasons: dealFields.find((f) => f.key === 'lostReason')?.options ?? [],
    customerTitles: new Map(
      allRecords.filter((r) => r.folderId === contactsFolder?.id || companyFolderIds.has(r.folderId)).map((r) => [r.id, r.title]),
    ),
  };
}
