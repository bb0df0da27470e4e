import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, HLC_ZERO, MAX_DRIFT_MS, receive, tick, type HlcState } from '../../storage/replica/hlc';
import { isAlive, mergeDocs, sameState, stableJson, type DocState } from '../../storage/replica/merge';

const stamp = (ms: number, counter = 0, device = 'a') => encodeHlc({ ms, counter, device });

describe('hybrid logical clock', () => {
  it('round-trips through its string form and sorts like (ms, counter, device)', () => {
    const s: HlcState = { ms: 1_795_000_000_123, counter: 7, device: 'dev_1' };
    expect(decodeHlc(encodeHlc(s))).toEqual(s);
    expect(compareHlc(stamp(1, 9), stamp(2, 0))).toBeLessThan(0);
    expect(compareHlc(stamp(5, 1), stamp(5, 0))).toBeGreaterThan(0);
    expect(compareHlc(stamp(5, 1, 'b'), stamp(5, 1, 'a'))).toBeGreaterThan(0);
    expect(compareHlc(HLC_ZERO, stamp(0, 0, '0'))).toBe(0);
  });

  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 50 }), (nows) => {
        let state: HlcState = { ms: 0, counter: 0, device: 'x' };
        let last = HLC_ZERO;
        for (const now of nows) {
          state = tick(state, now);
          const next = encodeHlc(state);
          expect(compareHlc(next, last)).toBeGreaterThan(0);
          last = next;
        }
      }),
    );
  });

  it('a stamp received from another device makes the next local stamp later than it', () => {
    const local: HlcState = { ms: 100, counter: 0, device: 'a' };
    const remote = stamp(500, 3, 'b');
    const next = encodeHlc(tick(receive(local, remote, 200), 200));
    expect(compareHlc(next, remote)).toBeGreaterThan(0);
  });

  it('ignores a remote clock too far in the future for its own clock', () => {
    const local: HlcState = { ms: 100, counter: 0, device: 'a' };
    expect(receive(local, stamp(100 + MAX_DRIFT_MS + 1_000), 100)).toBe(local);
  });

  it('refuses malformed stamps', () => {
    expect(() => decodeHlc('12:3:x')).toThrow(/Not a clock stamp/);
  });
});

const doc = (units: Record<string, [unknown, number, string?]>, born?: number, deleted?: number): DocState => {
  const s: DocState = { units: {}, clocks: {} };
  for (const [u, [v, ms, dev]] of Object.entries(units)) {
    s.clocks[u] = stamp(ms, 0, dev ?? 'a');
    if (v !== undefined) s.units[u] = v;
  }
  if (born !== undefined) s.born = stamp(born);
  if (deleted !== undefined) s.deleted = stamp(deleted, 0, 'z');
  return s;
};

describe('merge', () => {
  it('keeps both edits when two devices change different fields', () => {
    const base: Record<string, [unknown, number]> = { name: ['Ana', 1], phone: ['1', 1] };
    const a = doc({ ...base, name: ['Anna', 5, 'a'] }, 1);
    const b = doc({ ...base, phone: ['2', 6, 'b'] }, 1);
    expect(mergeDocs(a, b).units).toEqual({ name: 'Anna', phone: '2' });
  });

  it('the later clock wins for the same field whichever arrives last; ties go to the higher device id', () => {
    const older = doc({ name: ['old', 5, 'a'] }, 1);
    const newer = doc({ name: ['new', 6, 'a'] }, 1);
    expect(mergeDocs(newer, older).units.name).toBe('new');
    expect(mergeDocs(older, newer).units.name).toBe('new');
    const fromA = doc({ name: ['A', 5, 'a'] }, 1);
    const fromB = doc({ name: ['B', 5, 'b'] }, 1);
    expect(mergeDocs(fromA, fromB).units.name).toBe('B');
  });

  it('a cleared field (stamp without value) wins over an older value', () => {
    const merged = mergeDocs(doc({ phone: ['1', 3] }, 1), doc({ phone: [undefined, 4] }, 1));
    expect(merged.units).toEqual({});
    expect(merged.clocks.phone).toBe(stamp(4));
  });

  it('a delete wins over older and concurrent edits, erasing the values it saw', () => {
    const edited = doc({ name: ['Ana', 2], phone: ['9', 8] }, 1);
    const deleted = doc({}, 1, 5);
    const merged = mergeDocs(edited, deleted);
    expect(isAlive(merged)).toBe(false);
    expect(merged.units.name).toBeUndefined();
  });

  it('a re-creation with the same id after a delete brings the document back clean', () => {
    const dead = doc({ phone: ['9', 8] }, 1, 5);
    const reborn = doc({ threadId: ['t', 10] }, 10);
    const merged = mergeDocs(dead, reborn);
    expect(isAlive(merged)).toBe(true);
    expect(merged.units).toEqual({ threadId: 't' });
  });

  const arbState = fc
    .record({
      units: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'values.x'), fc.tuple(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), fc.integer({ min: 0, max: 20 }), fc.constantFrom('d1', 'd2'))),
      born: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      deleted: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    })
    .map(({ units, born, deleted }) => {
      // One stamp is one write: make the value a function of the stamp, as real replicas do.
      const withValues = Object.fromEntries(Object.entries(units).map(([u, [v, ms, d]]) => [u, [v === undefined ? undefined : `${u}${ms}${d}`, ms, d] as [unknown, number, string]]));
      return doc(withValues, born, deleted);
    });

  it('is commutative, associative and idempotent (so replicas converge in any order)', () => {
    fc.assert(
      fc.property(arbState, arbState, arbState, (a, b, c) => {
        expect(sameState(mergeDocs(a, b), mergeDocs(b, a))).toBe(true);
        expect(sameState(mergeDocs(mergeDocs(a, b), c), mergeDocs(a, mergeDocs(b, c)))).toBe(true);
        const ab = mergeDocs(a, b);
        expect(sameState(mergeDocs(ab, ab), ab)).toBe(true);
        expect(sameState(mergeDocs(ab, a), ab)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('compares values independently of key order', () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe(stableJson({ a: { c: 2, d: 1 }, b: 1 }));
  });
});
