import type { ThreadlineDB } from '../db/db';
import { recordAtKey, recordStart } from '../db/activityIndex';
import type { Activity } from '../model/entities';
import type { DealFact } from './types';

type Closed = Pick<DealFact, 'id' | 'pipelineId' | 'stageId' | 'outcome'>;

const isClosed = (d: Closed) => (d.outcome === 'won' || d.outcome === 'lost') && !!d.pipelineId && !!d.stageId;

/**
 * Each closed deal's latest stage change into the stage it is in (when it closed; entryTimes in
 * facts.ts reads no more than that). One newest-first walk of the deal's history on the
 * `recordAt` index per deal, stopped at that change: a closed deal's emails, notes and calls
 * (mostly older than its close) are not read, where reading every activity of every closed deal
 * grows with their whole history.
 */
export function loadClosedStageChanges(db: ThreadlineDB, deals: readonly Closed[]): Promise<Activity[]> {
  const closed = deals.filter(isClosed);
  if (!closed.length) return Promise.resolve([]);
  return db.transaction('r', db.activities, async () => {
    const found = await Promise.all(
      closed.map((d) =>
        db.activities
          .where('recordAt')
          .between(recordStart(d.id), recordAtKey(d.id, Infinity), true, true)
          .reverse()
          .filter((a) => a.kind === 'stageChange' && a.to.pipelineId === d.pipelineId && a.to.stageId === d.stageId)
          .first(),
      ),
    );
    return found.filter((a): a is Activity => a !== undefined);
  });
}
