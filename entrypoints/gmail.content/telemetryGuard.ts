/**
 * InboxSDK reports to its makers more than its load options admit: `eventTracking: false` only
 * stops "active" events. Its passive events (every register call, with the hashed user email and
 * the extension id) are queued in Gmail's localStorage and sent from this content script
 * (api.inboxsdk.com/api/v2/events/oauth for a token, then pubsub.googleapis.com), and its own error
 * reports, stack traces included, go to api.inboxsdk.com/api/v2/errors. No option stops them, so
 * this module closes the doors they use in the content script's own JavaScript world, which Gmail's
 * page and other extensions do not share: XMLHttpRequest, fetch and sendBeacon refuse those hosts,
 * and the event queue never reaches localStorage, where another InboxSDK extension on the page
 * would read and send it. index.ts imports this before @inboxsdk/core, so it is in place before
 * the SDK runs. tests/e2e/telemetry.test.ts checks the built extension on a fixture Gmail page.
 */

/** Threadline asks nothing of these hosts; InboxSDK uses them only to report. */
export function isTelemetryUrl(url: string | URL, base = 'https://mail.google.com/'): boolean {
  let host: string;
  try {
    host = new URL(url, base).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'inboxsdk.com' || host.endsWith('.inboxsdk.com') || host === 'pubsub.googleapis.com';
}

/** InboxSDK's PersistentQueue keys ('inboxsdk__persistentqueue_events'). */
const QUEUE_KEY = /^inboxsdk__persistentqueue_/;

type GuardedWindow = Pick<typeof globalThis, 'XMLHttpRequest' | 'fetch' | 'Storage' | 'navigator'>;
export type Report = (url: string) => void;

const INSTALLED = Symbol.for('threadline.telemetryGuard');

const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' || input instanceof URL ? String(input) : input.url);

function guardXhr(win: GuardedWindow, report: Report) {
  const open = win.XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
  // Throwing from open() makes InboxSDK's ajax() reject at once, without its retries.
  win.XMLHttpRequest.prototype.open = function guardedOpen(this: XMLHttpRequest, ...args: unknown[]) {
    const url = String(args[1]);
    if (isTelemetryUrl(url)) {
      report(url);
      throw new DOMException(`Threadline blocks InboxSDK telemetry (${url})`, 'NetworkError');
    }
    return open.apply(this, args);
  } as XMLHttpRequest['open'];
}

function guardFetch(win: GuardedWindow, report: Report) {
  const fetch = win.fetch;
  win.fetch = function guardedFetch(input: RequestInfo | URL, init?: RequestInit) {
    const url = urlOf(input);
    if (!isTelemetryUrl(url)) return fetch.call(this, input, init);
    report(url);
    return Promise.reject(new TypeError(`Threadline blocks InboxSDK telemetry (${url})`));
  };
  const beacon = win.navigator.sendBeacon?.bind(win.navigator);
  if (beacon) {
    win.navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      if (!isTelemetryUrl(url)) return beacon(url, data);
      report(String(url));
      return false;
    };
  }
}

function guardQueue(win: GuardedWindow) {
  const proto = win.Storage.prototype;
  const { getItem, setItem, removeItem } = proto;
  // A refused setItem sends the SDK to its in-memory fallback queue; it then reads and clears only
  // that one, so Threadline's events never mix with (or drain) other extensions' shared queue.
  proto.setItem = function (key: string, value: string) {
    if (QUEUE_KEY.test(key)) throw new DOMException('Threadline keeps InboxSDK events out of localStorage', 'SecurityError');
    return setItem.call(this, key, value);
  };
  proto.getItem = function (key: string) {
    return QUEUE_KEY.test(key) ? null : getItem.call(this, key);
  };
  proto.removeItem = function (key: string) {
    if (!QUEUE_KEY.test(key)) removeItem.call(this, key);
  };
}

/** Installs the guard once per world; `report` hears each refused request. */
export function installTelemetryGuard(win: GuardedWindow = globalThis, report: Report = defaultReport) {
  const marked = win as GuardedWindow & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  guardXhr(win, report);
  guardFetch(win, report);
  guardQueue(win);
}

// One line per refusal: the e2e test waits for these to know the SDK tried and was stopped.
function defaultReport(url: string) {
  const { host, pathname } = new URL(url, 'https://mail.google.com/');
  console.info(`Threadline: blocked InboxSDK telemetry to ${host}${pathname}`);
}

installTelemetryGuard();
