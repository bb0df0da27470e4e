import { compareHlc, maxHlc, type Hlc } from './hlc';

/**
 * Everything sync knows about one document, on a device or on the server. A document is a flat
 * map of "units" (a property, or for records one field value `values.<fieldId>`), each stamped with
 * the clock of the write that set it. A unit with a stamp but no value was cleared by that write.
 * `born` is the stamp of the write that created the document, `deleted` that of its latest delete.
 */
export type DocState = {
  units: Record<string, unknown>;
  clocks: Record<string, Hlc>;
  born?: Hlc;
  deleted?: Hlc;
};

/**
 * A document exists while its latest creation is newer than its latest delete. Edits never bring
 * back a deleted document (a delete wins over concurrent edits, which is also what erasing a
 * contact needs); only a new creation with the same id does (unlinking then relinking a thread).
 */
export function isAlive(state: DocState): boolean {
  return state.born !== undefined && (state.deleted === undefined || state.born > state.deleted);
}

/**
 * THE merge: used for local application of remote documents and inside the server-side push
 * transaction, so every replica computes the same result from the same inputs. Per unit the
 * higher stamp wins (stamps embed the device id, so there are no ties between different writes);
 * units older than the document's latest creation or delete are dropped: a delete erases every
 * value it saw, and a re-creation starts from a clean document. The function is commutative,
 * associative and idempotent, which is what makes replicas converge whatever the delivery order.
 */
export function mergeDocs(a: DocState, b: DocState): DocState {
  const born = maxHlc(a.born, b.born);
  const deleted = maxHlc(a.deleted, b.deleted);
  const floor = maxHlc(born, deleted);
  const units: Record<string, unknown> = {};
  const clocks: Record<string, Hlc> = {};
  for (const unit of new Set([...Object.keys(a.clocks), ...Object.keys(b.clocks)])) {
    const winner = pickUnit(a, b, unit);
    if (floor !== undefined && compareHlc(winner.clock, floor) < 0) continue;
    clocks[unit] = winner.clock;
    if (winner.value !== undefined) units[unit] = winner.value;
  }
  return withStamps({ units, clocks }, born, deleted);
}

type UnitVersion = { clock: Hlc; value: unknown };

function pickUnit(a: DocState, b: DocState, unit: string): UnitVersion {
  const ca = a.clocks[unit];
  const cb = b.clocks[unit];
  if (ca === undefined) return { clock: cb!, value: b.units[unit] };
  if (cb === undefined) return { clock: ca, value: a.units[unit] };
  const order = compareHlc(ca, cb);
  if (order !== 0) return order > 0 ? { clock: ca, value: a.units[unit] } : { clock: cb, value: b.units[unit] };
  // One stamp is one write, so equal stamps carry equal values; if a corrupted copy disagrees, a
  // fixed rule still picks the same side on every replica.
  const ja = stableJson(a.units[unit]);
  const jb = stableJson(b.units[unit]);
  return ja >= jb ? { clock: ca, value: a.units[unit] } : { clock: cb, value: b.units[unit] };
}

function withStamps(state: DocState, born: Hlc | undefined, deleted: Hlc | undefined): DocState {
  const out: DocState = { units: state.units, clocks: state.clocks };
  if (born !== undefined) out.born = born;
  if (deleted !== undefined) out.deleted = deleted;
  return out;
}

/** The state a device keeps of a deleted document: the stamps, never the erased values. */
export function tombstoneOf(state: DocState): DocState {
  return withStamps({ units: {}, clocks: {} }, state.born, state.deleted);
}

/** JSON with object keys sorted: equal values give equal strings whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  ) ?? 'undefined';
}

export function sameState(a: DocState, b: DocState): boolean {
  return stableJson(a) === stableJson(b);
}
