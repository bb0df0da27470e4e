import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, useEffect } from 'react';
import type { CrmRecord, Folder, View } from '../../storage/model/entities';
import type { FolderSchema } from '../../storage/folders/schema';
import { folderCounts, folderRecords, folderViews, listViews, recordTitles } from '../../storage/queries/crm';
import { runView, type ViewQuery } from '../../storage/views/viewQuery';
import { useDb } from '../shell/DbProvider';
import { useCoalescedQuery } from './useCoalescedQuery';

/**
 * A folder's records, newest change first: one query for the whole table (never one per row),
 * re-read after changes to records but coalesced, since a folder can hold 50,000 of them.
 */
export function useFolderRecords(folderId: string | undefined): CrmRecord[] | undefined {
  return useCoalescedQuery('records', async (db) => (folderId ? folderRecords(db, folderId) : []), [folderId]);
}

export function useFolderViews(folderId: string | undefined): View[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (folderId ? folderViews(db, folderId) : []), [db, folderId]);
}

export function useAllViews(): View[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listViews(db), [db]);
}

/** Record counts per folder. */
export function useFolderCounts(folders: readonly Folder[] | undefined): Map<string, number> | undefined {
  const db = useDb();
  const key = folders?.map((f) => f.id).join(',') ?? '';
  return useLiveQuery(() => folderCounts(db, key ? key.split(',') : []), [db, key]);
}

const NO_TITLES: ReadonlyMap<string, string> = new Map();

/** Titles of linked records, for the rows on screen only: one query per scrolled window, not per row. */
export function useRecordTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const db = useDb();
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(() => recordTitles(db, key ? key.split(',') : []), [db, key]) ?? NO_TITLES;
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
