import { dealMatches } from './filters';
import { addMoney, roundMoney } from './money';
import { inPeriodMs } from './period';
import type { Money, ReportData, ReportFilters } from './types';

export type StageRow = {
  pipelineId: string;
  pipelineName: string;
  stageId: string;
  stageName: string;
  outcome: 'open' | 'won' | 'lost';
  count: number;
  /** Sum of the amounts of the deals that have one, per currency. */
  amount: Money;
  /** Deals counted but without an amount. */
  withoutAmount: number;
  recordIds: string[];
};

/**
 * Deals by their current stage, every stage of each pipeline shown (empty ones too, so the funnel
 * shape stays readable). Period: deals that started in it (start date, or creation when empty).
 */
export function pipelineByStage(data: ReportData, filters: ReportFilters): StageRow[] {
  const rows = new Map<string, StageRow>();
  for (const p of data.pipelines) {
    if (filters.pipelineId !== undefined && p.id !== filters.pipelineId) continue;
    for (const s of p.stages) {
      rows.set(`${p.id}/${s.id}`, {
        pipelineId: p.id,
        pipelineName: p.name,
        stageId: s.id,
        stageName: s.name,
        outcome: s.outcome,
        count: 0,
        amount: {},
        withoutAmount: 0,
        recordIds: [],
      });
    }
  }
  for (const d of data.deals) {
    if (!dealMatches(d, filters) || !inPeriodMs(d.startMs, filters.period)) continue;
    const row = rows.get(`${d.pipelineId}/${d.stageId}`);
    if (!row) continue;
    row.count += 1;
    row.recordIds.push(d.id);
    if (d.amount) addMoney(row.amount, d.amount);
    else row.withoutAmount += 1;
  }
  return [...rows.values()].map((r) => ({ ...r, amount: roundMoney(r.amount) }));
}
