import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startThreadline } from '../../../entrypoints/gmail.content/start';
import { FakeSdk } from './fakeSdk';

/**
 * Starts the content script's wiring on a fake SDK and records every runtime message it sends.
 * `reply` answers messages to the background, as the lead's background would; `prepare` sets the
 * fake up before the content script sees it (e.g. Gmail's global sidebar).
 */
export function startOnFake(reply: (message: unknown) => unknown = () => undefined, prepare: (sdk: FakeSdk) => void = () => undefined) {
  fakeBrowser.reset();
  const sdk = new FakeSdk();
  prepare(sdk);
  const controller = new AbortController();
  const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => reply(message)) as never);
  startThreadline(sdk, controller.signal);
  const all = () => sendMessage.mock.calls.map((call) => call[0] as unknown as { type: string; [key: string]: unknown });
  // The nav's saved-views read goes out once at start (navViews.ts): the other tests count the rest.
  const sent = () => all().filter((m) => m.type !== 'threadline/nav-views');
  return { sdk, controller, sent, all, sendMessage };
}
