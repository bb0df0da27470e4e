import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostToBackgroundSchema, sentEmailSchema } from '../../../messaging/protocol';
import { FakeComposeView, settle } from './fakeSdk';
import { startOnFake } from './harness';

afterEach(() => vi.restoreAllMocks());

const ids = { threadId: 'thread-9', messageId: 'msg-9' };
const compose = () =>
  new FakeComposeView({
    from: { name: 'Me', emailAddress: 'me@example.com' },
    to: [{ name: '"Ada"', emailAddress: 'ada@example.com' }, { name: 'Nobody' }],
    cc: [{ emailAddress: 'bob@acme.test' }],
    subject: '<b>Proposal</b>',
    text: `Hi Ada,\n\n${'long text '.repeat(200)}`,
  });

describe('sent email', () => {
  it('reports the sent message to the background, which only says whom it could be logged against', async () => {
    const { sdk, sent } = startOnFake(() => ({ logged: false, recordCount: 2 }));
    const view = compose();
    sdk.openCompose(view);
    view.send(ids);
    await settle();

    expect(sent()).toHaveLength(1);
    const message = hostToBackgroundSchema.parse(sent()[0]);
    expect(message.type).toBe('threadline/email-sent');
    const email = sentEmailSchema.parse(message.email);
    expect(email).toMatchObject({
      ...ids,
      from: { name: 'Me', email: 'me@example.com' },
      to: [{ name: 'Ada', email: 'ada@example.com' }],
      cc: [{ name: 'bob', email: 'bob@acme.test' }],
      subject: '<b>Proposal</b>',
    });
    expect(email.snippet.startsWith('Hi Ada, long text')).toBe(true);
    expect(email.snippet.length).toBeLessThanOrEqual(1_000);
    expect(Math.abs(email.date - Date.now())).toBeLessThan(5_000);
    expect(sdk.butterMessages.map((b) => b.message.text)).toEqual(['Log this email to 2 Threadline records?']);
  });

  it('offers to log when the background did not, and logs when the user accepts', async () => {
    const { sdk, sent } = startOnFake((m) =>
      (m as { type: string }).type === 'threadline/email-sent' ? { logged: false, recordCount: 1 } : { logged: true, recordCount: 1 },
    );
    const view = compose();
    sdk.openCompose(view);
    view.send(ids);
    await settle();

    const offer = sdk.butterMessages[0]!;
    expect(offer.message.text).toBe('Log this email to 1 Threadline record?');
    expect(offer.message.buttons?.map((b) => b.title)).toEqual(['Log it']);
    expect(sent()).toHaveLength(1);

    offer.message.buttons![0]!.onClick();
    offer.message.buttons![0]!.onClick();
    await settle();
    expect(offer.destroyed).toBe(true);
    expect(sent().map((m) => m.type)).toEqual(['threadline/email-sent', 'threadline/log-sent-email']);
    expect(sent()[1]?.email).toEqual(sent()[0]?.email);
    expect(sdk.butterMessages.at(-1)?.message.text).toBe('Logged to Threadline');
  });

  it('says so when logging after the offer fails', async () => {
    const { sdk } = startOnFake((m) => ((m as { type: string }).type === 'threadline/email-sent' ? { logged: false, recordCount: 3 } : undefined));
    const view = compose();
    sdk.openCompose(view);
    view.send(ids);
    await settle();
    sdk.butterMessages[0]!.message.buttons![0]!.onClick();
    await settle();
    expect(sdk.butterMessages.at(-1)).toMatchObject({ kind: 'error', message: { text: "Threadline couldn't log this email" } });
  });

  it.each([
    ['no matching records', { logged: false, recordCount: 0 }],
    ['a malformed reply', { ok: 'yes' }],
    ['no reply', undefined],
  ])('shows nothing for %s', async (_, reply) => {
    const { sdk, sent } = startOnFake(() => reply);
    const view = compose();
    sdk.openCompose(view);
    view.send(ids);
    await settle();
    expect(sent()).toHaveLength(1);
    expect(sdk.butterMessages).toEqual([]);
  });

  it('uses the draft read at presending, when Gmail has already removed the compose', async () => {
    const { sdk, sent } = startOnFake(() => ({ logged: true, recordCount: 1 }));
    const view = compose();
    sdk.openCompose(view);
    view.emit('presending', { cancel: () => undefined });
    view.broken = true;
    view.emit('sent', { getThreadID: async () => 't', getMessageID: async () => 'm' });
    await settle();
    expect(sent()[0]?.email).toMatchObject({ threadId: 't', messageId: 'm', subject: '<b>Proposal</b>' });
  });

  it('sends nothing when the sent ids never resolve or the message cannot be valid', async () => {
    const { sdk, sent } = startOnFake(() => ({ logged: true, recordCount: 1 }));
    const failing = compose();
    sdk.openCompose(failing);
    failing.emit('sent', { getThreadID: () => Promise.reject(new Error('no id')), getMessageID: async () => 'm' });
    const senderless = new FakeComposeView({ from: { name: 'x' } });
    sdk.userEmail = '';
    sdk.openCompose(senderless);
    senderless.send(ids);
    await settle();
    expect(sent()).toEqual([]);
  });

  it('stops listening to a compose view once it is destroyed', () => {
    const { sdk } = startOnFake();
    const view = compose();
    sdk.openCompose(view);
    expect(view.listenerCount()).toBe(3);
    view.emit('destroy', { messageID: null, closedByInboxSDK: false });
    expect(view.listenerCount()).toBe(0);
  });
});
