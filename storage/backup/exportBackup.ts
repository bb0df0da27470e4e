import type { ThreadlineDB } from '../db/db';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, portable, type BackupTable } from './format';

export type BackupFile = { parts: string[]; counts: Record<BackupTable, number> };

/**
 * The whole workspace as one versioned JSON document, read in one transaction so it is a
 * consistent snapshot. Returned as parts (one per row), so a workspace of 100,000 records never
 * needs one giant string: the caller hands the parts to a Blob.
 */
export async function exportBackup(db: ThreadlineDB, workspaceName: string, now = Date.now()): Promise<BackupFile> {
  return db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const counts = {} as Record<BackupTable, number>;
    const parts: string[] = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${now},"workspaceName":${JSON.stringify(workspaceName)},"tables":{`];
    for (const [ti, table] of BACKUP_TABLES.entries()) {
      const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
      counts[table] = rows.length;
      parts.push(`${ti ? ',' : ''}${JSON.stringify(table)}:[`);
      rows.forEach((row, i) => parts.push((i ? ',' : '') + JSON.stringify(portable(table, row))));
      parts.push(']');
    }
    parts.push('}}');
    return { parts, counts };
  });
}

/** "threadline-backup-2026-12-02.json": sorts by date in a downloads folder. */
export function backupFileName(now = new Date()): string {
  return `threadline-backup-${now.toISOString().slice(0, 10)}.json`;
}
