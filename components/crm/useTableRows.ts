import { Dexie, type ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CrmRecord } from '../../storage/model/entities';
import type { FolderSchema } from '../../storage/folders/schema';
import { changedKeys } from '../../storage/queries/changedKeys';
import { firstPageIds, FolderKeys, indexedIds, planIndexed, recordsByIds } from '../../storage/queries/tableRows';
import { FolderIndex } from '../../storage/views/folderIndex';
import { compileFilters, type FilterProblem, type ViewQuery } from '../../storage/views/viewQuery';
import { useDb } from '../shell/DbProvider';
import { useNow } from './data';
import { inBackground } from '../../storage/queries/inBackground';

/**
 * A table's rows without holding the folder: the ordered ids of the view (from index keys when
 * the sort and filters allow, else from the in-memory folder index, built once with a progress
 * state), and the records of the rows on screen, fetched as they come into view. A change from
 * any context re-reads only the records it names; the ids are re-derived from index keys or from
 * the in-memory index.
 */
export type TableRows = {
  /** The view's row ids in order; undefined until the first are known. */
  ids: readonly string[] | undefined;
  /** The sort and filter `ids` were derived for: the table holds its row order until this changes. */
  orderKey: string;
  /** Records in the folder (for "12 of 50,000"). */
  total: number | undefined;
  /** Share of the in-memory index built (0..1), while it is being built. */
  progress: number | undefined;
  problems: FilterProblem[];
  get: (id: string) => CrmRecord | undefined;
  /** The rows on screen: their records are fetched if not held yet. */
  want: (ids: readonly string[]) => void;
  /** Every row's record, in order: for explicit actions on all rows (export). */
  loadAll: () => Promise<CrmRecord[]>;
  /** Changes whenever a held record changes, so memoised rows re-render. */
  version: number;
};

type Changed = Set<string> | 'all';

/** Whether a sort on the field is served by the index (planIndexed's test), so its key list is worth holding. */
const sortsByIndex = (fields: FolderSchema['fields'], fieldId: string) => !!planIndexed('', { filters: [], sort: [{ fieldId, direction: 'asc' }] }, fields)?.sort;
/** After the page's own work: an idle callback where there is one (Chromium), else a short timer. */
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5_000 }) : setTimeout(run, 200));
/** Rows read first, before the whole order: a window's worth and the virtualiser's overscan. */
const FIRST_PAGE = 50;
/** Ids of rows not known yet while the first page shows (loading rows of the right count); never fetched. */
export const PENDING_ROW = '\u0000pending:';
const PARTIAL = '\u0000partial';
const merge = (a: Changed | undefined, b: Changed): Changed => (a === 'all' || b === 'all' ? 'all' : new Set([...(a ?? []), ...b]));

/**
 * `enabled` false (a board route) reads nothing: no keys, no first page, no change listener.
 * `columns` (the view's field ids) have their sorted key lists read in idle time once the rows
 * show, so a first sort on a column is a slice of a held list, not a read of 50,000 keys.
 */
