/** The Markdown table printed at the end of a run: each figure beside its target (issue 6). */
type Row = [measure: string, target: string, figure: string, baseline: string, met: boolean | undefined];
type Sum = { n: number; p50: number; p95: number; max: number };
type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const verdict = (m: boolean | undefined) => (m === undefined ? '–' : m ? 'met' : '**missed**');
const pct = (s: Sum) => `p50 ${s.p50} / p95 ${s.p95} ms (n=${s.n})`;

export function rows(r: R): Row[] {
  const out: Row[] = [];
  const base = (size: number) => (r.baselines as R[] | undefined)?.find((b) => b.size === size);
  for (const [size, s] of Object.entries((r.sidebar ?? {}) as Record<string, R>)) {
    const b = base(Number(size));
    const baseText = b ? `people: email index ${b.people.indexedMs.toFixed(1)} ms vs table scan ${b.people.scanMs.toFixed(0)} ms` : '';
    out.push([`sidebar ready, ${size} people, warm`, '≤ 50 ms p95', pct(s.warm.ready), baseText, s.warm.ready.p95 <= 50]);
    out.push([`sidebar ready, ${size} people, cold`, '≤ 150 ms p95', pct(s.cold.ready), '', s.cold.ready.p95 <= 150]);
    const h = b ? `history page: timeline() ${b.history.timelineMs.toFixed(1)} ms vs whole histories ${b.history.wholeHistoriesMs?.toFixed(1) ?? '?'} ms vs activities scan ${b.history.scanMs.toFixed(0)} ms (${b.history.total} entries)` : '';
    const read = s.warm.read ? `reading p50 ${s.warm.read.p50} / ${s.cold.read.p50} ms, then rendering; ` : '';
    out.push([`…of which reading the data, ${size} people, warm / cold`, '(part of ready)', `${read}history in the DOM p95 ${s.warm.history.p95} / ${s.cold.history.p95} ms`, h, undefined]);
  }
  if (r.search) out.push(['search as you type, per keystroke', '≤ 30 ms p95', pct(r.search.perKeystroke), `title scan ${pct(r.search.naiveScan)}; index build ${r.search.buildMs} ms once`, r.search.perKeystroke.p95 <= 30]);
  if (r.picker) out.push(['link picker suggestions, per keystroke', '≤ 30 ms p95', pct(r.picker.perKeystroke), `${r.picker.keystrokes} keystrokes over companies and contacts`, r.picker.perKeystroke.p95 <= 30]);
  if (r.board) out.push([`deals board first paint, ${r.board.readsFirstPaint?.materialised?.folderIndex ?? '?'} deals read once`, '≤ 300 ms (full scale)', `${r.board.firstPaintMs} ms from the route change to every column's first cards; counts and totals at ${r.board.countsMs ?? '?'} ms; again with the index held p50 ${r.board.warm.p50} ms; ${r.board.cardsInDom} cards in the page`, `keyboard move shown in ${r.board.moveMs ?? '?'} ms, ${r.board.readsAfterBuild?.wholeFolderReads ?? '?'} whole-folder reads after the build`, r.mode === 'full' ? r.board.firstPaintMs <= 300 : undefined]);
  if (r.csv) out.push([`CSV import ${r.csv.rows} contacts (dedup)`, '≤ 2× raw bulkPut', `${(r.csv.importMs / 1000).toFixed(1)} s = ${r.csv.ratio}× raw`, `raw bulkPut ${(r.csv.rawMs / 1000).toFixed(1)} s`, r.csv.ratio <= 2]);
  if (r.scroll || r.table) out.push(...tableRows(r));
  if (r.reports) out.push(...reportRows(r));
  if (r.sync) {
    const f = r.sync.flush;
    const local = (x: R) => (x.transportMs ? `; of the flush, ${(x.transportMs / 1000).toFixed(1)} s in Firestore transactions, the rest local (fake-indexeddb)` : '');
    out.push([`sync flush of ${f.changes} new contacts (an import's queue)`, '≥ 0.5× raw batched commits', `${(f.flushMs / 1000).toFixed(1)} s = ${r.sync.flushRatio}× raw speed`, `raw batched commits ${(f.rawMs / 1000).toFixed(1)} s${local(f)}`, r.sync.flushRatio >= 0.5]);
    if (f.edits) out.push([`sync flush of an edit to each of them (read and merged)`, '≥ 0.5× raw batched commits', `${(f.edits.flushMs / 1000).toFixed(1)} s = ${r.sync.editsRatio}× raw speed`, `raw batched commits ${(f.edits.rawMs / 1000).toFixed(1)} s${local(f.edits)}`, r.sync.editsRatio >= 0.5]);
    const c = r.sync.reconnect;
    const full = c.fullRead ? `full read ${c.fullRead.reads} docs in ${(c.fullRead.ms / 1000).toFixed(1)} s` : `without a cursor: ${c.workspaceDocs} docs`;
    out.push([`reconnect after ${c.changes} remote changes, ${c.size}-doc workspace`, `= ${c.changes} (+ overlap)`, `${c.reconnectReads} docs read in ${c.reconnectMs.toFixed(0)} ms`, full, c.reconnectReads >= c.changes && c.reconnectReads <= c.changes * 1.1]);
  }
  if (r.weight) {
    const w = r.weight;
    out.push(['content script without InboxSDK', '≤ 60 KB gzip', `${kb(w.contentScriptWithoutInboxSdk.gzip)} gzip (${kb(w.contentScriptWithoutInboxSdk.raw)} raw)`, '', w.contentScriptWithoutInboxSdk.gzip <= 60 * 1024]);
    out.push(['content script with InboxSDK', '(no target)', `${kb(w.contentScript.gzip)} gzip (${kb(w.contentScript.raw)} raw)`, `+ pageWorld.js ${kb(w.pageWorld.gzip)} gzip`, undefined]);
    for (const [page, s] of Object.entries(w.pages as Record<string, { raw: number; gzip: number }>)) out.push([`${page} JS`, '(no target)', `${kb(s.gzip)} gzip (${kb(s.raw)} raw)`, '', undefined]);
  }
  if (r.memory) out.push([`sidebar heap after ${r.memory.samples.at(-1).opens} opens`, 'stable (no growth trend)', `${r.memory.firstMB} → ${r.memory.lastMB} MB, slope ${r.memory.slopeBytesPerOpen} B/open`, '', r.memory.stable]);
  return out;
}

