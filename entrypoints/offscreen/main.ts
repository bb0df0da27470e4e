// Chrome's sync host, opened by the background (sync/host.ts) only when sync is configured. An MV3
// service worker is stopped after seconds of idleness, which would cut Firestore's long-lived
// listen stream; this document lives on and spawns the worker that runs the engine, which is
// the WORKERS reason it is opened with.
const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'threadline-sync' });
worker.addEventListener('error', (e) => console.warn('Threadline: the sync worker stopped', e.message));
