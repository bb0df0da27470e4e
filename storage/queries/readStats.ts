/**
 * What the table's reads cost, counted where they happen, for tests (the e2e reads it through the
 * page's modules): records materialised per read path, and how many reads loaded a whole folder.
 * A counter, not a timing, so a test can say "no whole-folder read on this path" on any machine.
 */
export type ReadPath = 'page' | 'changed' | 'wholeFolder' | 'folderIndex';

type Stats = { wholeFolderReads: number; materialised: Record<ReadPath, number>; reset: () => void };

/**
 * Kept on globalThis (`__threadlineReadStats`) so an end-to-end test reads the page's own counts
 * from outside its bundle; every copy of this module in a page shares them.
 */
const holder = globalThis as { __threadlineReadStats?: Stats };
const stats: Stats = (holder.__threadlineReadStats ??= {
  wholeFolderReads: 0,
  materialised: { page: 0, changed: 0, wholeFolder: 0, folderIndex: 0 },
  reset: () => resetReadStats(),
});

export function countRead(path: ReadPath, records: number): void {
  stats.materialised[path] += records;
  if (path === 'wholeFolder') stats.wholeFolderReads += 1;
}

/** A whole-folder read that arrives in chunks (the in-memory folder index) counts once, when it starts. */
export function countWholeFolderRead(): void {
  stats.wholeFolderReads += 1;
}

export function readStats(): { wholeFolderReads: number; materialised: Record<ReadPath, number> } {
  return { wholeFolderReads: stats.wholeFolderReads, materialised: { ...stats.materialised } };
}

export function resetReadStats(): void {
  stats.wholeFolderReads = 0;
  for (const k of Object.keys(stats.materialised) as ReadPath[]) stats.materialised[k] = 0;
}
