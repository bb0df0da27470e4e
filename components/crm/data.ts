import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, useEffect } from 'react';
import { db } from '../../storage/db/db';
import type { CrmRecord, Folder, View } from '../../storage/model/entities';
import type { FolderSchema } from '../../storage/folders/schema';
import { byRecentChange, runView, type ViewQuery } from '../../storage/views/viewQuery';
import { useCoalescedQuery } from './useCoalescedQuery';

/**
 * A folder's records, newest change first: one query for the whole table (never one per row),
 * re-read after changes to records but coalesced, since a folder can hold 50,000 of them.
 */
export function useFolderRecords(folderId: string | undefined): CrmRecord[] | undefined {
  return useCoalescedQuery('records', async () => (folderId ? byRecentChange(await db.records.where('folderId').equals(folderId).toArray()) : []), [folderId]);
}

export function useFolderViews(folderId: string | undefined): View[] | undefined {
  return useLiveQuery(
    async () => (folderId ? (await db.views.where('folderId').equals(folderId).toArray()).sort((a, b) => a.order - b.order) : []),
    [folderId],
  );
}

export function useAllViews(): View[] | undefined {
  return useLiveQuery(async () => (await db.views.toArray()).sort((a, b) => a.order - b.order), []);
}

/** Record counts per folder through the folderId index: counting keys reads no records. */
export function useFolderCounts(folders: readonly Folder[] | undefined): Map<string, number> | undefined {
  const key = folders?.map((f) => f.id).join(',') ?? '';
  return useLiveQuery(async () => {
    const ids = key ? key.split(',') : [];
    const counts = await Promise.all(ids.map((id) => db.records.where('folderId').equals(id).count()));
    return new Map(ids.map((id, i) => [id, counts[i]!]));
  }, [key]);
}

const NO_TITLES: ReadonlyMap<string, string> = new Map();

/** Titles of linked records, for the rows on screen only: one query per scrolled window, not per row. */
export function useRecordTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(ids)].sort().join(',');
  return (
    useLiveQuery(async () => {
      const list = key ? key.split(',') : [];
      const found = await db.records.bulkGet(list);
      return new Map(found.flatMap((r) => (r ? [[r.id, r.title] as [string, string]] : [])));
    }, [key]) ?? NO_TITLES
  );
}

/** "Now" for relative date filters, refreshed each minute so "today" rolls over on an open page. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useViewRows(records: CrmRecord[] | undefined, schema: FolderSchema | undefined, query: ViewQuery) {
  const now = useNow();
  return useMemo(() => {
    if (!records || !schema) return undefined;
    return runView(records, schema.fields, query, { now, pipelines: schema.pipelines });
  }, [records, schema, query, now]);
}
