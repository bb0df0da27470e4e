/**
 * Hybrid logical clock stamps (Kulkarni et al.): physical milliseconds, a counter for events within
 * the same millisecond (or while the wall clock lags behind a stamp already seen), and the device id
 * that breaks ties. Encoded as a fixed-width string so that comparing two stamps is comparing two
 * strings: the same order in JavaScript, IndexedDB and Firestore (rules and queries included).
 */
export type Hlc = string;

export type HlcState = { ms: number; counter: number; device: string };

const MS_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const HLC_PATTERN = /^(\d{15}):(\d{6}):([A-Za-z0-9_-]{1,40})$/;

/** Older than every real stamp: what a document written before clocks existed (schema v1) carries. */
export const HLC_ZERO: Hlc = `${'0'.repeat(MS_DIGITS)}:${'0'.repeat(COUNTER_DIGITS)}:0`;

/**
 * A remote stamp further ahead of our wall clock than this does not pull our clock forward: one
 * device with a wrong clock must not drag every teammate's stamps into the future. Its edits still
 * merge by their stamp; only our own clock ignores it.
 */
export const MAX_DRIFT_MS = 5 * 60_000;

export function isValidDeviceId(device: string): boolean {
  return /^[A-Za-z0-9_-]{1,40}$/.test(device);
}

export function encodeHlc({ ms, counter, device }: HlcState): Hlc {
  return `${String(ms).padStart(MS_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${device}`;
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

export function decodeHlc(stamp: Hlc): HlcState {
  const m = HLC_PATTERN.exec(stamp);
  if (!m) throw new Error(`Not a clock stamp: ${stamp.slice(0, 80)}`);
  return { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

/** Negative, zero or positive, like a comparator; ties between devices are already in the string. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

/** The stamp for a local event: later than every stamp this device has issued or seen. */
export function tick(state: HlcState, now: number): HlcState {
  if (now > state.ms) return { ms: now, counter: 0, device: state.device };
  return bump(state.ms, state.counter + 1, state.device);
}

/** Advances our clock past a stamp received from another device, so our next edit wins over it. */
export function receive(state: HlcState, remote: Hlc, now: number): HlcState {
  const r = decodeHlc(remote);
  if (r.ms > now + MAX_DRIFT_MS) return state;
  if (r.ms < state.ms || (r.ms === state.ms && r.counter <= state.counter)) return state;
  return { ms: r.ms, counter: r.counter, device: state.device };
}

// A counter overflow borrows the next millisecond: stamps stay strictly increasing either way.
function bump(ms: number, counter: number, device: string): HlcState {
  return counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, device } : { ms, counter, device };
}
