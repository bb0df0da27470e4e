import type { ThreadlineDB } from '../db/db';
import type { Field } from '../model/field';

/** The fields of the first deals folder, in order: what a "set a field" action may set. */
export async function automationDealFields(db: ThreadlineDB): Promise<Field[]> {
  const folder = (await db.folders.toArray()).filter((f) => f.kind === 'deals').sort((a, b) => a.order - b.order)[0];
  return folder ? db.fields.where('folderId').equals(folder.id).sortBy('order') : [];
}