/** Issue 17's table figures, each beside its target (targets hold at full scale; a quick run shows them unjudged). */
function tableRows(r: R): Row[] {
  const full = r.mode === 'full';
  const judge = (ok: boolean) => (full ? ok : undefined);
  const out: Row[] = [];
  const sc = r.scroll;
  if (sc?.firstRows) {
    const below = sc.firstRows.p50 < sc.wholeFolderLoad.ms;
    out.push(['table first rows (route change in the booted CRM page)', full ? '≤ 150 ms p95' : 'below the whole-folder read (quick)', `${pct(sc.firstRows)}; every row counted p50 ${sc.allRowsCounted.p50} ms`, `whole folder read in the same page ${sc.wholeFolderLoad.ms} ms (${sc.wholeFolderLoad.rows} records)`, full ? sc.firstRows.p95 <= 150 : below]);
    out.push(['table first rows from the page\'s boot', '(no target)', `${sc.firstRowsFromBootMs} ms`, '', undefined]);
  }
  if (sc?.wheel) out.push([`table wheel scroll, ${sc.wheel.rowsPerFrame} rows a frame, ${sc.wheel.frames} frames`, '≤ 5 % of frames over 16.7 ms', `${sc.wheel.overBudget} over (${sc.wheel.overBudgetPct} %), ${sc.wheel.missedVsyncPct ?? '?'} % over 25 ms, gap p95 ${sc.wheel.gaps.p95} ms`, `with no scrolling ${sc.idleFrames?.overBudgetPct ?? '?'} % over 16.7 ms, ${sc.idleFrames?.missedVsyncPct ?? '?'} % over 25 ms (gap p50 ${sc.idleFrames?.gaps.p50 ?? '?'} ms)`, judge(sc.wheel.overBudgetPct <= 5)]);
  if (sc) out.push([`table thumb-drag scroll, ${sc.frames} frames top to bottom`, 'frames over 16.7 ms (no target)', `${sc.overBudget} over (${sc.overBudgetPct} %), gap p95 ${sc.gaps.p95} ms`, `whole-folder reads on the path: ${sc.reads?.wholeFolderReads ?? '?'}`, undefined]);
  const t = r.table;
  if (t) {
    const n = (s: Sum) => (s.n ? pct(s) : 'not measured');
    out.push(['table sort change', '≤ 150 ms p95', n(t.sortChangeMs), '', t.sortChangeMs.n ? judge(t.sortChangeMs.p95 <= 150) : false]);
    out.push(['table filter change', '≤ 150 ms p95', n(t.filterChangeMs), '', t.filterChangeMs.n ? judge(t.filterChangeMs.p95 <= 150) : false]);
    if (t.remoteWriteMs) out.push(['write from another page shown in the open table', '≤ 50 ms p95', n(t.remoteWriteMs), t.remoteWriteCommitMs ? `of which the write itself (validate, hooks, commit) p50 ${t.remoteWriteCommitMs.p50} ms` : '', t.remoteWriteMs.n ? judge(t.remoteWriteMs.p95 <= 50) : false]);
  }
  return out;
}

