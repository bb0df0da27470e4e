import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { FULL_SCALE, QUICK_SCALE } from './generate';
import { benchThread } from './threads';
import { call, launchExtension, loadBench, openExtensionPage } from './browser';
import { measureMemory, measureSidebar, type BootPhases } from './sidebar';
import { measureScroll } from './scroll';
import { measureBoard } from './board';
import { measureReports } from './reports';
import { measureWeight } from './weight';
import { measureSync } from './sync';
import { slope, summary, round } from './stats';
import { renderTable } from './report';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part: string) => !only || only.includes(part);
const SEED = 20261001;
const scale = quick ? QUICK_SCALE : FULL_SCALE;
const plan = quick
  ? { warm: 40, cold: 8, memoryOpens: 200, csvRows: 10_000, scrollFrames: 240, flush: Number(process.env.BENCH_FLUSH ?? 1_000), workspace: Number(process.env.BENCH_WS ?? 5_000), remote: 100, fullRead: true, naiveKeys: 10 }
  : { warm: 200, cold: 50, memoryOpens: 200, csvRows: 100_000, scrollFrames: 600, flush: 10_000, workspace: 100_000, remote: 100, fullRead: false, naiveKeys: 20 };
const OUT = process.env.THREADLINE_OUT_DIR ?? '/tmp/tl-bench';
process.env.THREADLINE_OUT_DIR = OUT;
/** What a rep types into link pickers: a company for a contact, a contact for a deal (the empty prefix included). */
const PICKER_QUERIES: [string, string][] = [['folder_companies', 'northwind'], ['folder_companies', 'soluciones'], ['folder_contacts', 'giulia rossi'], ['folder_contacts', 'martinez']];
const SEARCH_QUERIES = ['lucía garcía', 'giulia rossi', 'james smith', 'northwind', 'martinez', 'chiara.ferrari', 'soluciones', '+39 6'];

