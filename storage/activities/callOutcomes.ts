import type { ThreadlineDB } from '../db/db';
import { callOutcomesSchema, type CallOutcome } from '../model/callOutcomes';
import { inputRefusal } from '../model/inputErrors';
import { getSetting, setSetting } from '../settings/settings';
import { ActivityValidationError } from './activities';

/** The outcomes a call may be logged with, in the order the form lists them. */
export function loadCallOutcomes(db: ThreadlineDB): Promise<CallOutcome[]> {
  return getSetting(db, 'callOutcomes');
}

/**
 * Replaces the list (admins; the rules refuse others in a shared workspace). Calls already logged
 * with an outcome that is removed keep it: the history still shows it.
 */
export async function saveCallOutcomes(db: ThreadlineDB, outcomes: readonly CallOutcome[]): Promise<void> {
  const parsed = callOutcomesSchema.safeParse(outcomes);
  if (!parsed.success) {
    const refusal = inputRefusal('callOutcomes', parsed.error, outcomes);
    throw new ActivityValidationError(refusal.message, refusal.code, refusal.params);
  }
  await setSetting(db, 'callOutcomes', parsed.data);
}
