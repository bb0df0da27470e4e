import { applyRemote, replaceWithRemote, type ApplyReport, type DocIssue } from './applyRemote';
import type { ThreadlineDB } from '../storage/db/db';
import type { SyncedTable } from '../storage/model/entities';
import { backoffDelay } from './backoff';
import { acknowledge, discardRequests, markSent, MAX_BATCH, nextBatch, refuse, seqsOf, waitingCount, type Batch } from './outbox';
import { readCursor, writeCursor, writeStatus, type SyncStatus } from './state';
import { TransportError, type PulledDoc, type PushDoc, type Transport } from './transport';

/** Schema tables first: a record arriving with its folder in the same pass applies at once. */
export const PULL_ORDER: readonly SyncedTable[] = ['folders', 'fields', 'pipelines', 'views', 'settings', 'records', 'activities', 'threadLinks', 'templates'];

export type EngineOptions = {
  db: ThreadlineDB;
  transport: Transport;
  batchSize?: number;
  pageSize?: number;
  /** Re-read this much before the saved cursor after (re)connecting: late-visible server writes. */
  overlapMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  log?: (line: string) => void;
};

/**
 * The push/pull loop of one workspace on one device. Each step is also callable on its own, which
 * is how the deterministic simulation drives it.
 */
export class SyncEngine {
  readonly db: ThreadlineDB;
  private readonly transport: Transport;
  private readonly opts: Required<Omit<EngineOptions, 'db' | 'transport'>>;
  private wake: (() => void) | undefined;
  private pending = false;
  private rewatch = false;
  private watchGeneration = 0;
  private applying: Promise<unknown> = Promise.resolve();
  private stopWatching: (() => void)[] = [];
  private controller: AbortController | undefined;
  readonly issues: DocIssue[] = [];

  constructor(options: EngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.opts = {
      batchSize: options.batchSize ?? MAX_BATCH,
      pageSize: options.pageSize ?? 500,
      overlapMs: options.overlapMs ?? 10_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? abortableSleep,
      log: options.log ?? console.warn,
    };
  }

  /** Pushes one batch; returns how many documents went. Refused documents are set aside. */
  async pushOnce(): Promise<number> {
    const batch = await nextBatch(this.db, this.opts.batchSize);
    if (!batch) return 0;
    // Once per batch, before anything is sent: the halving retries below send subsets of it.
    await markSent(this.db, batch, batch.docs);
    await this.pushDocs(batch, batch.docs);
    return batch.docs.length;
  }

  async pushAll(): Promise<number> {
    await this.settleDiscards();
    let total = 0;
    for (let n = await this.pushOnce(); n > 0; n = await this.pushOnce()) total += n;
    return total;
  }

  /**
   * A refused transaction does not say which write was refused: halve it until the culprit is
   * alone, so every other change still goes (log2(500) ≈ 9 extra round trips at worst).
   */
  private async pushDocs(batch: Batch, docs: readonly PushDoc[]): Promise<void> {
    try {
      await this.transport.push(docs);
      await acknowledge(this.db, seqsOf(batch, docs));
    } catch (e) {
      if (!(e instanceof TransportError) || e.kind !== 'refused') throw e;
      // A never-sent document may only be created (firestore.rules): refused, it may be there
      // already (a first send that landed late). markSent has marked it, so go again with reads.
      if (docs.some((d) => d.unsent)) return this.pushDocs(batch, docs.map(({ unsent: _, ...d }) => d));
      if (docs.length === 1) {
        await refuse(this.db, seqsOf(batch, docs), e.message);
        this.opts.log(`Threadline sync: the server refused ${docs[0]!.table}/${docs[0]!.id}: ${e.message}`);
        return;
      }
      const half = Math.ceil(docs.length / 2);
      await this.pushDocs(batch, docs.slice(0, half));
      await this.pushDocs(batch, docs.slice(half));
    }
  }

  /** Refused changes the user discarded: the document becomes the server's copy again. */
  async settleDiscards(): Promise<void> {
    if (!this.transport.get) return;
    for (const entry of await discardRequests(this.db)) {
      const remote = await this.transport.get(entry.table, entry.docId);
      await replaceWithRemote(this.db, entry.table, entry.docId, remote?.state);
    }
  }

  /** Reads every page changed since the table's cursor; `reconnect` re-reads the overlap window. */
  async pullTable(table: SyncedTable, reconnect: boolean, onDocs?: (n: number) => Promise<void>): Promise<number> {
    const cursor = await readCursor(this.db, table);
    let after = cursor === null ? null : reconnect ? cursor - this.opts.overlapMs : cursor;
    let read = 0;
    for (;;) {
      const page = await this.transport.pull(table, after, this.opts.pageSize);
      read += page.docs.length;
      if (page.docs.length) {
        await this.receive(table, page.docs);
        after = page.docs[page.docs.length - 1]!.updatedAt;
        await onDocs?.(page.docs.length);
      }
      if (page.done || page.docs.length === 0) return read;
    }
  }

