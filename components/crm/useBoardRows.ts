import { useEffect, useMemo, useRef, useState } from 'react';
import { firstPageIds, planIndexed, recordsByIds } from '../../storage/queries/tableRows';
import { compileFilters, runView } from '../../storage/views/viewQuery';
import type { CrmRecord } from '../../storage/model/entities';
import type { FolderSchema } from '../../storage/folders/schema';
import type { ViewQuery } from '../../storage/views/viewQuery';
import { useDb } from '../shell/DbProvider';
import { useNow } from './data';
import { acquireFolderIndex, holdsFolderIndex, type SharedIndex } from './sharedFolderIndex';
import { patchOrder, type BoardChange } from './boardOrder';
import type { FilterEnv } from '../../storage/model/filterRegistry';
import { inBackground } from '../../storage/queries/inBackground';

export type BoardRows = {
  /** The view's records in order (filtered and sorted); undefined until the folder's index is built. */
  rows: readonly CrmRecord[] | undefined;
  /** Share of the folder's index built (0..1) while it builds. */
  progress: number | undefined;
  /** Records in the folder, from the same index (for "12 of 20,000"). */
  total: number | undefined;
  /** `rows` are only the folder's most recently changed records, shown while the index builds (columns' tops, no totals yet). */
  partial: boolean;
  /** Set when `rows` are `from` with `changes` applied (no re-sort): the board patches its columns from them. */
  patch?: { from: readonly CrmRecord[]; changes: readonly BoardChange[] };
};

type Derived = { rows: readonly CrmRecord[]; patch?: BoardRows['patch'] };
type Last = Derived & { entry: SharedIndex; index: unknown; version: number; query: ViewQuery; fields: FolderSchema['fields']; env: FilterEnv };

/**
 * The changes from version `from` to `to` as the view sees them (a record before it shows only if it
 * passed the view's filters; after, only if it passes them), or undefined when one is not kept.
 */
function changesSince(last: Last, to: number): BoardChange[] | undefined {
  const { matches } = compileFilters(last.query.filters, last.fields, last.env);
  const out: BoardChange[] = [];
  for (let v = last.version + 1; v <= to; v++) {
    const step = last.entry.changes.get(v);
    if (!step) return undefined;
    for (const c of step) out.push({ id: c.id, before: c.before && matches(c.before) ? c.before : undefined, after: c.after && matches(c.after) ? c.after : undefined });
  }
  return out;
}

/**
 * The view's rows from the index: a full run (filter and sort of every held record) on a first
 * derivation or a new query; after a change, the last rows patched from the changed keys, since the
 * board's order (newest change first) places each changed record by itself.
 */
function useIndexedRows(shared: { entry: SharedIndex; version: number } | undefined, query: ViewQuery, schema: FolderSchema, now: number): Derived | undefined {
  const last = useRef<Last>(undefined);
  const index = shared?.entry.index;
  const ready = index?.ready === true;
  const version = shared?.version;
  return useMemo(() => {
    if (!shared || !index || !ready) return (last.current = undefined);
    const env: FilterEnv = { now, pipelines: schema.pipelines };
    const l = last.current;
    const same = l && l.entry === shared.entry && l.index === index && l.query === query && l.fields === schema.fields && l.env.pipelines === env.pipelines && l.env.now === now;
    const changes = same && query.sort.length === 0 ? changesSince(l, shared.version) : undefined;
    const derived: Derived = l && changes
      ? changes.length ? { rows: patchOrder(l.rows, changes), patch: { from: l.rows, changes } } : l
      : { rows: index.run(query, schema.fields, env).records };
    last.current = { ...derived, entry: shared.entry, index, version: shared.version, query, fields: schema.fields, env };
    return derived;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks the index's applied changes
  }, [shared?.entry, index, ready, version, query, schema.fields, schema.pipelines, now]);
}

/**
 * How many of the newest records paint the columns' tops while the index builds: a few screens of
 * each of a pipeline's usual six to eight columns (a rare stage may wait for the index). 600 cost
 * three times as long to read and render, behind which the index's build waited.
 */
const EARLY = 240;

/**
 * The newest records of the folder, through [folderId+updatedAt]: in the board's own order (newest
 * change first) when the view sorts nothing, so the top of each column is already the right one.
 */
function useEarlyRows(schema: FolderSchema, query: ViewQuery, wanted: boolean, now: number): { rows: CrmRecord[] | undefined; settled: boolean } {
  const db = useDb();
  const [early, setEarly] = useState<CrmRecord[]>();
  const [settled, setSettled] = useState(false);
  const folderId = schema.folder.id;
  useEffect(() => {
    if (!wanted) return undefined;
    let alive = true;
    const plan = planIndexed(folderId, { filters: [], sort: [] }, schema.fields);
    inBackground((async () => {
      try {
        // Marks for the board bench's phases (bench/board.ts): where a first paint's time goes.
        performance.mark('tl-board:early-start');
        const ids = plan ? await firstPageIds(db, plan, EARLY) : undefined;
        performance.mark('tl-board:early-keys');
        if (!ids || !alive) return;
        const found = (await recordsByIds(db, ids)).flatMap((r) => r ?? []);
        performance.mark('tl-board:early-records');
        if (alive) setEarly(found);
      } finally {
        if (alive) setSettled(true);
      }
    })());
    return () => {
      alive = false;
      setEarly(undefined);
    };
  }, [db, folderId, wanted, schema.fields]);
  const rows = useMemo(() => early && runView(early, schema.fields, { ...query, sort: [] }, { now, pipelines: schema.pipelines }).records, [early, schema, query, now]);
  return { rows, settled: !wanted || settled };
}

/**
 * A board's records from the folder's shared in-memory index (components/crm/sharedFolderIndex.ts):
 * the folder is read once, in chunks with a progress share, and every later change (a drag here,
 * a write in another tab or from sync) re-reads only the records it names. `enabled` false holds
 * nothing, so a table route pays nothing for it.
 */
export function useBoardRows(schema: FolderSchema, query: ViewQuery, enabled: boolean): BoardRows {
  const db = useDb();
  const now = useNow();
  const folderId = schema.folder.id;
  const [shared, setShared] = useState<{ entry: SharedIndex; version: number; progress: number | undefined }>();
  // A first open reads the newest records before the index starts building: IndexedDB serves one request after another, and the columns' tops come first.
  const [held] = useState(() => holdsFolderIndex(db, folderId));
  const early = useEarlyRows(schema, query, enabled && !held && query.sort.length === 0 && shared?.entry.index.ready !== true, now);
  const start = enabled && (held || early.settled);

  useEffect(() => {
    if (!start) return undefined;
    const holder: { entry?: SharedIndex } = {};
    const hear = () => {
      const entry = holder.entry;
      if (entry) setShared({ entry, version: entry.version, progress: entry.progress });
    };
    const share = acquireFolderIndex(db, folderId, hear);
    holder.entry = share.entry;
    hear();
    return () => {
      share.release();
      setShared(undefined);
    };
  }, [db, folderId, start]);

  const derived = useIndexedRows(shared, query, schema, now);
  const rows = derived?.rows;
  const total = derived ? shared?.entry.index.size : undefined;
  return { rows: rows ?? early.rows, progress: enabled ? (shared ? shared.progress : 0) : undefined, total, partial: !rows && !!early.rows, patch: derived?.patch };
}
