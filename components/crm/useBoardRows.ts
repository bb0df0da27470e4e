import { useEffect, useMemo, useState } from 'react';
import { firstPageIds, planIndexed, recordsByIds } from '../../storage/queries/tableRows';
import { runView } from '../../storage/views/viewQuery';
import type { CrmRecord } from '../../storage/model/entities';
import type { FolderSchema } from '../../storage/folders/schema';
import type { ViewQuery } from '../../storage/views/viewQuery';
import { useDb } from '../shell/DbProvider';
import { useNow } from './data';
import { acquireFolderIndex, holdsFolderIndex, type SharedIndex } from './sharedFolderIndex';

export type BoardRows = {
  /** The view's records in order (filtered and sorted); undefined until the folder's index is built. */
  rows: readonly CrmRecord[] | undefined;
  /** Share of the folder's index built (0..1) while it builds. */
  progress: number | undefined;
  /** Records in the folder, from the same index (for "12 of 20,000"). */
  total: number | undefined;
  /** `rows` are only the folder's most recently changed records, shown while the index builds (columns' tops, no totals yet). */
  partial: boolean;
};

/** How many of the newest records paint the columns' tops while the index builds: a few screens of every column. */
const EARLY = 600;

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
    void (async () => {
      try {
        const ids = plan ? await firstPageIds(db, plan, EARLY) : undefined;
        if (!ids || !alive) return;
        const found = (await recordsByIds(db, ids)).flatMap((r) => r ?? []);
        if (alive) setEarly(found);
      } finally {
        if (alive) setSettled(true);
      }
    })();
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

  const index = shared?.entry.index;
  const ready = shared !== undefined && index?.ready === true;
  const version = shared?.version;
  const rows = useMemo(
    () => (ready && index ? index.run(query, schema.fields, { now, pipelines: schema.pipelines }).records : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks the index's applied changes
    [ready, index, version, query, schema.fields, schema.pipelines, now],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks the index's applied changes
  const total = useMemo(() => (ready && index ? index.size : undefined), [ready, index, version]);
  return { rows: rows ?? early.rows, progress: enabled ? (shared ? shared.progress : 0) : undefined, total, partial: !rows && !!early.rows };
}
