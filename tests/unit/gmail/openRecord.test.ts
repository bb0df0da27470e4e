import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startOnFake } from './harness';

afterEach(() => vi.restoreAllMocks());

const sender = { tab: { id: 1 }, frameId: 3 } as Browser.runtime.MessageSender;

async function askToOpen(recordId: string) {
  const replies: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/open-record', recordId }, sender, (r: unknown) => replies.push(r));
  return replies;
}

describe('a sidebar card opening its record inside Gmail', () => {
  it('goes to the Threadline route, which frames the CRM page at that record', async () => {
    const { sdk } = startOnFake();
    expect(await askToOpen('rec_1')).toEqual([{ opened: true }]);
    expect(sdk.gotos).toEqual(['threadline']);

    const routeEl = document.createElement('div');
    document.body.append(routeEl);
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    expect(routeEl.querySelector('iframe')?.src).toBe('chrome-extension://test-extension-id/dashboard.html#/record/rec_1');

    // Already on the route: the frame moves to the next record without another navigation.
    await askToOpen('rec 2');
    expect(routeEl.querySelector('iframe')?.src).toBe('chrome-extension://test-extension-id/dashboard.html#/record/rec%202');
    expect(sdk.gotos).toEqual(['threadline']);
    routeEl.remove();

    // The nav item opens the route afresh: the CRM's own home, not the last record asked for.
    const again = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => again });
    expect(again.querySelector('iframe')?.src).toBe('chrome-extension://test-extension-id/dashboard.html');
  });

  it('ignores a malformed request', async () => {
    const { sdk } = startOnFake();
    const replies: unknown[] = [];
    await fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/open-record', recordId: '' }, sender, (r: unknown) => replies.push(r));
    expect(replies).toEqual([]);
    expect(sdk.gotos).toEqual([]);
  });
});
