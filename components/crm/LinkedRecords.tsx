import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db/db';
import type { CrmRecord } from '../../storage/model/entities';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import { recordsLinking } from '../../storage/queries/queries';
import type { FolderSchema } from '../../storage/folders/schema';
import { t } from '../../i18n';
import { routeHref } from '../shell/router';

type Group = { key: string; label: string; records: CrmRecord[] };

/** Links both ways: the records this one points at, and the records pointing at it (a company's contacts and deals). */
function useLinkGroups(record: CrmRecord, schema: FolderSchema): Group[] | undefined {
  return useLiveQuery(async () => {
    const outgoing = schema.fields.filter((f) => FIELD_REGISTRY[f.type].indexAs === 'linkedIds');
    const groups: Group[] = [];
    for (const f of outgoing) {
      const ids = (record.values[f.id] as string[] | undefined) ?? [];
      const found = (await db.records.bulkGet(ids)).filter((r) => r !== undefined);
      if (found.length) groups.push({ key: `out-${f.id}`, label: f.label, records: found });
    }
    const incoming = await recordsLinking(record.id);
    const [folders, fields] = await Promise.all([db.folders.toArray(), db.fields.toArray()]);
    const byGroup = new Map<string, Group>();
    for (const other of incoming) {
      const via = fields.filter((f) => f.folderId === other.folderId && Array.isArray(other.values[f.id]) && (other.values[f.id] as string[]).includes(record.id));
      for (const f of via) {
        const folder = folders.find((x) => x.id === other.folderId);
        const key = `in-${f.id}`;
        const group = byGroup.get(key) ?? { key, label: t('views.record.linkedFrom', { folder: folder?.name ?? '', field: f.label }), records: [] };
        group.records.push(other);
        byGroup.set(key, group);
      }
    }
    return [...groups, ...byGroup.values()];
  }, [record, schema]);
}

export function LinkedRecords({ record, schema }: { record: CrmRecord; schema: FolderSchema }) {
  const groups = useLinkGroups(record, schema);
  return (
    <section aria-label={t('views.record.links')}>
      <h3 className="tl-section">{t('views.record.links')}</h3>
      {groups?.length === 0 && <p className="tl-muted">{t('views.record.noLinks')}</p>}
      {groups?.map((g) => (
        <div key={g.key} className="tl-link-group">
          <h4>{g.label}</h4>
          <ul className="tl-plain-list">
            {g.records.map((r) => (
              <li key={r.id}><a href={routeHref({ page: 'record', recordId: r.id })}>{r.title || t('common.untitled')}</a></li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
