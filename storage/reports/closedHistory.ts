import type { ThreadlineDB } from '../db/db';
import { recordAtKey, recordStart } from '../db/activityIndex';
import type { Activity } from '../model/entities';
import type { DealFact } from './types';

type Closed = Pick<DealFact, 'id' | 'pipelineId' | 'stageId' | 'outcome'>;

const isClosed = (d: Closed) => (d.outcome === 'won' || d.outcome === 'lost') && !!d.pipelineId && !!d.stageId;

const entersStage = (d: Closed) => (a: Activity) => a.kind === 'stageChange' && a.to.pipelineId === d.pipelineId && a.to.stageId === d.stageId;

/** One newest-first walk of the deal's history on the `recordAt` index, stopped at its entry into its stage. */
const lastEntry = (db: ThreadlineDB, d: Closed) =>
  db.activities.where('recordAt').between(recordStart(d.id), recordAtKey(d.id, Infinity), true, true).reverse().filter(entersStage(d)).first();

/**
 * Above this many activities per closed deal, walking each deal's history newest first (a request
 * per deal, stopped at its close) costs less than reading every activity of every closed deal.
 */
export const WALK_ABOVE_PER_DEAL = 3;

/**
 * Each closed deal's latest stage change into the stage it is in (when it closed; entryTimes in
 * facts.ts reads no more than that). The closed deals' activity ids come first, from the
 * `recordIds` index alone (keys, no documents): when the deals carry little more than their stage
 * changes those few documents are read at once; when they carry their emails, notes and calls
 * too (mostly older than the close), each deal's history is walked newest first and stopped at
 * the change, so the rest is never read.
 */
export function loadClosedStageChanges(db: ThreadlineDB, deals: readonly Closed[]): Promise<Activity[]> {
  const closed = deals.filter(isClosed);
  if (!closed.length) return Promise.resolve([]);
  return db.transaction('r', db.activities, async () => {
    const keys = [...new Set(await db.activities.where('recordIds').anyOf(closed.map((d) => d.id)).primaryKeys())];
    if (keys.length <= WALK_ABOVE_PER_DEAL * closed.length) {
      const all = await db.activities.bulkGet(keys);
      return all.filter((a): a is Activity => a?.kind === 'stageChange');
    }
    const found = await Promise.all(closed.map((d) => lastEntry(db, d)));
    return found.filter((a): a is Activity => a !== undefined);
  });
}
