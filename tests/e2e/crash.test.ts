import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, EXTENSION_DIR, screenshot } from './support/extension';
import { loadPageModules } from './support/pageModules';

/**
 * Crash durability: Chromium is killed with SIGKILL (no shutdown, no flush) in the middle of
 * writes, restarted on the same profile, and the database must be consistent: every record has
 * its outbox entry and every outbox entry its record, every acknowledged write is there, and
 * unfinished work (an import, an outbox flush) resumes from where it stopped.
 *
 * Chromium is started here, not by Playwright, so that the test owns the process and can kill it
 * abruptly; Playwright attaches over the DevTools protocol. The writes run Threadline's own
 * storage and sync modules in the extension's CRM page (support/pageModules.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Running = { proc: ChildProcess; browser: Browser; extensionId: string; profile: string };
type Tl = Record<string, (...args: never[]) => unknown> & { db: Record<string, { toArray: () => Promise<unknown[]>; count: () => Promise<number> }> };

async function startChromium(profile: string): Promise<Running> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const prefs = join(profile, 'Default', 'Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const proc = spawn(
    CHROMIUM,
    [
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      ...CHROMIUM_ARGS,
      '--no-default-browser-check',
      'about:blank',
    ],
    // Its own process group: the kill takes Chromium's helpers (storage, renderers) with it.
    { detached: true, stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('Chromium did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { proc, browser, extensionId: new URL(worker.url()).host, profile };
}

/** SIGKILL to Chromium's whole process group: what a crash or a power cut does to the browser. */
async function crash(running: Running) {
  const exited = once(running.proc, 'exit');
  process.kill(-running.proc.pid!, 'SIGKILL');
  await exited;
}

async function shutDown(running: Running | undefined) {
  if (!running || running.proc.exitCode !== null || running.proc.signalCode !== null) return;
  await running.browser.close().catch(() => undefined);
  await crash(running).catch(() => undefined);
}

async function openCrm(running: Running): Promise<Page> {
  const page = await running.browser.contexts()[0]!.newPage();
  // The import page, where imports run: no folder table re-reading records under the writes.
  await page.goto(`chrome-extension://${running.extensionId}/dashboard.html#/page/import`);
  await loadPageModules(page);
  // A shared workspace: the writes under test carry their clock stamps and outbox entries, the
  // part a crash could tear apart (the local workspace writes neither).
  await page.evaluate(() => (globalThis as unknown as { __tl: { share(): Promise<unknown> } }).__tl.share());
  return page;
}

