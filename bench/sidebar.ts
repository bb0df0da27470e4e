import type { Frame, Page } from 'playwright-core';
import type { ThreadContext } from '../messaging/threadContext';
import { benchThread } from './threads';
import type { Scale } from './generate';
import { openExtensionPage, type Session } from './browser';

/**
 * Milliseconds from `thread-open`: to the panel's data read (`read`), on screen (`ready`), history
 * in the DOM; `boot`, for a frame's first thread, from the frame's navigation start to `ready`.
 */
export type OpenTiming = { read: number; ready: number; history: number; boot: number; phases?: BootPhases };

/**
 * Where a booted frame's first thread goes, each from the frame's navigation start (ms): its
 * scripts fetched (`scripts`, the last script's responseEnd), its modules evaluated (`main`),
 * IndexedDB open (`dbOpen`), the first render (`render`), listening to its host (`listening`),
 * the thread received (`open`), read (`read`) and shown (`ready`, the firstAfterBoot figure).
 */
export type BootPhases = Record<'scripts' | 'main' | 'dbOpen' | 'render' | 'listening' | 'open' | 'read' | 'ready', number>;

/** The boot marks of the sidebar (entrypoints/sidebar/main.tsx, SidebarApp): read before the thread is sent, which clears them. */
function bootMarks(frame: Frame) {
  return frame.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')) as PerformanceResourceTiming[];
    return { scripts: Math.max(0, ...scripts.map((r) => r.responseEnd)), main: at('sidebar-main'), dbOpen: at('sidebar-db-open'), render: at('sidebar-first-render'), listening: at('sidebar-listening') };
  });
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.demo-sidebar');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the demo inbox has no sidebar frame');
  await frame.waitForLoadState('load');
  // Waiting state rendered; give the sidebar a moment to resolve its tab and start listening.
  await frame.locator('.tl-empty').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  return frame;
}

/**
 * Opens `context` in the sidebar exactly as the demo inbox does (a runtime message from the tab's
 * top frame, messaging/threadHost.ts) and reads the sidebar's own marks: `thread-open` (message
 * received) to `sidebar-ready` (the commit that shows people, deals and the first page of history,
 * ThreadPanel.tsx), plus, as a cross-check, the moment the history was in the DOM (a MutationObserver).
 */
export async function openThread(page: Page, frame: Frame, context: ThreadContext): Promise<OpenTiming> {
  await frame.evaluate((threadId) => {
    const w = window as unknown as { __historyAt?: number };
    w.__historyAt = undefined;
    performance.clearMarks();
    const sel = `.tl-thread[data-thread-id="${CSS.escape(threadId)}"] :is(.tl-timeline, .tl-empty)`;
    const obs = new MutationObserver(() => {
      if (document.querySelector(sel)) {
        w.__historyAt = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
  }, context.threadId);
  const send = () => page.evaluate((ctx) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'threadline/thread-opened', context: ctx }).catch(() => undefined), context);
  // Sent once and waited for: a second copy would restart the sidebar's marks without a new
  // sidebar-ready (it marks once per thread). A freshly loaded sidebar is awaited before sending.
  for (let tries = 0; ; tries++) {
    await send();
    const heard = await frame
      .waitForFunction(() => performance.getEntriesByName('thread-open').length > 0, undefined, { timeout: 5_000, polling: 5 })
      .then(() => true, () => false);
    if (heard) break;
    if (tries > 5) throw new Error('the sidebar never received the thread');
  }
  await frame
    .waitForFunction(() => (window as unknown as { __historyAt?: number }).__historyAt !== undefined && performance.getEntriesByName('sidebar-ready').length > 0, undefined, { timeout: 60_000, polling: 5 })
    .catch(async (e: unknown) => {
      const state = await frame.evaluate(() => ({ marks: performance.getEntriesByType('mark').map((m) => m.name), text: document.body.innerText.slice(0, 400) }));
      await page.screenshot({ path: '/tmp/tl-bench-sidebar-failure.png' });
      throw new Error(`sidebar never ready for ${context.threadId}: ${JSON.stringify(state)}; ${String(e)}`);
    });
  return frame.evaluate(() => {
    const open = performance.getEntriesByName('thread-open')[0]!.startTime;
    const ready = performance.getEntriesByName('sidebar-ready')[0]!.startTime;
    const reads = performance.getEntriesByName('thread-view-read').filter((m) => m.startTime <= ready);
    const read = reads.at(-1)?.startTime ?? ready;
    const history = (window as unknown as { __historyAt: number }).__historyAt;
    return { read: read - open, ready: ready - open, history: history - open, boot: ready };
  });
}

/**
 * Waits until the sidebar's main thread is idle: the effects a panel runs after it is ready (each
 * card's own queries, the next history page's prefetch) belong to that open, not to the next one.
 * A rep opens threads seconds apart, not back to back.
 */
export async function settle(frame: Frame): Promise<void> {
  await frame.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve, 50), { timeout: 2_000 })));
}

