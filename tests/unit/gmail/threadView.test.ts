import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseThreadContext } from '../../../messaging/protocol';
import { deferred, FakeMessageView, FakeThreadView, settle } from './fakeSdk';
import { startOnFake } from './harness';

const ada = { name: 'Ada', emailAddress: 'ada@example.com' };
const message = (id: string, loaded = true) => new FakeMessageView({ messageId: id, sender: ada, loaded, recipients: [{ emailAddress: 'me@example.com' }] });

afterEach(() => vi.restoreAllMocks());

describe('thread views', () => {
  it('adds the sidebar panel and sends a valid context for the opened thread', async () => {
    const { sdk, sent } = startOnFake();
    const view = new FakeThreadView([message('m1')]);
    sdk.openThread(view);
    await settle();

    const [panel] = view.panels;
    expect(panel?.descriptor.title).toBe('Threadline');
    expect(panel?.descriptor.iconUrl).toBe('chrome-extension://test-extension-id/icon/48.png');
    expect(panel?.descriptor.el).toBeInstanceOf(HTMLIFrameElement);
    expect((panel?.descriptor.el as HTMLIFrameElement).src).toBe('chrome-extension://test-extension-id/sidebar.html');

    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.type).toBe('threadline/thread-opened');
    const parsed = parseThreadContext(sent()[0]?.context);
    expect(parsed.ok && parsed.context.userEmails).toEqual(['me@example.com']);
    expect(parsed.ok && parsed.context.messages.map((m) => m.messageId)).toEqual(['m1']);
  });

  it('sends nothing for a thread closed before its async data arrives, and removes its panel', async () => {
    const { sdk, sent } = startOnFake();
    const threadId = deferred<string>();
    const view = new FakeThreadView([message('m1')], threadId.promise);
    sdk.openThread(view);
    view.emit('destroy');
    threadId.resolve('thread-1');
    await settle();

    expect(sent()).toEqual([]);
    expect(view.panels[0]?.removed).toBe(true);
    expect(view.listenerCount()).toBe(0);
  });

  it('tells the sidebar when an opened thread closes', async () => {
    const { sdk, sent } = startOnFake();
    const view = new FakeThreadView([message('m1')]);
    sdk.openThread(view);
    await settle();
    view.emit('destroy');

    expect(sent().map((m) => m.type)).toEqual(['threadline/thread-opened', 'threadline/thread-closed']);
    expect(sent()[1]).toEqual({ type: 'threadline/thread-closed', threadId: 'thread-1' });
    expect(view.panels[0]?.removed).toBe(true);
  });

  it('still hands an unreadable thread to the sidebar so it can say so', async () => {
    const { sdk, sent } = startOnFake();
    sdk.openThread(new FakeThreadView([message('m1', false)]));
    await settle();

    expect(sent()[0]?.type).toBe('threadline/thread-opened');
    expect(parseThreadContext(sent()[0]?.context).ok).toBe(false);
  });

  it('sends the thread again when a collapsed message loads, and stops listening once closed', async () => {
    const { sdk, sent } = startOnFake();
    const collapsed = message('m1', false);
    const view = new FakeThreadView([collapsed, message('m2')]);
    sdk.openThread(view);
    await settle();
    collapsed.load();
    await settle();

    const contexts = sent().map((m) => parseThreadContext(m.context));
    expect(contexts.map((c) => c.ok && c.context.messages.map((m) => m.messageId))).toEqual([['m2'], ['m1', 'm2']]);
    view.emit('destroy');
    expect(collapsed.listenerCount()).toBe(0);
  });

  it('logs from the toolbar button once the sidebar page has loaded', async () => {
    const { sdk, sent } = startOnFake();
    const view = new FakeThreadView([message('m1')]);
    sdk.openThread(view);
    await settle();
    const button = sdk.threadButtons[0]!.value;
    expect(button).toMatchObject({ title: 'Log to Threadline', positions: ['THREAD'] });

    button.onClick({ selectedThreadViews: [view] });
    await settle();
    expect(view.panels[0]?.opened).toBe(1);
    expect(sent().map((m) => m.type)).toEqual(['threadline/thread-opened']);

    view.panels[0]!.descriptor.el.dispatchEvent(new Event('load'));
    await settle();
    expect(sent().at(-1)).toEqual({ type: 'threadline/log-email-requested', threadId: 'thread-1' });
  });
});
