import { useLiveQuery } from 'dexie-react-hooks';
import { loadCallOutcomes } from '../../storage/activities/callOutcomes';
import { DEFAULT_CALL_OUTCOMES, isBuiltInOutcome, type BuiltInCallOutcome, type CallOutcome } from '../../storage/model/callOutcomes';
import { t, type PlainKey } from '../../i18n';
import { useDb } from '../shell/DbProvider';

const BUILT_IN_LABEL: Record<BuiltInCallOutcome, PlainKey> = {
  connected: 'outcome.connected',
  leftVoicemail: 'outcome.leftVoicemail',
  noAnswer: 'outcome.noAnswer',
  busy: 'outcome.busy',
  wrongNumber: 'outcome.wrongNumber',
};

/**
 * An outcome in the user's language: a built-in one translated, one an admin added as they typed
 * it, and an id the list no longer holds (removed after calls used it) as stored.
 */
export function outcomeLabel(id: string, list: readonly CallOutcome[] = DEFAULT_CALL_OUTCOMES): string {
  const listed = list.find((o) => o.id === id);
  if (listed?.label) return listed.label;
  return isBuiltInOutcome(id) ? t(BUILT_IN_LABEL[id]) : id;
}

/** The workspace's call outcomes, live (an admin's edit shows in every open form). */
export function useCallOutcomes(): CallOutcome[] | undefined {
  const db = useDb();
  return useLiveQuery(() => loadCallOutcomes(db), [db]);
}
