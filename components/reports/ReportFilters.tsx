import { PERIOD_PRESETS, type PeriodPreset } from '../../storage/reports/period';
import type { Pipeline } from '../../storage/model/entities';
import { t, type PlainKey } from '../../i18n';

export type FilterState = {
  preset: PeriodPreset | 'custom';
  from: string;
  to: string;
  owner: string;
  pipelineId: string;
  currency: string;
};

const PRESET_LABEL: Record<PeriodPreset | 'custom', PlainKey> = {
  all: 'reports.period.all',
  thisMonth: 'reports.period.thisMonth',
  lastMonth: 'reports.period.lastMonth',
  thisQuarter: 'reports.period.thisQuarter',
  nextQuarter: 'reports.period.nextQuarter',
  thisYear: 'reports.period.thisYear',
  lastYear: 'reports.period.lastYear',
  last12Months: 'reports.period.last12Months',
  next12Months: 'reports.period.next12Months',
  custom: 'reports.period.custom',
};

type Props = {
  value: FilterState;
  onChange: (next: FilterState) => void;
  owners: readonly string[];
  pipelines: readonly Pipeline[];
  currencies: readonly string[];
};

/** Period, owner and pipeline apply to every report; the currency picks what money charts plot. */
export function ReportFilters({ value, onChange, owners, pipelines, currencies }: Props) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <form className="tl-rp-filters" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('reports.filter.period')}
        <select value={value.preset} onChange={(e) => set({ preset: e.target.value as FilterState['preset'] })}>
          {[...PERIOD_PRESETS, 'custom' as const].map((p) => (
            <option key={p} value={p}>
              {t(PRESET_LABEL[p])}
            </option>
          ))}
        </select>
      </label>
      {value.preset === 'custom' && (
        <>
          <label>
            {t('reports.filter.from')}
            <input type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label>
            {t('reports.filter.to')}
            <input type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
          </label>
        </>
      )}
      <label>
        {t('reports.filter.owner')}
        <select value={value.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">{t('reports.filter.anyone')}</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filter.pipeline')}
        <select value={value.pipelineId} onChange={(e) => set({ pipelineId: e.target.value })}>
          <option value="">{t('reports.filter.allPipelines')}</option>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {currencies.length > 1 && (
        <label>
          {t('reports.filter.currency')}
          <select value={value.currency} onChange={(e) => set({ currency: e.target.value })}>
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
    </form>
  );
}
