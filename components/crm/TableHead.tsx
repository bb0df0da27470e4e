import { memo } from 'react';
import type { Field } from '../../storage/model/field';
import type { ViewSort } from '../../storage/views/viewQuery';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';

type Props = {
  columns: readonly Field[];
  sort: readonly ViewSort[];
  onSort: (sort: ViewSort[]) => void;
  count: number;
  allSelected: boolean;
  onSelectAll: () => void;
};

function nextSort(sort: readonly ViewSort[], fieldId: string): ViewSort[] {
  const current = sort[0]?.fieldId === fieldId ? sort[0].direction : undefined;
  if (current === 'asc') return [{ fieldId, direction: 'desc' }];
  if (current === 'desc') return [];
  return [{ fieldId, direction: 'asc' }];
}

/**
 * The table's header row: select all, and a sort button per column (ascending, descending, off).
 * The first two columns stay put. Memoised: a scroll renders the table every frame, not its head.
 */
export const TableHead = memo(function TableHead({ columns, sort, onSort, count, allSelected, onSelectAll }: Props) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" className="tl-sticky">
          <input type="checkbox" aria-label={t('views.selectAll', { count })} checked={allSelected} onChange={onSelectAll} />
        </th>
        {columns.map((f, ci) => {
          const dir = sort[0]?.fieldId === f.id ? sort[0].direction : undefined;
          return (
            <th key={f.id} scope="col" className={ci === 0 ? 'tl-sticky tl-sticky-title' : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
              <button type="button" className="tl-th-button" title={t('views.sortByField', { field: f.label })} onClick={() => onSort(nextSort(sort, f.id))}>
                {f.label} {dir && <Icon name={dir === 'asc' ? 'sortAsc' : 'sortDesc'} size={13} />}
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
