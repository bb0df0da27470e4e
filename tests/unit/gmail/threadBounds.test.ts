import { describe, expect, it } from 'vitest';
import { parseThreadContext } from '../../../messaging/protocol';
import { boundThreadContext, THREAD_LIMITS, threadContextSchema, threadPeople, type ThreadContext, type ThreadMessage } from '../../../messaging/threadContext';

const person = (i: number, name = `Person ${i}`) => ({ name, email: `p${i}@example.com` });
const message = (i: number, to: ThreadMessage['to'], snippet = `message ${i}`): ThreadMessage => ({
  messageId: `m${i}`,
  from: { name: `Sender ${i % 7}`, email: `s${i % 7}@example.com` },
  to,
  cc: [],
  date: i,
  snippet,
});
const thread = (messages: ThreadMessage[]): ThreadContext => ({ threadId: 't1', subject: 'Big', messages, userEmails: ['me@team.io'] });

/** The issue's case: 500 messages, each to 1,000 people (as the per-list bound allowed, 500 of them). */
function hugeThread(): ThreadContext {
  const to = Array.from({ length: 500 }, (_, i) => person(i, 'N'.repeat(500)));
  return thread(Array.from({ length: 500 }, (_, i) => message(i, [{ name: 'Me', email: 'me@team.io' }, ...to].slice(0, 500), 'x'.repeat(1_000))));
}

describe('the ThreadContext schema', () => {
  it('refuses a thread of 500 messages × 500 recipients, though every list is within its own bound', () => {
    const result = parseThreadContext(hugeThread());
    expect(result.ok).toBe(false);
  });

  it('refuses more people than the limit, however they are spread over messages', () => {
    const messages = Array.from({ length: 6 }, (_, k) => message(k, Array.from({ length: 50 }, (_, i) => person(k * 50 + i))));
    expect(threadPeople(thread(messages))).toHaveLength(6 + 300);
    const r = threadContextSchema.safeParse(thread(messages));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(`has 306 people, more than ${THREAD_LIMITS.people}`);
  });

  it('refuses a context larger than the size limit, and a peopleTotal below the people listed', () => {
    const big = thread(Array.from({ length: 200 }, (_, i) => message(i, Array.from({ length: 40 }, (_, j) => person(j, 'N'.repeat(500))), 'x'.repeat(1_000))));
    expect(JSON.stringify(big).length).toBeGreaterThan(THREAD_LIMITS.size);
    expect(threadContextSchema.safeParse(big).success).toBe(false);
    expect(threadContextSchema.safeParse({ ...thread([message(1, [person(1)])]), peopleTotal: 1 }).success).toBe(false);
    expect(threadContextSchema.safeParse({ ...thread([message(1, [person(1)])]), peopleTotal: 9 }).success).toBe(true);
  });
});

describe('boundThreadContext', () => {
  it('leaves a thread within the limits as it was', () => {
    const small = thread([message(1, [person(1), person(2)]), message(2, [person(2)])]);
    expect(boundThreadContext(small)).toEqual(small);
  });

  it('brings the 500 × 500 thread within every limit: newest messages, every sender, people counted', () => {
    const huge = hugeThread();
    const bounded = boundThreadContext(huge);
    expect(threadContextSchema.safeParse(bounded).success).toBe(true);
    expect(bounded.messages.length).toBeLessThanOrEqual(THREAD_LIMITS.messages);
    expect(bounded.messages.at(-1)!.messageId).toBe('m499');
    expect(JSON.stringify(bounded).length).toBeLessThanOrEqual(THREAD_LIMITS.size);
    const shown = threadPeople(bounded);
    expect(shown.length).toBeLessThanOrEqual(THREAD_LIMITS.people);
    // 7 senders and 499 recipients; the user's own address is not a person on the thread.
    expect(bounded.peopleTotal).toBe(506);
    // Every kept message's sender is kept, ahead of the recipients.
    const senders = [...new Set(bounded.messages.map((m) => m.from.email))];
    expect(shown.slice(0, senders.length)).toEqual(senders);
    // The user's own address stays in the lists (the sidebar needs it to tell sent from received).
    expect(bounded.messages.every((m) => m.to.some((p) => p.email === 'me@team.io'))).toBe(true);
  });

  it('drops the oldest messages when the newest still exceed the size limit', () => {
    const to = Array.from({ length: 40 }, (_, j) => person(j, 'N'.repeat(500)));
    const bounded = boundThreadContext(thread(Array.from({ length: 200 }, (_, i) => message(i, to, 'x'.repeat(1_000)))));
    expect(threadContextSchema.safeParse(bounded).success).toBe(true);
    expect(bounded.messages.length).toBeLessThan(200);
    expect(bounded.messages.at(-1)!.messageId).toBe('m199');
    // Everyone is still on the newest messages: nobody is missing, so there is nothing to say.
    expect(bounded.peopleTotal).toBeUndefined();
  });
});
