import type { ThreadlineDB } from '../db/db';
import type { Folder } from '../model/entities';
import type { Field } from '../model/field';

const firstOfKind = (folders: readonly Folder[], kind: Folder['kind']) =>
  folders.filter((f) => f.kind === kind).sort((a, b) => a.order - b.order)[0];

/** The folders the reports' records come from: the first deals and contacts folders, every companies folder. */
export function reportFolders(folders: readonly Folder[]) {
  const deals = firstOfKind(folders, 'deals');
  const contacts = firstOfKind(folders, 'contacts');
  const companies = folders.filter((f) => f.kind === 'companies');
  return { deals, contacts, companies, ids: new Set([deals?.id, contacts?.id, ...companies.map((f) => f.id)].filter((id): id is string => !!id)) };
}

/** Folders, pipelines (in order) and each folder's fields: small tables, read whole. */
export async function readSchema(db: ThreadlineDB) {
  const [folders, pipelines, allFields] = await Promise.all([db.folders.toArray(), db.pipelines.toArray(), db.fields.toArray()]);
  pipelines.sort((a, b) => a.order - b.order);
  const fieldsByFolder = new Map<string, Field[]>();
  for (const f of allFields) fieldsByFolder.set(f.folderId, [...(fieldsByFolder.get(f.folderId) ?? []), f]);
  return { folders, pipelines, fieldsByFolder };
}

