import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseThreadContext } from '../../../messaging/protocol';
import { threadContextSchema } from '../../../messaging/threadContext';
import { anyValue, leafPaths, nastyKey, replaceAt, threadContextArb } from './arbitraries';

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * ThreadContext arrives from a page Threadline does not control (Gmail's DOM through InboxSDK, or
 * a forged message). Whatever arrives, parsing must never throw, must accept every well-formed
 * thread unchanged, and must refuse a damaged one with a reason that names where the damage is.
 */
const wrongLeaf = (leaf: unknown) =>
  typeof leaf === 'string' ? fc.constantFrom<unknown>(1, null, true, ['x'], { s: leaf }, 'x'.repeat(2_000)) : fc.constantFrom<unknown>('1', null, -1, 1.5, [], {});

describe('parseThreadContext (fuzz)', () => {
  it('accepts every well-formed thread and returns it unchanged', () => {
    fc.assert(
      fc.property(threadContextArb, (context) => {
        const result = parseThreadContext(structuredClone(context));
        expect(result).toEqual({ ok: true, context });
      }),
      { numRuns: 1_500 },
    );
  });

  it('never throws on arbitrary input; whatever it accepts satisfies the schema', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, threadContextArb.map((c) => ({ ...c, messages: c.messages.map((m) => ({ ...m, extra: 1 })) }))), (raw) => {
        const result = parseThreadContext(raw);
        if (result.ok) expect(threadContextSchema.safeParse(result.context).success).toBe(true);
        else {
          expect(typeof result.reason).toBe('string');
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a thread with one damaged leaf and names the path of the damage', () => {
    const damaged = threadContextArb.chain((context) => {
      const paths = leafPaths(context).filter((p) => p.length > 0);
      return fc.constantFrom(...paths).chain((path) => {
        const leaf = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], context);
        return wrongLeaf(leaf).map((bad) => ({ raw: replaceAt(context, path, bad), path }));
      });
    });
    fc.assert(
      fc.property(damaged, ({ raw, path }) => {
        const result = parseThreadContext(raw);
        // A long string where a short one belongs is only damage where the schema bounds it.
        if (result.ok) {
          expect(JSON.stringify(raw)).toContain('x'.repeat(2_000));
          return;
        }
        expect(result.reason.startsWith(`${path.join('.')}:`)).toBe(true);
      }),
      { numRuns: 1_500 },
    );
  });

  it('refuses unknown keys, prototype keys included, without polluting any prototype', () => {
    fc.assert(
      fc.property(threadContextArb, fc.oneof(nastyKey, fc.string({ minLength: 1, maxLength: 30 })), anyValue, (context, key, value) => {
        fc.pre(!(key in context));
        const raw = JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
        Object.defineProperty(raw, key, { value, enumerable: true, configurable: true, writable: true });
        const result = parseThreadContext(raw);
        expect(result.ok).toBe(false);
        expect(({} as Record<string, unknown>).threadId).toBeUndefined();
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the refusal reason short, whatever the page sent', () => {
    fc.assert(
      fc.property(threadContextArb, fc.string({ unit: 'binary', minLength: 301, maxLength: 5_000 }), (context, key) => {
        fc.pre(!(key in context));
        const result = parseThreadContext({ ...context, [key]: 1 });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason.length).toBeLessThanOrEqual(300);
      }),
      { numRuns: 300 },
    );
  });
});
