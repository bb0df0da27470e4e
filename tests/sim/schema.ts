import type { ThreadlineDB } from '../../storage/db/db';

/** storage/schemaLoad.ts reads the app's single database; the simulation has one per replica. */
export async function loadSchemaIn(db: ThreadlineDB, folderId: string) {
  const [folder, fields] = await Promise.all([db.folders.get(folderId), db.fields.where('folderId').equals(folderId).sortBy('order')]);
  if (!folder) throw new Error(`no folder ${folderId}`);
  return { folder, fields };
}
