import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, Folder } from '../model/entities';
import type { ConditionTarget, RuleConditions } from '../model/customRules';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import { dealStage } from '../pipelines/pipelines';
import { compileFilters } from '../views/viewQuery';

/**
 * A custom rule's "if": the saved views' own filter engine, on the record the rule acts on or on
 * the company / deal linked to it. A condition on a linked record that does not exist does not hold.
 */

type Linked = { record: CrmRecord; schema: FolderSchema } | undefined;

const firstLink = (record: CrmRecord, schema: FolderSchema, folderIds: ReadonlySet<string>): string | undefined => {
  for (const field of schema.fields) {
    if (field.type !== 'link' || !folderIds.has(String(field.settings.targetFolderId))) continue;
    const ids = record.values[field.id];
    if (Array.isArray(ids) && typeof ids[0] === 'string') return ids[0];
  }
  return undefined;
};

async function withSchema(db: ThreadlineDB, record: CrmRecord | undefined): Promise<Linked> {
  return record ? { record, schema: await loadFolderSchema(db, record.folderId) } : undefined;
}

/** The company a record belongs to: itself, or its first link to a companies folder. */
async function companyOf(db: ThreadlineDB, record: CrmRecord, schema: FolderSchema, folders: readonly Folder[]): Promise<Linked> {
  if (schema.folder.kind === 'companies') return { record, schema };
  const id = firstLink(record, schema, new Set(folders.filter((f) => f.kind === 'companies').map((f) => f.id)));
  return withSchema(db, id ? await db.records.get(id) : undefined);
}

/** The deal a record is about: itself, else the most recently changed open deal linking to it (by the linkedIds index). */
async function dealOf(db: ThreadlineDB, record: CrmRecord, schema: FolderSchema, folders: readonly Folder[]): Promise<Linked> {
  if (schema.folder.kind === 'deals') return { record, schema };
  const dealFolders = new Set(folders.filter((f) => f.kind === 'deals').map((f) => f.id));
  const deals = (await db.records.where('linkedIds').equals(record.id).toArray()).filter((r) => dealFolders.has(r.folderId));
  const pipelines = schema.pipelines;
  const open = deals.filter((d) => dealStage(d, pipelines)?.outcome !== 'won' && dealStage(d, pipelines)?.outcome !== 'lost');
  const newest = (open.length ? open : deals).sort((a, b) => b.updatedAt - a.updatedAt)[0];
  return withSchema(db, newest);
}

export type ConditionSubject = { record: CrmRecord; schema: FolderSchema };

/** Whether the conditions hold for `subject` now; no conditions always hold. */
export async function conditionsHold(db: ThreadlineDB, conditions: RuleConditions, subject: ConditionSubject, now: number): Promise<boolean> {
  if (conditions.list.length === 0) return true;
  const folders = await db.folders.toArray();
  const targets = new Map<ConditionTarget, Promise<Linked>>();
  const linked = (target: ConditionTarget): Promise<Linked> => {
    let found = targets.get(target);
    if (!found) {
      found =
        target === 'record'
          ? Promise.resolve(subject)
          : target === 'company'
            ? companyOf(db, subject.record, subject.schema, folders)
            : dealOf(db, subject.record, subject.schema, folders);
      targets.set(target, found);
    }
    return found;
  };
  for (const condition of conditions.list) {
    const target = await linked(condition.target);
    let holds = false;
    if (target) {
      const { matches, problems } = compileFilters([condition], target.schema.fields, { now, pipelines: target.schema.pipelines });
      // A condition on a deleted field, or with an operator its type lost, never holds.
      holds = problems.length === 0 && matches(target.record);
    }
    if (conditions.match === 'any' && holds) return true;
    if (conditions.match === 'all' && !holds) return false;
  }
  return conditions.match === 'all';
}
