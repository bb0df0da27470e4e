import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deferred, FakeMessageView, FakeThreadView, settle } from './fakeSdk';
import { startOnFake } from './harness';

const ada = { name: 'Ada', emailAddress: 'ada@example.com' };
const thread = (id: string) => new FakeThreadView([new FakeMessageView({ messageId: `m-${id}`, sender: ada, recipients: [{ emailAddress: 'me@example.com' }] })], id);
const withGlobal = (mode: 'none' | 'throws' | 'available', answer?: Promise<void>) => (sdk: { globalSidebar: string; globalAnswer: Promise<void> }) => {
  sdk.globalSidebar = mode;
  if (answer) sdk.globalAnswer = answer;
};

afterEach(() => vi.restoreAllMocks());

describe("one sidebar frame per Gmail tab, in Gmail's global sidebar", () => {
  it('mounts one frame when Gmail loads; every thread is a message to it, none gets a frame of its own', async () => {
    const { sdk, sent } = startOnFake(undefined, withGlobal('available'));
    await settle();
    expect(sdk.globalPanels).toHaveLength(1);
    const frame = sdk.globalPanels[0]!.descriptor.el as HTMLIFrameElement;
    expect(frame.src).toBe('chrome-extension://test-extension-id/sidebar.html');

    const first = thread('t1');
    sdk.openThread(first);
    await settle();
    first.emit('destroy');
    const second = thread('t2');
    sdk.openThread(second);
    await settle();

    expect([first.panels, second.panels]).toEqual([[], []]);
    expect(sdk.globalPanels).toHaveLength(1);
    expect(sdk.globalPanels[0]!.removed).toBe(false);
    expect(sent().map((m) => [m.type, (m.context as { threadId?: string } | undefined)?.threadId ?? m.threadId])).toEqual([
      ['threadline/thread-opened', 't1'],
      ['threadline/thread-closed', 't1'],
      ['threadline/thread-opened', 't2'],
    ]);
  });

  it('Log to Threadline opens the global panel and asks the loaded frame to log', async () => {
    const { sdk, sent } = startOnFake(undefined, withGlobal('available'));
    const view = thread('t1');
    sdk.openThread(view);
    await settle();
    sdk.threadButtons[0]!.value.onClick({ selectedThreadViews: [view] });
    await settle();
    expect(sdk.globalPanels[0]!.opened).toBe(1);
    sdk.globalPanels[0]!.descriptor.el.dispatchEvent(new Event('load'));
    await settle();
    expect(sent().at(-1)).toEqual({ type: 'threadline/log-email-requested', threadId: 't1' });
  });

  it.each(['none', 'throws'] as const)('falls back to a panel per thread when the global sidebar is %s', async (mode) => {
    const { sdk, sent } = startOnFake(undefined, withGlobal(mode));
    const view = thread('t1');
    sdk.openThread(view);
    await settle();
    expect(sdk.globalPanels).toEqual([]);
    expect(view.panels).toHaveLength(1);
    expect(sent().map((m) => m.type)).toEqual(['threadline/thread-opened']);
    view.emit('destroy');
    expect(view.panels[0]!.removed).toBe(true);
  });

  it('a thread destroyed while Gmail is still placing the panel leaves no panel of its own behind', async () => {
    const answer = deferred<void>();
    const { sdk } = startOnFake(undefined, withGlobal('none', answer.promise));
    const view = thread('t1');
    sdk.openThread(view);
    view.emit('destroy');
    answer.resolve();
    await settle();
    expect(view.panels.every((p) => p.removed)).toBe(true);
  });

  it('removes the global panel when the content script is invalidated, also if Gmail answers after that', async () => {
    const { sdk, controller } = startOnFake(undefined, withGlobal('available'));
    await settle();
    controller.abort();
    expect(sdk.globalPanels[0]!.removed).toBe(true);

    const answer = deferred<void>();
    const late = startOnFake(undefined, withGlobal('available', answer.promise));
    late.controller.abort();
    answer.resolve();
    await settle();
    expect(late.sdk.globalPanels.every((p) => p.removed)).toBe(true);
  });

  it("opens a thread the sidebar's home asks for through Gmail's thread route", async () => {
    const { sdk } = startOnFake(undefined, withGlobal('available'));
    await settle();
    const reply = vi.fn();
    // What a sidebar frame's browser.tabs.sendMessage delivers to the content script.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/open-thread', threadId: 'thread/7' }, { tab: { id: 1 } } as never, reply);
    expect(sdk.gotos).toEqual(['inbox/:threadID {"threadID":"thread/7"}']);
    expect(reply).toHaveBeenCalledWith({ opened: true });
  });
});

describe("Gmail's theme on the framed pages", () => {
  it.each([
    [true, '?theme=dark'],
    [false, '?theme=light'],
  ])('dark mode %s: the sidebar and the route open with %s', async (dark, query) => {
    const { sdk } = startOnFake(undefined, (s) => {
      s.globalSidebar = 'available';
      Object.assign(s.Global, { gmailTheme: { isDarkMode: { frame: !dark, body: dark } } });
    });
    await settle();
    expect((sdk.globalPanels[0]!.descriptor.el as HTMLIFrameElement).src).toBe(`chrome-extension://test-extension-id/sidebar.html${query}`);
    const routeEl = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    expect(routeEl.querySelector('iframe')?.src).toBe(`chrome-extension://test-extension-id/dashboard.html${query}`);
  });

  it('says nothing where the SDK cannot tell, so the pages follow the system', async () => {
    const { sdk } = startOnFake(undefined, (s) => {
      s.globalSidebar = 'available';
      Object.defineProperty(s.Global, 'gmailTheme', { get: () => { throw new Error('not drawn yet'); } });
    });
    await settle();
    expect((sdk.globalPanels[0]!.descriptor.el as HTMLIFrameElement).src).toBe('chrome-extension://test-extension-id/sidebar.html');
  });
});