/** Every report's time (issues 17 and 19): the page's data load plus the report's own computation, ≤ 1 s p95 at full scale. */
function reportRows(r: R): Row[] {
  const x = r.reports;
  const full = r.mode === 'full';
  const sizes = `${x.sizes.deals} deals (${x.sizes.lines} lines, ${x.sizes.closed} closed), ${x.sizes.activities} activities`;
  const rd = x.loadReads;
  const reads = rd ? `; alone: the deals ${rd.deals} ms, the activities part ${rd.activitiesInPeriod} ms, closed deals' last stage change ${rd.closedDealsStageEntry} ms (their whole history, as before: ${rd.closedDealsWholeHistory} ms)` : '';
  const out: Row[] = [
    ...(x.load.deals ? [[`reports: the deals part's load (seven reports), ${x.period}`, '(part of each report)', pct(x.load.deals), `${sizes}${reads}`, undefined] as Row] : []),
    ...(x.load.people ? [[`reports: the people part's load (contacts, companies' owners), ${x.period}`, '(part of funnel, campaigns)', pct(x.load.people), '', undefined] as Row] : []),
    [`reports: deals + people parts side by side (funnel, campaigns), ${x.period}`, '(part of funnel, campaigns)', pct(x.load.records), x.load.deals ? '' : `${sizes}${reads}`, undefined],
    [`reports: records + activities parts side by side (activity by rep), ${x.period}`, '(part of activity by rep)', pct(x.load.withActivities), '', undefined],
  ];
  for (const [name, e] of Object.entries(x.each as Record<string, R>)) {
    out.push([`report ${name}: load + computation`, '≤ 1 s p95', `p50 ${e.withLoad.p50} / p95 ${e.withLoad.p95} ms`, `computation alone ${pct(e.compute)}; ${e.rows} rows`, full ? e.withLoad.p95 <= 1000 : undefined]);
  }
  out.push([`reports page from the route change to all ${x.page.cards} cards`, '(no target)', pct(x.page), x.page.untilNineCards ? `the deal reports' cards: ${pct(x.page.untilNineCards)}` : '', undefined]);
  return out;
}

export function renderTable(r: R): string {
  const head = `| measure | target | figure (${r.mode} run) | baseline in the same run | |\n|---|---|---|---|---|`;
  return [head, ...rows(r).map((row) => `| ${row.slice(0, 4).join(' | ')} | ${verdict(row[4])} |`)].join('\n');
}
