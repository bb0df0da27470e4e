import { Dexie } from 'dexie';
import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, Pipeline } from '../model/entities';
import type { Field } from '../model/field';
import { searchRecords } from './index';

/** One line of a picker: the record's title and what tells it apart (an email, a domain, a stage). */
export type Suggestion = { id: string; title: string; secondary: string };

/** Shown in a picker before anything is typed, and the most a keystroke returns. */
export const SUGGESTIONS = 8;

function stageName(record: CrmRecord, stageFields: readonly Field[], pipelines: readonly Pipeline[]): string | undefined {
  for (const f of stageFields) {
    const v = record.values[f.id] as { pipelineId?: string; stageId?: string } | undefined;
    const stage = pipelines.find((p) => p.id === v?.pipelineId)?.stages.find((s) => s.id === v?.stageId);
    if (stage) return stage.name;
  }
  return undefined;
}

/**
 * What a link picker over `folderId` offers for `query`: the search index's best hits in that
 * folder, or with nothing typed the folder's most recently changed records, read from the
 * [folderId+updatedAt] index. Neither reads the folder: only the few records shown are fetched.
 */
export async function suggestRecords(db: ThreadlineDB, folderId: string, query: string, limit = SUGGESTIONS): Promise<Suggestion[]> {
  const records = query.trim()
    ? (await db.records.bulkGet((await searchRecords(db, query, limit, folderId)).map((h) => h.id))).filter((r): r is CrmRecord => !!r)
    : await db.records.where('[folderId+updatedAt]').between([folderId, Dexie.minKey], [folderId, Dexie.maxKey]).reverse().limit(limit).toArray();
  const [stageFields, pipelines] = await Promise.all([
    db.fields.where('folderId').equals(folderId).filter((f) => f.type === 'stage').toArray(),
    db.pipelines.toArray(),
  ]);
  return records.map((r) => ({
    id: r.id,
    title: r.title,
    secondary: r.emails[0] ?? r.domains[0] ?? stageName(r, stageFields, pipelines) ?? '',
  }));
}

/** Titles of records already linked, for the chips of a picker (a deleted one comes back undefined). */
export async function suggestionsFor(db: ThreadlineDB, ids: readonly string[]): Promise<(Suggestion | undefined)[]> {
  const [records, pipelines] = await Promise.all([db.records.bulkGet([...ids]), db.pipelines.toArray()]);
  const stageFields = await db.fields.where('folderId').anyOf([...new Set(records.flatMap((r) => (r ? [r.folderId] : [])))]).filter((f) => f.type === 'stage').toArray();
  return records.map((r) => r && { id: r.id, title: r.title, secondary: r.emails[0] ?? r.domains[0] ?? stageName(r, stageFields, pipelines) ?? '' });
}
