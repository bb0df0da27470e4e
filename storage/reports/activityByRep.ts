import type { Activity } from '../model/entities';
import { periodBounds, weekIndex, weekStart } from './period';
import type { ReportData, ReportFilters } from './types';

export const ACTIVITY_MEASURES = ['emails', 'calls', 'meetings', 'notes', 'tasksDone'] as const;
export type ActivityMeasure = (typeof ACTIVITY_MEASURES)[number];

export type ActivityRow = {
  /** The owner the activity is credited to; '' when none of its records has one. */
  rep: string;
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  recordIds: string[];
} & Record<ActivityMeasure, number>;

/** Which measure an activity counts toward, and the moment that counts: a task counts when ticked. */
function measureOf(a: Activity): { measure: ActivityMeasure; at: number } | undefined {
  switch (a.kind) {
    case 'email':
      return { measure: 'emails', at: a.at };
    case 'call':
      return { measure: 'calls', at: a.at };
    case 'meeting':
      return { measure: 'meetings', at: a.at };
    case 'note':
      return { measure: 'notes', at: a.at };
    // No "done at" is kept: the last update of a done task is when it was ticked.
    case 'task':
      return a.done ? { measure: 'tasksDone', at: a.updatedAt } : undefined;
    default:
      return undefined;
  }
}

/**
 * Activities logged per rep and week. Activities carry no author, so each is credited to the
 * owner of the first of its records (in the order they were attached) that has an owner.
 * The pipeline filter does not apply (an activity is not in a pipeline).
 */
export function activityByRep(data: ReportData, filters: ReportFilters): ActivityRow[] {
  const rows = new Map<string, ActivityRow>();
  // Kept beside each row while counting: a list lookup per activity is quadratic on a big workspace.
  const seen = new Map<string, Set<string>>();
  const [from, to] = periodBounds(filters.period);
  for (const a of data.activities) {
    const m = measureOf(a);
    if (!m || m.at < from || m.at >= to) continue;
    let rep = '';
    for (const id of a.recordIds) {
      const owner = data.ownerOf.get(id);
      if (owner !== undefined) {
        rep = owner;
        break;
      }
    }
    if (filters.owner !== undefined && rep !== filters.owner) continue;
    const week = weekIndex(m.at);
    const key = `${rep}\u0000${week}`;
    const row = rows.get(key) ?? { rep, week: weekStart(week), emails: 0, calls: 0, meetings: 0, notes: 0, tasksDone: 0, recordIds: [] };
    row[m.measure] += 1;
    const ids = seen.get(key) ?? new Set<string>();
    for (const id of a.recordIds) {
      if (ids.has(id)) continue;
      ids.add(id);
      row.recordIds.push(id);
    }
    seen.set(key, ids);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : a.rep.localeCompare(b.rep)));
}
