import type { DealFact, ReportFilters } from './types';

/** Owner and pipeline filters on a deal; the period means something different per report. */
export const dealMatches = (d: DealFact, f: ReportFilters) =>
  (f.owner === undefined || d.owner === f.owner) && (f.pipelineId === undefined || d.pipelineId === f.pipelineId);

/**
 * The probability a forecast weighs a deal by (0–100). Closed stages decide: won counts fully,
 * lost not at all. An open deal uses its own probability when filled, else its stage's.
 */
export function dealProbability(d: DealFact): number {
  if (d.outcome === 'won') return 100;
  if (d.outcome === 'lost') return 0;
  return d.probability ?? d.stageProbability ?? 0;
}