export function useTableRows(schema: FolderSchema, query: ViewQuery, enabled = true, columns: readonly string[] = []): TableRows {
  const db = useDb();
  const now = useNow();
  const folderId = schema.folder.id;
  const fields = schema.fields;
  const pipelines = schema.pipelines;
  const plan = useMemo(() => planIndexed(folderId, query, fields), [folderId, query, fields]);
  const problems = useMemo(() => compileFilters(query.filters, fields, { now, pipelines }).problems, [query.filters, fields, now, pipelines]);
  const [derived, setDerived] = useState<{ ids: readonly string[]; key: string }>();
  const ids = derived?.ids;
  const [total, setTotal] = useState<number>();
  const [progress, setProgress] = useState<number>();
  const [version, setVersion] = useState(0);
  const cache = useRef(new Map<string, CrmRecord>());
  const index = useRef<FolderIndex>(undefined);
  const latest = useRef({ plan, query, fields, now, pipelines });
  latest.current = { plan, query, fields, now, pipelines };
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const refreshRef = useRef<(changed?: Changed) => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    const abort = new AbortController();
    let running = false;
    let pending: Changed | undefined;
    let again = false;
    cache.current = new Map();
    index.current = undefined;

    const keys = new FolderKeys(db, folderId);
    // The sort and filter whose whole order is on screen: a change of them shows a first page before it.
    let shown: string | undefined;

    /** Re-reads the held records a change names and shows them at once, not behind the order's re-derivation (the table holds its order). */
    const refreshHeld = async (changed: Changed) => {
      if (changed === 'all') return;
      const held = [...changed].filter((k) => cache.current.has(k));
      if (!held.length) return;
      const found = await recordsByIds(db, held, 'changed');
      if (!alive) return;
      held.forEach((k, i) => (found[i] && found[i].folderId === folderId ? cache.current.set(k, found[i]) : cache.current.delete(k)));
      setVersion((v) => v + 1);
    };

    /**
     * The first rows of a new sort from a bounded index read (milliseconds, where the whole order
     * is a read of every key): shown with the rest as loading rows when the count is known, alone until then.
     */
    const showFirstPage = async (key: string) => {
      const p = latest.current.plan;
      if (!p || shown === key) return;
      const page = await firstPageIds(db, p, FIRST_PAGE);
      if (!page || !alive || latest.current.plan !== p) return;
      (await recordsByIds(db, page)).forEach((r) => r && cache.current.set(r.id, r));
      if (!alive || latest.current.plan !== p) return;
      const count = keys.knownCount();
      const ids = count === undefined ? page : page.concat(Array.from({ length: Math.max(0, count - page.length) }, (_, i) => `${PENDING_ROW}${i}`));
      setDerived({ ids, key: key + PARTIAL });
      if (count !== undefined) setTotal(count);
      setVersion((v) => v + 1);
    };

    const derive = async (changed: Changed | undefined) => {
      if (changed === 'all') {
        cache.current.clear();
        index.current = undefined;
      } else if (changed?.size && index.current?.ready) await index.current.apply(db, [...changed]);
      const { plan: p, query: q, fields: f, now: n, pipelines: pl } = latest.current;
      const key = JSON.stringify(q);
      await showFirstPage(key);
      let next: string[];
      let count: number;
      if (p) [next, count] = await Promise.all([indexedIds(db, p, keys), keys.count()]);
      else {
        if (!index.current) {
          const built = new FolderIndex(folderId);
          setProgress(0);
          await built.build(db, (done) => alive && setProgress(done), abort.signal);
          if (!alive) return;
          index.current = built;
          setProgress(undefined);
        }
        next = index.current.run(q, f, { now: n, pipelines: pl }).records.map((r) => r.id);
        count = index.current.size;
      }
      // A newer sort or filter came meanwhile (its first page may be on screen): it derives next.
      if (!alive || latest.current.query !== q) return;
      shown = key;
      setDerived({ ids: next, key });
      setTotal(count);
      setVersion((v) => v + 1);
    };
    // A change from any context re-derives the order after a pause as long as the last derivation
    // took (the held records show at once, and the table holds its order meanwhile): a stream of
    // writes, in this page or another extension page sharing its renderer, keeps half the time.
    let lastMs = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (running) return;
      running = true;
      inBackground((async () => {
        try {
          while (alive && (pending || again)) {
            const c = pending;
            pending = undefined;
            again = false;
            const started = performance.now();
            await derive(c);
            lastMs = performance.now() - started;
          }
        } finally {
          running = false;
        }
        if (alive) warm();
      })());
    };
    // The columns' sorted lists, one at a time in idle time (each is a read of every key of the field).
    let warming = false;
    const warm = () => {
      const next = columnsRef.current.find((id) => !keys.holdsSorted(id) && sortsByIndex(latest.current.fields, id));
      if (warming || !next) return;
      warming = true;
      whenIdle(() => {
        if (!alive || running) return void (warming = false);
        inBackground(keys.sortedIds(next).finally(() => {
          performance.mark('tl-table:warmed', { detail: next });
          warming = false;
          if (alive && !running) warm();
        }));
      });
    };
    const refresh = (changed?: Changed) => {
      if (!changed) {
        again = true;
        // A new sort shows its first page at once, not behind a derivation still reading keys.
        if (running) inBackground(showFirstPage(JSON.stringify(latest.current.query)));
        return run();
      }
      pending = merge(pending, changed);
      timer ??= setTimeout(() => {
        timer = undefined;
        if (alive) run();
      }, Math.min(1_000, Math.max(16, lastMs)));
    };
    refreshRef.current = refresh;
    // Returns nothing on purpose: Dexie stops calling the other 'storagemutated' listeners when one returns false.
    const onMutated = (parts: ObservabilitySet): void => {
      const changed = changedKeys(parts, db.name, 'records');
      if (!changed) return;
      // The held key lists follow the change in place (a few record reads), never a re-read of 50,000 keys.
      if (changed === 'all') keys.invalidate();
      else keys.apply([...changed]);
      inBackground(refreshHeld(changed));
      refresh(changed);
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      alive = false;
      clearTimeout(timer);
      abort.abort();
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, folderId, enabled]);

  // A new sort, filter or "now": re-derive the ids from what is held (index keys or the in-memory index).
  useEffect(() => (enabled ? refreshRef.current() : undefined), [db, folderId, plan, query, now, fields, enabled]);

  const inFlight = useRef(new Set<string>());
  const want = useCallback(
    (wanted: readonly string[]) => {
      if (index.current?.ready && !latest.current.plan) return;
      const missing = wanted.filter((id) => !cache.current.has(id) && !inFlight.current.has(id) && !id.startsWith(PENDING_ROW));
      if (missing.length === 0) return;
      missing.forEach((id) => inFlight.current.add(id));
      inBackground(recordsByIds(db, missing).then((found) => {
        missing.forEach((id, i) => {
          inFlight.current.delete(id);
          const r = found[i];
          if (r) cache.current.set(id, r);
        });
        setVersion((v) => v + 1);
      }));
    },
    [db],
  );
  const get = useCallback((id: string) => cache.current.get(id) ?? index.current?.get(id), []);
  const loadAll = useCallback(async () => {
    const list = ids ?? [];
    const missing = list.filter((id) => !get(id));
    if (missing.length) (await recordsByIds(db, missing)).forEach((r) => r && cache.current.set(r.id, r));
    return list.flatMap((id) => get(id) ?? []);
  }, [db, ids, get]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks changes of the held records
  const getVersioned = useCallback((id: string) => get(id), [get, version]);
  return { ids, orderKey: derived?.key ?? '', total, progress, problems, get: getVersioned, want, loadAll, version };
}