/** Polls `read` until it says yes (a count of acknowledged writes, rows imported…). */
async function until(read: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the writes to get going');
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Consistency = { records: string[]; outboxRecordIds: string[]; clockKeys: string[]; orphanOutbox: string[]; recordsWithoutOutbox: string[] };

/** The invariant of the single write path, read straight from IndexedDB after the restart. */
async function consistency(page: Page, prefix: string): Promise<Consistency> {
  return page.evaluate(async (p) => {
    const tl = (globalThis as unknown as { __tl: Tl }).__tl;
    const records = ((await tl.db.records!.toArray()) as { id: string; values: Record<string, unknown> }[])
      .filter((r) => String(r.values.fc_firstName ?? '').startsWith(p))
      .map((r) => r.id);
    const outbox = (await tl.db.outbox!.toArray()) as { table: string; docId: string; op: string }[];
    const outboxRecordIds = outbox.filter((o) => o.table === 'records' && o.op === 'put').map((o) => o.docId);
    const all = new Set(((await tl.db.records!.toArray()) as { id: string }[]).map((r) => r.id));
    const clockKeys = ((await tl.db.clocks!.toArray()) as { key: string }[]).map((c) => c.key);
    return {
      records,
      outboxRecordIds,
      clockKeys,
      orphanOutbox: outboxRecordIds.filter((id) => !all.has(id)),
      recordsWithoutOutbox: records.filter((id) => !outboxRecordIds.includes(id)),
    };
  }, prefix);
}

describe('crash durability in Chromium (SIGKILL mid-write)', () => {
  let running: Running | undefined;
  let profile: string;

  afterEach(async () => {
    await shutDown(running);
    running = undefined;
    rmSync(profile, { recursive: true, force: true });
  });

  it('a burst of writes: acknowledged ones survive, each with its outbox entry and clock, none half-written', async () => {
    profile = mkdtempSync(join(tmpdir(), 'threadline-crash-'));
    running = await startChromium(profile);
    let page = await openCrm(running);
    // Four writers, each creating records one after another: several transactions in flight at the kill.
    await page.evaluate(() => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      const acked: string[] = [];
      (globalThis as { __acked?: string[] }).__acked = acked;
      for (let chain = 0; chain < 4; chain++) {
        void (async () => {
          for (let i = 0; i < 100_000; i++) {
            const record = (await (tl.createRecord as (f: string, v: object) => Promise<{ id: string }>)('folder_contacts', { fc_firstName: `Crash ${chain}-${i}`, fc_emails: [`crash${chain}.${i}@example.com`] }));
            acked.push(`${chain}-${i}|${record.id}`);
          }
        })();
      }
    });
    let acked: string[] = [];
    await until(async () => (acked = await page.evaluate(() => [...((globalThis as { __acked?: string[] }).__acked ?? [])])).length >= 120);
    await crash(running);

    running = await startChromium(profile);
    page = await openCrm(running);
    const after = await consistency(page, 'Crash ');
    // Every write the page was told had committed is on disk.
    const ackedIds = acked.map((a) => a.split('|')[1]!);
    expect(ackedIds.filter((id) => !after.records.includes(id))).toEqual([]);
    // The single write path's invariant: no record without its outbox entry, no entry without its record.
    expect(after.recordsWithoutOutbox).toEqual([]);
    expect(after.orphanOutbox).toEqual([]);
    expect(after.records.filter((id) => !after.clockKeys.includes(`records/${id}`))).toEqual([]);
    expect(new Set(after.outboxRecordIds).size).toBe(after.outboxRecordIds.length);
    // Each writer committed in order, so what survived is a prefix of its sequence: no gaps.
    const names = await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      return ((await tl.db.records!.toArray()) as { values: { fc_firstName?: string } }[]).map((r) => r.values.fc_firstName ?? '');
    });
    for (let chain = 0; chain < 4; chain++) {
      const done = names.filter((n) => n.startsWith(`Crash ${chain}-`)).map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
      expect(done).toEqual(done.map((_, i) => i));
    }
    // The CRM page reads the same database after the crash.
    await page.goto(`chrome-extension://${running.extensionId}/dashboard.html#/folder/folder_contacts`);
    await page.getByRole('table', { name: 'Contacts' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'crash-after-restart');
    expect(after.records.length).toBeGreaterThanOrEqual(120);
  }, 300_000);

  const ROWS = 100_000;
  const KILL_AFTER = 20_000;
  describe('a 100,000-row CSV import', () => {
    it('killed mid-import: whole batches only, the cursor says which, and resuming adds no duplicate', async () => {
      profile = mkdtempSync(join(tmpdir(), 'threadline-crash-import-'));
      running = await startChromium(profile);
      let page = await openCrm(running);
      const start = { folderId: 'folder_contacts', headers: ['First name', 'Last name', 'Emails'], mapping: ['fc_firstName', 'fc_lastName', 'fc_emails'], dedup: 'create' };
      await page.evaluate(
        ({ start, rows }) => {
          const tl = (globalThis as unknown as { __tl: Tl }).__tl;
          const lines = ['First name,Last name,Emails'];
          for (let i = 0; i < rows; i++) lines.push(`Imp ${i},Row,imp${i}@example.com`);
          const text = lines.join('\n');
          const g = globalThis as { __rowsDone?: number };
          g.__rowsDone = 0;
          void (tl.runImport as (o: object) => Promise<unknown>)({
            source: text,
            start: { ...start, file: { name: 'big.csv', size: text.length, lastModified: 1 } },
            onProgress: (p: { job: { rowsDone: number } }) => (g.__rowsDone = p.job.rowsDone),
          });
        },
        { start, rows: ROWS },
      );
      // Killed a fifth of the way in: whole batches of a large import are on disk, most of it is not.
      await until(async () => (await page.evaluate(() => (globalThis as { __rowsDone?: number }).__rowsDone ?? 0)) >= KILL_AFTER, 240_000);
      await crash(running);

      running = await startChromium(profile);
      page = await openCrm(running);
      const state = await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        const jobs = (await (tl.listImportJobs as () => Promise<{ id: string; status: string; rowsDone: number; counts: { created: number } }[]>)());
        const names = ((await tl.db.records!.toArray()) as { values: { fc_firstName?: string } }[]).map((r) => r.values.fc_firstName ?? '').filter((n) => n.startsWith('Imp '));
        return { jobs, names };
      });
      expect(state.jobs).toHaveLength(1);
      const job = state.jobs[0]!;
      // The cursor and the records agree exactly: whole batches, rows 0..rowsDone-1, each once.
      expect(job.rowsDone).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(job.rowsDone).toBeLessThan(ROWS);
      expect(job.counts.created).toBe(job.rowsDone);
      expect(state.names.map((n) => Number(n.slice(4))).sort((a, b) => a - b)).toEqual(Array.from({ length: job.rowsDone }, (_, i) => i));
      const after = await consistency(page, 'Imp ');
      expect(after.recordsWithoutOutbox).toEqual([]);
      expect(after.orphanOutbox).toEqual([]);

      // Resume with the same file: it goes on from the cursor to the end.
      const resumed = await page.evaluate(
        async ({ id, rows }) => {
          const tl = (globalThis as unknown as { __tl: Tl }).__tl;
          // The same file again, byte for byte.
          const lines = ['First name,Last name,Emails'];
          for (let i = 0; i < rows; i++) lines.push(`Imp ${i},Row,imp${i}@example.com`);
          const text = lines.join('\n');
          return (tl.runImport as (o: object) => Promise<{ status: string; rowsDone: number; counts: { created: number } }>)({ source: text, resumeId: id });
        },
        { id: job.id, rows: ROWS },
      );
      expect(resumed.status).toBe('done');
      expect(resumed.rowsDone).toBe(ROWS);
      const names = await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        return ((await tl.db.records!.toArray()) as { values: { fc_firstName?: string } }[]).map((r) => r.values.fc_firstName ?? '').filter((n) => n.startsWith('Imp '));
      });
      expect(names.map((n) => Number(n.slice(4))).sort((a, b) => a - b)).toEqual(Array.from({ length: resumed.rowsDone }, (_, i) => i));
      expect(resumed.counts.created).toBe(resumed.rowsDone);
    }, 900_000);
  });

  describe('an outbox flush to the server', () => {
    it('killed mid-flush: every record is on the server or still queued, and the flush resumes', async () => {
      profile = mkdtempSync(join(tmpdir(), 'threadline-crash-sync-'));
      running = await startChromium(profile);
      let page = await openCrm(running);
      // The "server" lives in this test process, so it survives the browser's death.
      const server = new Map<string, unknown>();
      let pushes = 0;
      // The kill lands between a push and its acknowledgement: the fifth push reaches the server
      // and its answer never comes back (the test kills the browser as soon as it has arrived), so
      // that batch is on the server and still queued at once.
      let fifthArrived!: () => void;
      const fifthPush = new Promise<void>((resolve) => (fifthArrived = resolve));
      const expose = (p: Page, holdAt = Infinity) =>
        p.exposeFunction('__serverPush', async (docs: { table: string; id: string; state: unknown }[]) => {
          for (const d of docs) server.set(`${d.table}/${d.id}`, d.state);
          if (++pushes !== holdAt) return;
          fifthArrived();
          await new Promise(() => undefined);
        });
      await expose(page, 5);
      await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        for (let i = 0; i < 400; i++) await (tl.createRecord as (f: string, v: object) => Promise<unknown>)('folder_contacts', { fc_firstName: `Sync ${i}` });
      });
      const startFlush = (p: Page) =>
        p.evaluate(() => {
          const tl = (globalThis as unknown as { __tl: Record<string, new (o: object) => { pushAll: () => Promise<number> }> }).__tl;
          const push = (globalThis as unknown as { __serverPush: (docs: unknown) => Promise<void> }).__serverPush;
          const engine = new tl.SyncEngine!({ db: (tl as unknown as { db: unknown }).db, transport: { push, pull: async () => ({ docs: [], done: true }) }, batchSize: 20, log: () => undefined });
          return engine.pushAll();
        });
      void startFlush(page).catch(() => undefined);
      await fifthPush;
      await crash(running);
      const receivedBeforeCrash = server.size;

      running = await startChromium(profile);
      page = await openCrm(running);
      await expose(page);
      const queued = await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        return ((await tl.db.outbox!.toArray()) as { table: string; docId: string }[]).map((o) => `${o.table}/${o.docId}`);
      });
      const before = await consistency(page, 'Sync ');
      expect(before.records).toHaveLength(400);
      // Nothing is lost in between: each record reached the server or still waits in the outbox.
      expect(before.records.filter((id) => !server.has(`records/${id}`) && !queued.includes(`records/${id}`))).toEqual([]);
      expect(receivedBeforeCrash).toBeGreaterThan(0);
      expect(queued.length).toBeGreaterThan(0);
      // The held batch: on the server and still queued, since its acknowledgement never came.
      expect(queued.filter((key) => server.has(key)).length).toBeGreaterThan(0);

      // The flush resumes from the outbox and empties it; the server then has every record.
      await startFlush(page);
      expect(await page.evaluate(() => (globalThis as unknown as { __tl: Tl }).__tl.db.outbox!.count())).toBe(0);
      expect(before.records.filter((id) => !server.has(`records/${id}`))).toEqual([]);
    }, 300_000);
  });
});
