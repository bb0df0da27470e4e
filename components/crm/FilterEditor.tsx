import { useId } from 'react';
import type { Field } from '../../storage/model/field';
import type { Pipeline } from '../../storage/model/entities';
import { filterOps, type FilterInput } from '../../storage/model/filterRegistry';
import { RecordPicker } from '../pickers/RecordPicker';
import type { FilterProblem, ViewFilter } from '../../storage/views/viewQuery';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { opLabel } from './labels';

type Props = {
  fields: readonly Field[];
  pipelines: readonly Pipeline[];
  filters: readonly ViewFilter[];
  problems: readonly FilterProblem[];
  onChange: (filters: ViewFilter[]) => void;
};

/** A link filter's record ("Company includes Acme"): one record, by type-ahead. */
function FilterRecord({ folderId, value, onChange, label }: { folderId: string; value: string; onChange: (v: unknown) => void; label: string }) {
  const id = useId();
  return (
    <span className="tl-filter-record">
      <label htmlFor={id} className="tl-visually-hidden">{label}</label>
      <RecordPicker folderId={folderId} value={value ? [value] : undefined} onChange={(ids) => onChange(ids?.at(-1) ?? '')} inputId={id} label={label} multiple={false} />
    </span>
  );
}

/** The argument control for an operator, chosen by the kind of input the operator declares. */
export function FilterValue({ input, field, pipelines, value, onChange, label }: {
  input: FilterInput; field: Field; pipelines: readonly Pipeline[]; value: unknown; onChange: (v: unknown) => void; label: string;
}) {
  const target = field.settings.targetFolderId ?? '';
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  switch (input) {
    case 'none':
      return null;
    case 'number':
      return <input aria-label={label} type="number" step="any" value={text} onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))} />;
    case 'days':
      return (
        <span className="tl-inline">
          <input aria-label={label} type="number" min={0} step={1} value={text} onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))} className="tl-narrow" />
          {t('views.filterDays')}
        </span>
      );
    case 'date':
      return <input aria-label={label} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'option':
    case 'options': {
      const multiple = input === 'options';
      const selected = Array.isArray(value) ? value.map(String) : text;
      return (
        <select aria-label={label} multiple={multiple} value={selected} onChange={(e) => onChange(multiple ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value)}>
          {!multiple && <option value="">—</option>}
          {field.options?.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      );
    }
    case 'stage':
      return (
        <select aria-label={label} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {pipelines.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.stages.map((s) => <option key={s.id} value={`${p.id}/${s.id}`}>{s.name}</option>)}
            </optgroup>
          ))}
        </select>
      );
    case 'record':
      // Type-ahead over the index: a list of the folder's first 500 records missed the rest.
      return <FilterRecord folderId={target} value={text} onChange={onChange} label={label} />;
    default:
      return <input aria-label={label} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** Rows of "field · operator · value"; every row must hold. Operators come from the field's type. */
export function FilterEditor({ fields, pipelines, filters, problems, onChange }: Props) {
  const set = (i: number, next: ViewFilter) => onChange(filters.map((f, j) => (j === i ? next : f)));
  const first = fields[0];
  return (
    <section className="tl-panel" aria-label={t('views.filters')}>
      {filters.length === 0 && <p className="tl-muted">{t('views.noFilters')}</p>}
      {filters.map((f, i) => {
        const field = fields.find((x) => x.id === f.fieldId);
        const ops = field ? filterOps(field) : [];
        const input = ops.find((o) => o.op === f.op)?.input ?? 'none';
        const n = i + 1;
        return (
          <div key={i} className="tl-filter-row" role="group" aria-label={t('views.filterN', { n })}>
            <select aria-label={t('views.filterField', { n })} value={f.fieldId} onChange={(e) => {
              const nf = fields.find((x) => x.id === e.target.value)!;
              set(i, { fieldId: nf.id, op: filterOps(nf)[0]!.op, value: '' });
            }}>
              {!field && <option value={f.fieldId}>{t('views.deletedField')}</option>}
              {fields.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
            </select>
            <select aria-label={t('views.filterOp', { n })} value={f.op} onChange={(e) => set(i, { ...f, op: e.target.value, value: '' })}>
              {ops.map((o) => <option key={o.op} value={o.op}>{opLabel(o.op)}</option>)}
            </select>
            {field && <FilterValue input={input} field={field} pipelines={pipelines} value={f.value} label={t('views.filterValue', { n })} onChange={(v) => set(i, { ...f, value: v })} />}
            <button type="button" aria-label={t('views.removeFilter', { n })} onClick={() => onChange(filters.filter((_, j) => j !== i))}><Icon name="remove" size={14} /></button>
            {problems.some((p) => p.index === i) && <small className="tl-error-text">{t('views.filterProblem')}</small>}
          </div>
        );
      })}
      {first && (
        <button type="button" onClick={() => onChange([...filters, { fieldId: first.id, op: filterOps(first)[0]!.op, value: '' }])}>
          <Icon name="add" size={14} /> {t('views.addFilter')}
        </button>
      )}
    </section>
  );
}
