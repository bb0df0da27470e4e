import type { ThreadlineDB } from '../db/db';
import type { ActivityOf } from '../model/entities';

/**
 * A rule's runs, newest first: fired, skipped and failed, each with its record. Only automation
 * entries carry `ruleId`, so the [ruleId+at] index (schema v8) holds nothing else.
 */
export async function ruleRunLog(db: ThreadlineDB, ruleId: string, limit = 50): Promise<ActivityOf<'automation'>[]> {
  const rows = await db.activities.where('[ruleId+at]').between([ruleId, -Infinity], [ruleId, Infinity]).reverse().limit(limit).toArray();
  return rows.filter((a): a is ActivityOf<'automation'> => a.kind === 'automation');
}
