import type { ThreadlineDB } from '../db/db';
import { callOutcomesSchema, type CallOutcome } from '../model/callOutcomes';
import { zodProblemEn } from '../model/issues';
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
    const issue = parsed.error.issues[0];
    throw new ActivityValidationError(`callOutcomes${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${zodProblemEn(issue)}`);
  }
  await setSetting(db, 'callOutcomes', parsed.data);
}
