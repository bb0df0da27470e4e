import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import type { ThreadlineDB } from '../../storage/db/db';
import { useDb } from '../shell/DbProvider';
import { inBackground } from '../../storage/queries/inBackground';

/** Whether a change feed entry touches `table` of Threadline's database (any index, any tab). */
function touches(parts: ObservabilitySet, db: ThreadlineDB, table: string): boolean {
  const prefix = `idb://${db.name}/${table}/`;
  return Object.keys(parts).some((part) => part.startsWith(prefix));
}

/**
 * Like useLiveQuery, for reads that grow with the workspace (a whole folder of 50,000 records).
 * A live query re-runs after every committed change; during an import or a sync catch-up that is
 * every batch, and re-reading the folder each time took the page's whole time (the import in the
 * same page slowed to a crawl). Here changes to `table` are coalesced: after each run the query
 * waits at least as long as that run took, so a stream of writes gets at least half the time.
 * The query reads the database bound by DbProvider, which it is given.
 */
export function useCoalescedQuery<T>(table: string, query: (db: ThreadlineDB) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDb();
  const [result, setResult] = useState<{ deps: readonly unknown[]; value: T }>();
  useEffect(() => {
    let alive = true;
    let running = false;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let readyAt = 0;
    const run = async () => {
      running = true;
      pending = false;
      const started = performance.now();
      try {
        const value = await query(db);
        if (alive) setResult({ deps, value });
      } finally {
        running = false;
        readyAt = performance.now() + (performance.now() - started);
        if (pending && alive) schedule();
      }
    };
    const schedule = () => {
      pending = true;
      if (running || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (alive) inBackground(run());
      }, Math.max(0, readyAt - performance.now()));
    };
    // Returns nothing on purpose: Dexie stops calling the other listeners of 'storagemutated' (every
    // live query of the page subscribed before this one) when a listener returns false.
    const onMutated = (parts: ObservabilitySet): void => {
      if (touches(parts, db, table)) schedule();
    };
    Dexie.on('storagemutated', onMutated);
    inBackground(run());
    return () => {
      alive = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide, as with useLiveQuery
  }, [db, ...deps]);
  // A result computed for other deps (another folder) is not shown for these.
  return result && result.deps.length === deps.length && result.deps.every((d, i) => Object.is(d, deps[i])) ? result.value : undefined;
}