export type SidebarResult = Record<string, { cold: OpenTiming[]; warm: OpenTiming[]; known: OpenTiming[] }>;

/** A freshly loaded sidebar frame, as soon as it can hear its host (its own mark), not a moment later. */
async function bootedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.demo-sidebar');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the demo inbox has no sidebar frame');
  await frame.waitForFunction(() => performance.getEntriesByName('sidebar-listening').length > 0, undefined, { timeout: 30_000, polling: 2 });
  return frame;
}

/** The threads the sidebar keeps in memory (components/sidebar/threadViewCache.ts). */
const REMEMBERED = 20;

/**
 * Gmail's shape (one frame per tab): warm, `warm` different threads sent in turn to one loaded
 * frame; known, the last of those sent again (what a rep going back and forth does); cold, a
 * fresh frame per open, sent the thread the moment it listens (`boot`: its load included), which
 * is a first thread after Gmail loads, and what every thread cost when each had its own frame.
 */
export async function measureSidebar(session: Session, seed: number, scale: Scale, sizes: number[], warm: number, cold: number, onOpen?: () => Promise<void>): Promise<SidebarResult> {
  const result: SidebarResult = {};
  const page = await openExtensionPage(session, 'demo.html');
  for (const size of sizes) {
    const timings = { cold: [] as OpenTiming[], warm: [] as OpenTiming[], known: [] as OpenTiming[] };
    for (let k = 0; k < cold; k++) {
      await page.goto(page.url());
      const frame = await bootedFrame(page);
      const marks = await bootMarks(frame);
      const t = await openThread(page, frame, benchThread(seed, 10_000 + k, size, scale));
      const open = t.boot - t.ready;
      timings.cold.push({ ...t, phases: { ...marks, open, read: open + t.read, ready: t.boot } });
    }
    await page.goto(page.url());
    const frame = await sidebarFrame(page);
    await openThread(page, frame, benchThread(seed, 9_999, size, scale)); // first open pays the cold start
    for (let k = 0; k < warm; k++) {
      await settle(frame);
      timings.warm.push(await openThread(page, frame, benchThread(seed, k, size, scale)));
      await onOpen?.();
    }
    for (let k = Math.max(0, warm - REMEMBERED); k < warm; k++) {
      await settle(frame);
      timings.known.push(await openThread(page, frame, benchThread(seed, k, size, scale)));
    }
    result[size] = timings;
  }
  await page.close();
  return result;
}

/**
 * Heap of the demo page's renderer (the sidebar frame is same-origin, so it shares the isolate)
 * after forced GC, sampled every `every` opens of different 5-person threads.
 */
export async function measureMemory(session: Session, seed: number, scale: Scale, opens: number, every: number) {
  const page = await openExtensionPage(session, 'demo.html');
  const frame = await sidebarFrame(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const samples: { opens: number; usedBytes: number }[] = [];
  for (let k = 0; k < opens; k++) {
    if (k % every === 0) samples.push({ opens: k, usedBytes: await sample() });
    await openThread(page, frame, benchThread(seed, 20_000 + k, 5, scale));
  }
  samples.push({ opens, usedBytes: await sample() });
  const dom = await frame.evaluate(() => document.getElementsByTagName('*').length);
  await cdp.detach();
  await page.close();
  return { samples, sidebarDomNodes: dom };
}
