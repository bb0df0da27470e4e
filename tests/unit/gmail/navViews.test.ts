import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle } from './fakeSdk';
import { startOnFake } from './harness';

const views = [
  { viewId: 'view_contacts_all', name: 'All contacts', folder: 'Contacts', board: false },
  { viewId: 'view_deals_pipeline', name: 'Pipeline', folder: 'Deals', board: true },
];
const answer = (reply: unknown) => (m: unknown) => ((m as { type?: string }).type === 'threadline/nav-views' ? reply : undefined);

// Each test's content script listens to the document: stopped after it, so the next counts only its own.
const stops: AbortController[] = [];
afterEach(() => {
  for (const c of stops.splice(0)) c.abort();
  vi.restoreAllMocks();
});

describe("saved views under Gmail's Threadline nav item", () => {
  it('lists them as children that open in the Threadline route', async () => {
    const { sdk, controller } = startOnFake(answer({ views }));
    stops.push(controller);
    await settle();
    expect(sdk.navChildren.map((c) => c.value.name)).toEqual(['All contacts · Contacts', 'Pipeline · Deals']);
    sdk.navChildren[1]!.value.onClick();
    expect(sdk.gotos).toEqual(['threadline']);
    const routeEl = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    expect(routeEl.querySelector('iframe')?.src).toBe('chrome-extension://test-extension-id/dashboard.html#/view/view_deals_pipeline');
  });

  it('asks again when the tab comes back into view, replacing the children only if they changed', async () => {
    let reply: unknown = { views };
    const { sdk, all, controller } = startOnFake((m) => answer(reply)(m));
    stops.push(controller);
    await settle();
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(sdk.navChildren).toHaveLength(2);
    reply = { views: [views[1]] };
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(all().filter((m) => m.type === 'threadline/nav-views')).toHaveLength(3);
    expect(sdk.navChildren.filter((c) => !c.removed).map((c) => c.value.name)).toEqual(['Pipeline · Deals']);
  });

  it('keeps what it shows on a reply that does not parse, and removes the children on invalidation', async () => {
    let reply: unknown = { views };
    const { sdk, controller } = startOnFake((m) => answer(reply)(m));
    await settle();
    reply = { views: [{ viewId: 'x', name: '<b>', folder: 'F', board: 'yes' }] };
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(sdk.navChildren.filter((c) => !c.removed)).toHaveLength(2);
    controller.abort();
    expect(sdk.navChildren.every((c) => c.removed)).toBe(true);
  });
});
