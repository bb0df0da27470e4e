import { describe, expect, it, vi } from 'vitest';
import { installTelemetryGuard, isTelemetryUrl } from '../../../entrypoints/gmail.content/telemetryGuard';

/** A content-script world of its own for each test: fresh prototypes the guard wraps, and spies behind them. */
function gmailWindow(seed: Record<string, string> = {}) {
  const opened: string[] = [];
  class FakeXhr {
    open(_method: string, url: string) {
      opened.push(url);
    }
  }
  const items = new Map(Object.entries(seed));
  class FakeStorage {
    getItem(key: string) {
      return items.get(key) ?? null;
    }
    setItem(key: string, value: string) {
      items.set(key, value);
    }
    removeItem(key: string) {
      items.delete(key);
    }
  }
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('ok'));
  const sendBeacon = vi.fn((_url: string | URL, _data?: BodyInit | null) => true);
  const win = { XMLHttpRequest: FakeXhr, Storage: FakeStorage, fetch, navigator: { sendBeacon } };
  const reported: string[] = [];
  installTelemetryGuard(win as unknown as typeof globalThis, (url) => reported.push(url));
  return { win: win as unknown as typeof globalThis, fetch, sendBeacon, reported, opened, items, storage: new FakeStorage() as unknown as Storage };
}

// What InboxSDK 2.2 sends from the content script (its logger and ajax modules).
const ERRORS = 'https://api.inboxsdk.com/api/v2/errors';
const EVENTS_TOKEN = 'https://api.inboxsdk.com/api/v2/events/oauth';
const EVENTS = 'https://pubsub.googleapis.com/v1/projects/mailfoogae/topics/events:publish?key=k';

describe('isTelemetryUrl', () => {
  it.each([ERRORS, EVENTS_TOKEN, EVENTS, 'https://www.inboxsdk.com/x', '//API.INBOXSDK.COM/api/v2/errors'])('refuses %s', (url) => {
    expect(isTelemetryUrl(url)).toBe(true);
  });
  it.each(['https://mail.google.com/sync/u/0/i/s', '/mail/u/0/?ui=2', 'https://people-pa.clients6.google.com/$rpc/x', 'https://inboxsdk.com.example/x', 'not a url at all'])(
    'lets %s through',
    (url) => {
      expect(isTelemetryUrl(url)).toBe(false);
    },
  );
});

describe('the telemetry guard', () => {
  it('makes XMLHttpRequest refuse the error and event endpoints before anything is sent', () => {
    const { win, reported, opened } = gmailWindow();
    for (const url of [ERRORS, EVENTS_TOKEN, EVENTS]) {
      const xhr = new win.XMLHttpRequest();
      expect(() => xhr.open('POST', url, true)).toThrow(/blocks InboxSDK telemetry/);
    }
    expect(reported).toEqual([ERRORS, EVENTS_TOKEN, EVENTS]);
    // Gmail's own requests (InboxSDK reads threads through them) are untouched.
    expect(() => new win.XMLHttpRequest().open('GET', '/mail/u/0/?ui=2', true)).not.toThrow();
    expect(opened).toEqual(['/mail/u/0/?ui=2']);
  });

  it('makes fetch and sendBeacon refuse them too, and passes everything else on', async () => {
    const { win, fetch, sendBeacon, reported } = gmailWindow();
    await expect(win.fetch(ERRORS, { method: 'POST' })).rejects.toThrow(TypeError);
    await expect(win.fetch(new URL(EVENTS))).rejects.toThrow(TypeError);
    expect(win.navigator.sendBeacon(EVENTS_TOKEN, 'x')).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(reported).toEqual([ERRORS, EVENTS, EVENTS_TOKEN]);

    await win.fetch('https://people-pa.clients6.google.com/$rpc/x');
    expect(win.navigator.sendBeacon('https://mail.google.com/log', 'x')).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sendBeacon).toHaveBeenCalledTimes(1);
  });

  it('keeps the SDK’s event queue out of Gmail’s localStorage, and leaves other extensions’ queue alone', () => {
    const queueKey = 'inboxsdk__persistentqueue_events';
    // Another InboxSDK extension queued its events (through its own, unguarded world).
    const { storage, items } = gmailWindow({ [queueKey]: '[{"appId":"other"}]' });
    expect(() => storage.setItem(queueKey, '[{"appId":"threadline-development"}]')).toThrow();
    // The SDK in this world neither reads nor clears the shared queue: the other extension's stays.
    expect(storage.getItem(queueKey)).toBeNull();
    storage.removeItem(queueKey);
    expect([...items]).toEqual([[queueKey, '[{"appId":"other"}]']]);
    // Gmail's own keys work as ever.
    storage.setItem('gmail-own', 'kept');
    expect(storage.getItem('gmail-own')).toBe('kept');
    storage.removeItem('gmail-own');
    expect(storage.getItem('gmail-own')).toBeNull();
  });

  it('installs once per world', () => {
    const { win, reported } = gmailWindow();
    installTelemetryGuard(win, (url) => reported.push(`again ${url}`));
    expect(() => new win.XMLHttpRequest().open('POST', ERRORS)).toThrow();
    expect(reported).toEqual([ERRORS]);
  });
});
