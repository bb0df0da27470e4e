import { useLiveQuery } from 'dexie-react-hooks';
import { useState, useEffect } from 'react';
import type { Folder, View } from '../../storage/model/entities';
import { folderCounts, folderViews, listViews, recordTitles } from '../../storage/queries/crm';
import { useDb } from '../shell/DbProvider';

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