/** Written after every part, so a run cut short still leaves its figures. */
function save(name = 'partial') {
  const dir = resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, `${quick ? 'quick' : 'full'}.${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
}
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const results: Record<string, unknown> = {};
const started = Date.now();

/**
 * What the seeded data depends on: the generator and the stored shape (indexes, derived keys,
 * presets, schema versions). A template seeded by other sources is stale and seeded again; one
 * seeded with older sources would otherwise measure empty indexes and look fast.
 */
const SEED_SOURCES = ['bench/generate.ts', 'storage/model/derive.ts', 'storage/views/sortKeys.ts', 'storage/folders/presets.ts', 'storage/db/activityIndex.ts', 'storage/db/migrations.ts'];
const seedSourcesHash = () => createHash('sha256').update(SEED_SOURCES.map((f) => readFileSync(resolve(f), 'utf8')).join('\0')).digest('hex').slice(0, 16);

/**
 * The seeded workspace is kept in a template browser profile (per mode and seed) and copied for
 * each run, so only the first run on a machine pays for seeding; `--reseed` rebuilds it.
 */
async function seededProfile(): Promise<string> {
  // An unpacked extension's id (so its IndexedDB origin) follows its folder: a template seeded through another build folder is empty here.
  const outTag = createHash('sha256').update(resolve(OUT)).digest('hex').slice(0, 8);
  const template = `/tmp/tl-bench-profile-${quick ? 'quick' : 'full'}-${SEED}-${outTag}`;
  const marker = join(template, 'threadline-seed.json');
  let seededNow = false;
  const sources = seedSourcesHash();
  const stale = existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { sources?: string }).sources !== sources;
  if (stale) log('the seeded workspace was made by other sources: seeding it again');
  if (args.includes('--reseed') || stale) rmSync(template, { recursive: true, force: true });
  if (!existsSync(marker)) {
    rmSync(template, { recursive: true, force: true });
    mkdirSync(template, { recursive: true });
    const session = await launchExtension(template);
    try {
      // The demo inbox runs no live queries while no thread is open: seeding does not wake any UI.
      const page = await openExtensionPage(session, 'demo.html');
      await loadBench(page);
      log(`seeding ${JSON.stringify(scale)} (kept in ${template} for later runs)`);
      const seeded = { scale, sources, ms: await call(page, 'seed', SEED, scale), stored: await call(page, 'counts') };
      await page.close();
      await session.close();
      writeFileSync(marker, JSON.stringify(seeded));
      seededNow = true;
    } catch (e) {
      await session.close();
      throw e;
    }
  }
  results.seed = { ...JSON.parse(readFileSync(marker, 'utf8')), seededThisRun: seededNow };
  log(`seeded workspace: ${JSON.stringify(results.seed)}`);
  const work = mkdtempSync(join(tmpdir(), 'tl-bench-run-'));
  cpSync(template, work, { recursive: true });
  for (const lock of ['SingletonLock', 'SingletonCookie', 'SingletonSocket']) rmSync(join(work, lock), { force: true });
  return work;
}

async function browserPart() {
  const profile = await seededProfile();
  const session = await launchExtension(profile);
  try {
    // The sidebar's pages share one renderer (and V8 heap) with every extension page: they are
    // measured before the bench's own page loads its module and fills that heap with baselines.
    // A freshly started browser on a freshly copied profile is busy for a while (startup tasks,
    // the database's first compaction); a rep's sidebar opens long after that.
    await new Promise((resolve) => setTimeout(resolve, quick ? 5_000 : 15_000));
    if (want('sidebar')) {
      log('sidebar opens');
      const raw = await measureSidebar(session, SEED, scale, [1, 5, 50], plan.warm, plan.cold);
      results.sidebar = Object.fromEntries(
        Object.entries(raw).map(([size, t]) => [size, {
          warm: { read: summary(t.warm.map((x) => x.read)), ready: summary(t.warm.map((x) => x.ready)), history: summary(t.warm.map((x) => x.history)) },
          cold: { read: summary(t.cold.map((x) => x.read)), ready: summary(t.cold.map((x) => x.ready)), history: summary(t.cold.map((x) => x.history)) },
        }]),
      );
      // Gmail's shape, by thread size: bench/sidebar.ts says what each is; the per-thread frame of old is the cold figure.
      const bySize = (pick: (t: (typeof raw)[string]) => number[]) => Object.fromEntries(Object.entries(raw).map(([size, t]) => [size, summary(pick(t))]));
      results.sidebarGmail = {
        known: bySize((t) => t.known.map((x) => x.ready)),
        new: bySize((t) => t.warm.map((x) => x.ready)),
        firstAfterBoot: bySize((t) => t.cold.map((x) => x.boot)),
        freshFramePerThread: bySize((t) => t.cold.map((x) => x.boot)),
        // p50 of each boot phase, ms from the frame's navigation start (bench/sidebar.ts, BootPhases).
        firstAfterBootPhases: Object.fromEntries(Object.entries(raw).map(([size, t]) => [size, Object.fromEntries(Object.keys(t.cold[0]?.phases ?? {}).map((k) => [k, summary(t.cold.map((x) => x.phases![k as keyof BootPhases]).filter(Number.isFinite)).p50]))])),
      };
      save();
      log(`sidebar: ${JSON.stringify(results.sidebar)}`);
      log(`sidebarGmail: ${JSON.stringify(results.sidebarGmail)}`);
    }
    if (want('memory')) {
      log('memory');
      const m = await measureMemory(session, SEED, scale, plan.memoryOpens, 20);
      const after = m.samples.slice(1);
      const perOpen = slope(after.map((s) => s.opens), after.map((s) => s.usedBytes));
      const first = m.samples[1]!.usedBytes;
      const last = m.samples.at(-1)!.usedBytes;
      results.memory = { ...m, slopeBytesPerOpen: Math.round(perOpen), firstMB: round(first / 2 ** 20, 2), lastMB: round(last / 2 ** 20, 2), stable: perOpen * plan.memoryOpens < Math.max(1 * 2 ** 20, 0.05 * first) };
      save();
      log(`memory: ${JSON.stringify({ ...(results.memory as object), samples: undefined })}`);
    }
    const page = await openExtensionPage(session, 'demo.html');
    await loadBench(page);
    if (want('sidebar')) {
      const lookups = [];
      for (const size of [1, 5, 50]) {
        const ctx = benchThread(SEED, 3, size, scale);
        const emails = [...new Set(ctx.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((p) => p.email))];
        lookups.push({ size, people: await call(page, 'emailLookup', emails) });
      }
      // Every bench thread's first participant is a long-history contact: one history baseline serves all sizes.
      const mainId = `rec_c${Number(benchThread(SEED, 3, 1, scale).threadId.split('_')[1])}`;
      const history = await call(page, 'history', [mainId]);
      for (const l of lookups) Object.assign(l, { history });
      results.baselines = lookups;
      save();
      log(`index vs scan: ${JSON.stringify(lookups)}`);
    }
    if (want('search')) {
      const s = await call(page, 'search', SEARCH_QUERIES, plan.naiveKeys);
      results.search = { buildMs: round(s.buildMs), perKeystroke: summary(s.perKey), naiveScan: summary(s.naive), keystrokes: s.perKey.length };
      save();
      log(`search: ${JSON.stringify(results.search)}`);
    }
    if (want('picker')) {
      const p = await call(page, 'picker', PICKER_QUERIES);
      results.picker = { perKeystroke: summary(p.perKey), p95: summary(p.perKey).p95, keystrokes: p.perKey.length };
      save();
      log(`picker: ${JSON.stringify(results.picker)}`);
    }
    if (want('scroll')) {
      log('table scroll');
      const s = await measureScroll(session, scale.contacts, plan.scrollFrames);
      const frames = (gaps: number[]) => {
        const over = gaps.filter((g) => g > 1000 / 60).length;
        // rAF gaps jitter around 16.7 ms even on an idle page (idleFrames): a gap over 1.5 frames missed a vsync.
        const missed = gaps.filter((g) => g > 1.5 * (1000 / 60)).length;
        return { frames: gaps.length, overBudget: over, overBudgetPct: round((100 * over) / gaps.length), missedVsyncPct: round((100 * missed) / gaps.length), gaps: summary(gaps) };
      };
      results.scroll = {
        // The table's own time: in the booted page, from the route change to its first rows (bench/scroll.ts).
        firstRowsMs: summary(s.route.firstRowsMs).p50,
        firstRows: summary(s.route.firstRowsMs),
        allRowsCounted: summary(s.route.allRowsMs),
        firstRowsFromBootMs: s.firstRowsFromBootMs,
        // Thumb-drag: the whole height in `frames` frames.
        ...frames(s.thumb.gaps),
        rowsInDom: s.thumb.rowsInDom,
        wheel: { ...frames(s.wheel.gaps), rowsPerFrame: 3, loadingRowsAtEnd: s.wheel.loadingRows },
        // The same count with no scrolling: what this browser's own frame timing puts over budget.
        idleFrames: frames(s.idle.gaps),
        wholeFolderLoad: { ms: round(s.wholeFolder.ms), rows: s.wholeFolder.rows, where: 'the same booted CRM page' },
        reads: s.reads,
      };
      results.table = { sortChangeMs: summary(s.sortChangeMs), filterChangeMs: summary(s.filterChangeMs), remoteWriteMs: summary(s.remoteWriteMs.shown), remoteWriteCommitMs: summary(s.remoteWriteMs.write) };
      save();
      log(`scroll: ${JSON.stringify(results.scroll)}`);
      log(`table: ${JSON.stringify(results.table)}`);
    }
    if (want('board')) {
      log(`deals board at ${scale.deals} deals`);
      const b = await measureBoard(session, scale.deals);
      results.board = { ...b, warm: summary(b.warmMs) };
      save();
      log(`board: ${JSON.stringify(results.board)}`);
    }
    if (want('reports')) {
      log('reports');
      results.reports = await measureReports(session, quick ? 5 : 7);
      save();
      log(`reports: ${JSON.stringify(results.reports)}`);
    }
    if (want('csv')) {
      log(`csv import of ${plan.csvRows} rows`);
      const c = await call(page, 'csvImport', SEED, plan.csvRows, scale, 200);
      results.csv = { ...c, importMs: round(c.importMs), rawMs: round(c.rawMs), ratio: round(c.importMs / c.rawMs, 2) };
      save();
      log(`csv: ${JSON.stringify(results.csv)}`);
    }
  } finally {
    await session.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  log(`${quick ? 'quick' : 'full'} run; output ${OUT}`);
  if (!args.includes('--no-build')) {
    log('building the extension');
    try {
      execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, THREADLINE_OUT_DIR: OUT } });
    } catch (e) {
      console.error(String((e as { stderr?: Buffer }).stderr ?? e));
      throw e;
    }
  }
  results.machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memGB: round(totalmem() / 2 ** 30), loadavgAtStart: loadavg().map((l) => round(l, 2)), node: process.version, chromium: execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() };
  if (want('weight')) results.weight = await measureWeight(OUT);
  // A part that fails is recorded and the others still run: a benchmark reports what it can.
  const errors: string[] = [];
  results.errors = errors;
  if (['seed', 'sidebar', 'search', 'picker', 'memory', 'scroll', 'csv', 'board', 'reports'].some(want)) {
    await browserPart().catch((e: unknown) => {
      errors.push(`browser part: ${String(e).slice(0, 500)}`);
      log(`browser part failed: ${String(e).slice(0, 300)}`);
    });
  }
  if (want('sync')) await syncPart().catch((e: unknown) => void errors.push(`sync: ${String(e).slice(0, 500)}`));
  finish();
}

async function syncPart() {
  {
    log(`sync: flush ${plan.flush}, reconnect in ${plan.workspace} documents`);
    const s = await measureSync({ changes: plan.flush, size: plan.workspace, remoteChanges: plan.remote, fullReadBaseline: plan.fullRead, seed: SEED, scale });
    results.sync = { ...s, flushRatio: round(s.flush.rawMs / s.flush.flushMs, 2), editsRatio: round(s.flush.edits.rawMs / s.flush.edits.flushMs, 2) };
    log(`sync: ${JSON.stringify(results.sync)}`);
  }
}

function finish() {
  results.mode = quick ? 'quick' : 'full';
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  results.loadavgAtEnd = loadavg().map((l) => round(l, 2));
  results.finishedAt = new Date().toISOString();
  const dir = resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(resolve(dir, `${results.mode}.json`), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderTable(results)}\n`);
  log(`done in ${results.totalSeconds} s; bench/results/latest.json`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    // A benchmark reports; it never fails a build.
    console.error('[bench] failed:', e);
    process.exit(0);
  },
);