  /** Applies documents from a page or a listener and moves the cursor, in one transaction. */
  receive(table: SyncedTable, docs: readonly PulledDoc[]): Promise<ApplyReport> {
    const run = this.applying.then(async () => {
      const newest = docs.reduce((m, d) => Math.max(m, d.updatedAt), -Infinity);
      const report = await applyRemote(this.db, docs, this.opts.log, async () => {
        if (Number.isFinite(newest)) await writeCursor(this.db, table, newest);
      });
      this.issues.push(...report.skipped, ...report.parked);
      return report;
    });
    this.applying = run.catch(() => undefined);
    return run;
  }

  async pullAll(reconnect: boolean): Promise<number> {
    const first = (await Promise.all(PULL_ORDER.map((t) => readCursor(this.db, t)))).every((c) => c === null);
    const progress = first ? await this.firstDownloadSize() : undefined;
    let read = 0;
    for (const table of PULL_ORDER) {
      read += await this.pullTable(table, reconnect, async (n) => {
        if (!progress) return;
        progress.done += n;
        await writeStatus(this.db, { state: 'syncing', waiting: 0, progress: { ...progress } });
      });
    }
    return read;
  }

  private async firstDownloadSize(): Promise<{ done: number; total: number } | undefined> {
    if (!this.transport.count) return undefined;
    let total = 0;
    for (const table of PULL_ORDER) total += await this.transport.count(table);
    return { done: 0, total };
  }

  /** One full round: what changed on the server, then what changed here. */
  async syncOnce(reconnect: boolean): Promise<void> {
    await this.pullAll(reconnect);
    await this.pushAll();
  }

  /** Something changed locally (the outbox grew) or the network came back: sync now. */
  kick(): void {
    this.pending = true;
    this.wake?.();
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.unwatch();
    this.kick();
  }

  private async run(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    let reconnect = true;
    while (!signal.aborted) {
      this.pending = false;
      try {
        await this.syncOnce(reconnect);
        if (reconnect || this.rewatch) this.watchAll();
        reconnect = false;
        attempt = 0;
        await this.reportIdle();
        await this.waitForWork(signal, 5 * 60_000);
      } catch (e) {
        this.unwatch();
        reconnect = true;
        attempt++;
        await writeStatus(this.db, await this.failureStatus(e));
        await this.waitForWork(signal, backoffDelay(attempt, this.opts.random));
      }
    }
  }

  private async reportIdle() {
    const waiting = await waitingCount(this.db);
    const status: SyncStatus = waiting ? { state: 'waiting', waiting } : { state: 'synced', waiting: 0, at: Date.now() };
    await writeStatus(this.db, status);
  }

  private async failureStatus(e: unknown): Promise<SyncStatus> {
    const waiting = await waitingCount(this.db);
    if (e instanceof TransportError && e.kind === 'offline') return { state: 'offline', waiting };
    if (e instanceof TransportError && e.kind === 'unauthenticated') return { state: 'signedOut', waiting };
    this.opts.log(`Threadline sync: ${e instanceof Error ? e.message : String(e)}`);
    return { state: 'error', waiting, reason: e instanceof Error ? e.message : String(e) };
  }

  private watchAll() {
    this.rewatch = false;
    if (!this.transport.watch) return;
    this.unwatch();
    const generation = this.watchGeneration;
    for (const table of PULL_ORDER) {
      void readCursor(this.db, table).then((after) => {
        // Stopped (or restarted) while the cursor was read: this listener is no longer wanted.
        if (generation !== this.watchGeneration) return;
        const stop = this.transport.watch!(
          table,
          after,
          (docs) => void this.receive(table, docs).then(() => this.reportIdle()),
          () => {
            // A listener that failed is re-attached after the next successful round.
            this.rewatch = true;
            this.kick();
          },
        );
        this.stopWatching.push(stop);
      });
    }
  }

  private unwatch() {
    this.watchGeneration++;
    for (const stop of this.stopWatching.splice(0)) stop();
  }

  private waitForWork(signal: AbortSignal, ms: number): Promise<void> {
    if (this.pending || signal.aborted) return Promise.resolve();
    const inner = new AbortController();
    const outer = () => inner.abort();
    signal.addEventListener('abort', outer, { once: true });
    this.wake = () => inner.abort();
    return this.opts.sleep(ms, inner.signal).finally(() => {
      signal.removeEventListener('abort', outer);
      this.wake = undefined;
    });
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
