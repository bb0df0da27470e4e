import { useEffect, useState } from 'react';
import { LinkIndex, loadLinkIndexes } from '../../storage/csv/linkIndex';
import { planLinkColumns } from '../../storage/csv/links';
import type { ColumnMapping } from '../../storage/csv/mapping';
import { loadFolderSchema, type FolderSchema } from '../../storage/folders/schema';
import { useDb } from '../shell/DbProvider';

/**
 * The link target folders' indexes the preview resolves sample cells against: read once per set
 * of targets (not on every mapping change or record write), as the import itself reads them.
 * `undefined` while they load.
 */
export function useLinkIndexes(schema: FolderSchema, mapping: ColumnMapping): ReadonlyMap<string, LinkIndex> | undefined {
  const db = useDb();
  const targets = [...new Set(planLinkColumns(mapping, schema.fields).columns.map((c) => c.targetFolderId))].sort();
  const key = targets.join('|');
  const [loaded, setLoaded] = useState<{ key: string; indexes: ReadonlyMap<string, LinkIndex> }>();
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('|') : [];
    void Promise.all(ids.map((id) => loadFolderSchema(db, id).catch(() => undefined)))
      .then((schemas) => loadLinkIndexes(db, schemas.filter((s): s is FolderSchema => s !== undefined)))
      .then((indexes) => live && setLoaded({ key, indexes }));
    return () => {
      live = false;
    };
  }, [db, key]);
  return loaded?.key === key ? loaded.indexes : undefined;
}
