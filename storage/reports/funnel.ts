import { inPeriodMs } from './period';
import type { ReportData, ReportFilters } from './types';

export type FunnelRow = {
  stageId: string;
  label: string;
  /** Contacts whose current stage is this one or a later one. */
  reached: number;
  recordIds: string[];
  /** reached / reached of the stage before, 0–1; undefined for the first stage or after an empty one. */
  conversion?: number;
};

export type Funnel = { stages: FunnelRow[]; withoutStage: { count: number; recordIds: string[] } };

/**
 * Lifecycle funnel over the contacts created in the period (owner filter: the contact's owner).
 * Only the current stage is kept, so "reached" means "is at this stage or beyond": a customer has
 * reached lead, opportunity and customer. Stages follow the field's option order.
 */
export function lifecycleFunnel(data: ReportData, filters: ReportFilters): Funnel {
  const order = new Map(data.lifecycleStages.map((o, i) => [o.id, i]));
  const stages: FunnelRow[] = data.lifecycleStages.map((o) => ({ stageId: o.id, label: o.label, reached: 0, recordIds: [] }));
  const withoutStage: string[] = [];
  for (const c of data.contacts) {
    if ((filters.owner !== undefined && c.owner !== filters.owner) || !inPeriodMs(c.createdAt, filters.period)) continue;
    const at = c.lifecycleStage === undefined ? undefined : order.get(c.lifecycleStage);
    if (at === undefined) {
      withoutStage.push(c.id);
      continue;
    }
    for (let i = 0; i <= at; i++) {
      stages[i]!.reached += 1;
      stages[i]!.recordIds.push(c.id);
    }
  }
  stages.forEach((s, i) => {
    const before = stages[i - 1];
    if (before && before.reached > 0) s.conversion = s.reached / before.reached;
  });
  return { stages, withoutStage: { count: withoutStage.length, recordIds: withoutStage } };
}
