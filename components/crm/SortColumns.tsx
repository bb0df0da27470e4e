import type { Field } from '../../storage/model/field';
import type { ViewSort } from '../../storage/views/viewQuery';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';

/** Sort keys in priority order; each one breaks the ties of the one before. */
export function SortEditor({ fields, sort, onChange }: { fields: readonly Field[]; sort: readonly ViewSort[]; onChange: (s: ViewSort[]) => void }) {
  const set = (i: number, next: ViewSort) => onChange(sort.map((s, j) => (j === i ? next : s)));
  const unused = fields.filter((f) => !sort.some((s) => s.fieldId === f.id));
  return (
    <section className="tl-panel" aria-label={t('views.sort')}>
      {sort.map((s, i) => {
        const n = i + 1;
        return (
          <div key={s.fieldId} className="tl-filter-row" role="group" aria-label={t('views.sortN', { n })}>
            <select aria-label={t('views.sortField', { n })} value={s.fieldId} onChange={(e) => set(i, { ...s, fieldId: e.target.value })}>
              {fields.filter((f) => f.id === s.fieldId || unused.includes(f)).map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
            </select>
            <select aria-label={t('views.sortDirection', { n })} value={s.direction} onChange={(e) => set(i, { ...s, direction: e.target.value as ViewSort['direction'] })}>
              <option value="asc">{t('views.asc')}</option>
              <option value="desc">{t('views.desc')}</option>
            </select>
            <button type="button" aria-label={t('views.removeSort', { n })} onClick={() => onChange(sort.filter((_, j) => j !== i))}><Icon name="remove" size={14} /></button>
          </div>
        );
      })}
      {unused[0] && (
        <button type="button" onClick={() => onChange([...sort, { fieldId: unused[0]!.id, direction: 'asc' }])}>
          <Icon name="add" size={14} /> {t('views.addSort')}
        </button>
      )}
    </section>
  );
}

/** Which fields are columns, and in what order: checkboxes to show, buttons to move (keyboard friendly). */
export function ColumnPicker({ fields, columns, onChange }: { fields: readonly Field[]; columns: readonly string[]; onChange: (c: string[]) => void }) {
  const shown = columns.filter((id) => fields.some((f) => f.id === id));
  const ordered = [...shown.map((id) => fields.find((f) => f.id === id)!), ...fields.filter((f) => !shown.includes(f.id))];
  const move = (id: string, by: number) => {
    const i = shown.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= shown.length) return;
    const next = [...shown];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <section className="tl-panel" aria-label={t('views.columns')}>
      <ol className="tl-column-list">
        {ordered.map((f) => {
          const on = shown.includes(f.id);
          return (
            <li key={f.id}>
              <label>
                <input type="checkbox" checked={on} onChange={() => onChange(on ? shown.filter((x) => x !== f.id) : [...shown, f.id])} />
                {t('views.showColumn', { field: f.label })}
              </label>
              {on && (
                <span className="tl-inline">
                  <button type="button" aria-label={t('views.moveUp', { field: f.label })} disabled={shown.indexOf(f.id) === 0} onClick={() => move(f.id, -1)}><Icon name="moveUp" size={14} /></button>
                  <button type="button" aria-label={t('views.moveDown', { field: f.label })} disabled={shown.indexOf(f.id) === shown.length - 1} onClick={() => move(f.id, 1)}><Icon name="moveDown" size={14} /></button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
