/** First retry after about a second, doubling up to five minutes. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with jitter: the delay before retry number `attempt` (1-based) is drawn from
 * the upper half of the exponential step, so a whole team coming back online at once (a Wi-Fi
 * outage in the office) spreads its retries instead of hitting Firestore in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
