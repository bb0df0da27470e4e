import type { ThreadlineDB } from '../db/db';
import type { Folder, Pipeline } from '../model/entities';
import type { Field } from '../model/field';

export type FolderSchema = { folder: Folder; fields: Field[]; pipelines: Pipeline[] };

import { NotFoundError } from '../model/errors';

export { NotFoundError };

/** A folder with its fields in display order and the workspace's pipelines. */
export async function loadFolderSchema(db: ThreadlineDB, folderId: string): Promise<FolderSchema> {
  const [folder, fields, pipelines] = await Promise.all([
    db.folders.get(folderId),
    db.fields.where('folderId').equals(folderId).sortBy('order'),
    db.pipelines.orderBy('id').toArray(),
  ]);
  if (!folder) throw new NotFoundError('folder', folderId);
  pipelines.sort((a, b) => a.order - b.order);
  return { folder, fields, pipelines };
}
