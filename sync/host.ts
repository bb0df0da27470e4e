import { browser } from 'wxt/browser';
import type { ThreadlineDB } from '../storage/db/db';
import { firebaseConfig } from './config';

const KEEPALIVE = 'threadline-sync-host';

type Offscreen = {
  hasDocument?: () => Promise<boolean>;
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
};

/**
 * Called by the background. Without Firebase build variables it does nothing at all: the product
 * is the local workspace. On Chrome the engine runs in a worker that an offscreen document spawns
 * (the service worker is stopped when idle, which would cut Firestore's listen stream; the
 * document's one job is that worker, hence the WORKERS reason); on Firefox the background is a
 * page, so the engine runs right there.
 */
export function startSyncHost(db: ThreadlineDB): void {
  const config = firebaseConfig();
  if (!config) return;
  if (import.meta.env.FIREFOX) {
    void import('./runner').then((m) => m.runSync(db, config));
    return;
  }
  void ensureOffscreen();
  // Chrome may close the document (or the browser restarts): check again every minute.
  void browser.alarms.create(KEEPALIVE, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE) void ensureOffscreen();
  });
}

async function ensureOffscreen(): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: Offscreen } }).chrome?.offscreen;
  if (!offscreen || (await offscreen.hasDocument?.())) return;
  await offscreen
    .createDocument({ url: browser.runtime.getURL('/offscreen.html'), reasons: ['WORKERS'], justification: 'Spawns the Web Worker that runs Threadline’s Firestore sync: its listen stream must outlive the idle service worker.' })
    .catch((e: unknown) => {
      // Two wake-ups racing: the document already exists, which is what we wanted.
      if (!/single offscreen/i.test(String(e))) console.warn('Threadline: could not start the sync host', e);
    });
}
