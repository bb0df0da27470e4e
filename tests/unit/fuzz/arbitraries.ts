import fc from 'fast-check';
import type { SentEmail } from '../../../messaging/protocol';
import type { Participant, ThreadContext, ThreadMessage } from '../../../messaging/threadContext';
import { XSS_CORPUS } from '../../fixtures/xss-corpus';

/**
 * Generators shared by the fuzz tests. Each run is seeded by fast-check and prints its seed and
 * the shrunk counterexample on failure, so a failure is reproduced with `{ seed, path }`.
 */

/** Any text a stranger could type: full Unicode (lone surrogates included) and the XSS corpus. */
export const hostileText = (maxLength = 60) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...XSS_CORPUS.filter((s) => s.length <= maxLength)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
  );

const localPart = fc.stringMatching(/^[a-z0-9._%+-]{1,20}$/);
const domainPart = fc.stringMatching(/^[a-z0-9-]{1,15}\.[a-z]{2,6}$/);
/** Addresses the ThreadContext schema accepts (Gmail's own, oddly cased or not). */
export const emailArb = fc.tuple(localPart, domainPart).map(([l, d]) => `${l}@${d}`);

export const participantArb: fc.Arbitrary<Participant> = fc.record({ name: hostileText(80), email: emailArb });

export const threadMessageArb: fc.Arbitrary<ThreadMessage> = fc.record({
  messageId: fc.string({ minLength: 1, maxLength: 40 }),
  from: participantArb,
  to: fc.array(participantArb, { maxLength: 4 }),
  cc: fc.array(participantArb, { maxLength: 3 }),
  date: fc.nat(),
  snippet: hostileText(200),
});

export const threadContextArb: fc.Arbitrary<ThreadContext> = fc.record({
  threadId: fc.string({ minLength: 1, maxLength: 40 }),
  subject: hostileText(200),
  messages: fc.array(threadMessageArb, { minLength: 1, maxLength: 4 }),
  userEmails: fc.array(emailArb, { maxLength: 3 }),
});

export const sentEmailArb: fc.Arbitrary<SentEmail> = fc.record({
  threadId: fc.string({ minLength: 1, maxLength: 40 }),
  messageId: fc.string({ minLength: 1, maxLength: 40 }),
  from: participantArb,
  to: fc.array(participantArb, { maxLength: 4 }),
  cc: fc.array(participantArb, { maxLength: 3 }),
  subject: hostileText(200),
  snippet: hostileText(200),
  date: fc.nat(),
});

/** Keys that have broken JavaScript code before: prototype setters and inherited names. */
export const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'then');

/** Values of every JavaScript shape a message or document could carry, nasty keys included. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308),
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    hostileText(40),
    fc.date({ noInvalidDate: false }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), nastyKey), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A path into a JSON-like value, and the value with the leaf at that path replaced. */
export function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

export function replaceAt<T>(value: T, path: readonly (string | number)[], leaf: unknown): T {
  if (path.length === 0) return leaf as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, leaf);
  return copy as T;
}
