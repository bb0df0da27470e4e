import type { ThreadlineDB } from '../db/db';
import type { Activity } from '../model/entities';
import type { DealFact } from './types';

type Closed = Pick<DealFact, 'id' | 'pipelineId' | 'stageId' | 'outcome'>;

const isClosed = (d: Closed) => (d.outcome === 'won' || d.outcome === 'lost') && !!d.pipelineId && !!d.stageId;

/**
 * Each closed deal's latest stage change into the stage it is in (when it closed; entryTimes in
 * facts.ts reads no more than that). One read of the closed deals' histories on the `recordIds`
 * index: measured faster than a newest-first walk of each deal's history stopped at that change
 * (full scale, 6,471 closed deals among 500,000 activities: 0.21 s against 1.1 s; quick scale 19
 * against 66 ms), since one bulk read beats thousands of small cursors.
 */
export async function loadClosedStageChanges(db: ThreadlineDB, deals: readonly Closed[]): Promise<Activity[]> {
  const closed = new Map(deals.filter(isClosed).map((d) => [d.id, d]));
  if (!closed.size) return [];
  const history = await db.activities.where('recordIds').anyOf([...closed.keys()]).distinct().toArray();
  const latest = new Map<string, Activity>();
  for (const a of history) {
    if (a.kind !== 'stageChange') continue;
    for (const id of a.recordIds) {
      const d = closed.get(id);
      if (!d || a.to.pipelineId !== d.pipelineId || a.to.stageId !== d.stageId) continue;
      const seen = latest.get(id);
      if (!seen || a.at > seen.at) latest.set(id, a);
    }
  }
  return [...new Set(latest.values())];
}
