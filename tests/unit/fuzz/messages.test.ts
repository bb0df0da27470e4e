import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  emailSentReplySchema,
  hostToBackgroundSchema,
  hostToSidebarSchema,
  sentEmailSchema,
  sidebarToHostSchema,
} from '../../../messaging/protocol';
import { createThreadHost } from '../../../messaging/threadHost';
import { anyValue, leafPaths, replaceAt, sentEmailArb, threadContextArb } from './arbitraries';

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * Runtime messages cross between extension contexts, and in Gmail every extension page hears
 * every tab. Each schema must survive any value without throwing, accept exactly the well-formed
 * messages, and refuse a damaged one.
 */
const SCHEMAS = { hostToSidebarSchema, sidebarToHostSchema, hostToBackgroundSchema, sentEmailSchema, emailSentReplySchema };

const hostToSidebarArb = fc.oneof(
  threadContextArb.map((context) => ({ type: 'threadline/thread-opened' as const, context })),
  anyValue.map((context) => ({ type: 'threadline/thread-opened' as const, context })),
  fc.string().map((threadId) => ({ type: 'threadline/thread-closed' as const, threadId })),
  fc.string().map((threadId) => ({ type: 'threadline/log-email-requested' as const, threadId })),
);
const hostToBackgroundArb = sentEmailArb.chain((email) =>
  fc.constantFrom('threadline/email-sent' as const, 'threadline/log-sent-email' as const).map((type) => ({ type, email })),
);
/** A message whose `type` is close to a real one but not it. */
const typeNoise = fc.oneof(
  fc.constantFrom('threadline/thread-opened ', 'Threadline/thread-opened', 'threadline/', 'threadline/sidebar-ready\u0000', ''),
  fc.string({ maxLength: 40 }),
);

describe('runtime message schemas (fuzz)', () => {
  it.each(Object.entries(SCHEMAS))('%s never throws on any value', (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ type: typeNoise, context: anyValue, email: anyValue, threadId: anyValue })), (raw) => {
        const r = schema.safeParse(raw);
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 800 },
    );
  });

  it('accepts every well-formed message unchanged (host → sidebar, host → background, sidebar → host)', () => {
    fc.assert(
      fc.property(hostToSidebarArb, hostToBackgroundArb, (toSidebar, toBackground) => {
        expect(hostToSidebarSchema.parse(toSidebar)).toEqual(toSidebar);
        expect(hostToBackgroundSchema.parse(toBackground)).toEqual(toBackground);
        expect(sidebarToHostSchema.parse({ type: 'threadline/sidebar-ready' })).toEqual({ type: 'threadline/sidebar-ready' });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses messages of an unknown type', () => {
    fc.assert(
      fc.property(typeNoise, anyValue, (type, payload) => {
        const raw = { type, context: payload, threadId: 'x', email: payload };
        expect(hostToSidebarSchema.safeParse(raw).success).toBe(false);
        expect(hostToBackgroundSchema.safeParse(raw).success).toBe(false);
        expect(sidebarToHostSchema.safeParse(raw).success).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a sent email with one damaged leaf, naming its path', () => {
    const damaged = sentEmailArb.chain((email) =>
      fc.constantFrom(...leafPaths(email)).chain((path) =>
        fc.constantFrom<unknown>(undefined, null, 1.5, -1, 'x'.repeat(2_000), {}, []).map((bad) => ({ raw: replaceAt(email, path, bad), path, bad })),
      ),
    );
    fc.assert(
      fc.property(damaged, ({ raw, path, bad }) => {
        const r = sentEmailSchema.safeParse(raw);
        // Names are free text up to 500 characters: '' and short strings stay valid there.
        fc.pre(!(typeof bad === 'string' && r.success));
        expect(r.success).toBe(false);
        if (!r.success) expect(r.error.issues.some((i) => i.path.join('.') === path.join('.'))).toBe(true);
      }),
      { numRuns: 1_500 },
    );
  });
});

describe('the thread host answers only a well-formed sidebar-ready (fuzz)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
  });

  it('never throws, and replies to nothing but sidebar-ready', async () => {
    const controller = new AbortController();
    const host = createThreadHost(controller.signal);
    host.threadOpened({ threadId: 't' }, 't');
    const sender = { tab: { id: 1 } } as Browser.runtime.MessageSender;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, fc.record({ type: typeNoise })), async (raw) => {
        const replies: unknown[] = [];
        await fakeBrowser.runtime.onMessage.trigger(raw, sender, (r: unknown) => replies.push(r));
        const isReady = sidebarToHostSchema.safeParse(raw).success;
        expect(replies.length).toBe(isReady ? 1 : 0);
      }),
      { numRuns: 1_000 },
    );
    controller.abort();
  });
});
