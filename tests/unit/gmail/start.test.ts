import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FakeComposeView, FakeMessageView, FakeThreadView, settle } from './fakeSdk';
import { startOnFake } from './harness';

afterEach(() => vi.restoreAllMocks());

describe('startThreadline', () => {
  it('adds the nav item and mounts the CRM page in its custom route', () => {
    const { sdk } = startOnFake();
    expect(sdk.navItems.map((n) => n.value)).toEqual([
      { name: 'Threadline', routeID: 'threadline', iconUrl: 'chrome-extension://test-extension-id/icon/48.png' },
    ]);
    expect(sdk.routes[0]?.value.routeID).toBe('threadline');

    const routeEl = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    const frame = routeEl.querySelector('iframe');
    expect(frame?.src).toBe('chrome-extension://test-extension-id/dashboard.html');
  });

  it('undoes everything when the content script is invalidated', async () => {
    const { sdk, controller, sent } = startOnFake();
    const collapsed = new FakeMessageView({ loaded: false });
    const thread = new FakeThreadView([collapsed, new FakeMessageView({ sender: { emailAddress: 'a@example.com' } })]);
    sdk.openThread(thread);
    const composeView = new FakeComposeView({});
    sdk.openCompose(composeView);
    const routeEl = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    await settle();
    const before = sent().length;
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);

    controller.abort();

    const registrations = [sdk.threadHandlers, sdk.composeHandlers, sdk.threadButtons, sdk.navItems, sdk.routes].flat();
    // Three thread buttons (log, open, note: shortcuts.ts) among them.
    expect(registrations).toHaveLength(7);
    expect(registrations.every((r) => r.removed)).toBe(true);
    expect(sdk.shortcuts.map((h) => [h.chord, h.removed])).toEqual([['shift+l', true], ['shift+o', true], ['shift+m', true], ['g r', true]]);
    expect(sdk.destroyed).toBe(true);
    expect(thread.panels[0]?.removed).toBe(true);
    expect([thread, collapsed, composeView].map((v) => v.listenerCount())).toEqual([0, 0, 0]);
    expect(routeEl.querySelector('iframe')).toBeNull();
    // The thread host no longer answers sidebars.
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);

    // Gmail events that still arrive after invalidation send nothing.
    thread.emit('destroy');
    collapsed.load();
    composeView.send({ threadId: 't', messageId: 'm' });
    await settle();
    expect(sent()).toHaveLength(before);
  });
});
