import { useLiveQuery } from 'dexie-react-hooks';
import type { CrmRecord } from '../../storage/model/entities';
import { linkGroups } from '../../storage/queries/crm';
import type { FolderSchema } from '../../storage/folders/schema';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { routeHref } from '../shell/router';

type Group = { key: string; label: string; records: CrmRecord[] };

/** Links both ways: the records this one points at, and the records pointing at it (a company's contacts and deals). */
function useLinkGroups(record: CrmRecord, schema: FolderSchema): Group[] | undefined {
  const db = useDb();
  const groups = useLiveQuery(() => linkGroups(db, record, schema), [db, record, schema]);
  return groups?.map((g) => ({
    key: g.key,
    label: g.direction === 'out' ? g.field.label : t('views.record.linkedFrom', { folder: g.folder?.name ?? '', field: g.field.label }),
    records: g.records,
  }));
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
