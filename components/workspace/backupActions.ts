import type { ThreadlineDB } from '../../storage/db/db';
import { backupFileName, exportBackup } from '../../storage/backup/exportBackup';
import { noteBackupTaken } from '../../storage/backup/schedule';
import { activeWorkspace } from '../../sync/state';
import { downloadParts } from '../import/download';

/** Builds the backup of the open workspace and hands it to the browser's downloads. */
export async function downloadBackup(db: ThreadlineDB): Promise<number> {
  const name = (await activeWorkspace(db))?.name ?? '';
  const file = await exportBackup(db, name);
  downloadParts(backupFileName(), file.parts, 'application/json');
  await noteBackupTaken(db);
  return file.counts.records;
}
