import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { loadReportDeals, loadReportPeople, withPeople } from '../../storage/reports/load';
import { currenciesOf } from '../../storage/reports/money';
import { resolvePeriod } from '../../storage/reports/period';
import { localToday } from '../../storage/reports/relativeDates';
import type { Period, ReportFilters as Filters } from '../../storage/reports/types';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { DemoDataButton, useDemoSeeding } from './DemoDataButton';
import { ReportFilters, type FilterState } from './ReportFilters';
import { ActivityReport } from './sections/ActivityReport';
import { CampaignReport } from './sections/CampaignReport';
import { ForecastReport } from './sections/ForecastReport';
import { FunnelReport } from './sections/FunnelReport';
import { PipelineReport } from './sections/PipelineReport';
import { ProductReport } from './sections/ProductReport';
import type { SectionProps } from './sections/types';
import { LoadingCard } from './ReportCard';
import { TopCustomersReport } from './sections/TopCustomersReport';
import { WinRateReport } from './sections/WinRateReport';
import './reports.css';

/** A custom period with one end still blank is open on that side. */
function periodOf(f: FilterState, today: string): Period {
  if (f.preset !== 'custom') return resolvePeriod(f.preset, today);
  return { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
}

const INITIAL: FilterState = { preset: 'all', from: '', to: '', owner: '', pipelineId: '', currency: '' };

/** The analytical CRM: every report over the same filters, each figure a door to its records. */
export function ReportsPage() {
  const db = useDb();
  const [state, setState] = useState<FilterState>(INITIAL);
  const demo = useDemoSeeding();
  const canWrite = useCanWrite();
  const today = localToday();
  const period = periodOf(state, today);
  // The records in two parts (every report filters them by period itself): the deal reports show
  // from the deals part without waiting for 50,000 contacts; activity by rep loads the period's
  // activities on its own, so a new email or note does not re-read the deals and contacts.
  const deals = useLiveQuery(() => loadReportDeals(db), [db]);
  const people = useLiveQuery(() => loadReportPeople(db), [db]);
  const data = useMemo(() => deals && (people ? withPeople(deals, people) : deals), [deals, people]);
  // Rebuilt only when a bound changes, so the reports' memoised figures are not recomputed each render.
  const filters: Filters = useMemo(
    () => ({
      period: { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) },
      ...(state.owner ? { owner: state.owner } : {}),
      ...(state.pipelineId ? { pipelineId: state.pipelineId } : {}),
    }),
    [period.from, period.to, state.owner, state.pipelineId],
  );
  const currencies = useMemo(() => currenciesOf((data?.deals ?? []).map((d) => (d.amount ? { [d.amount.currency]: 1 } : {}))), [data]);
  const owners = useMemo(
    () => [...new Set([...(data?.deals ?? []), ...(data?.contacts ?? [])].map((r) => r.owner).filter((o): o is string => !!o))].sort(),
    [data],
  );
  const currency = currencies.includes(state.currency) ? state.currency : (currencies[0] ?? 'EUR');
  const range = period.from || period.to ? `${period.from ?? ''}_${period.to ?? ''}` : 'all-time';

  return (
    <div className="tl-rp-page">
      <header className="tl-toolbar">
        <h2>{t('reports.title')}</h2>
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      <ReportFilters value={{ ...state, currency }} onChange={setState} owners={owners} pipelines={data?.pipelines ?? []} currencies={currencies} />
      {!data || (data.deals.length === 0 && !people) ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : demo.state !== 'idle' || (data.deals.length === 0 && data.contacts.length === 0) ? (
        <DemoDataButton state={demo.state} onLoad={demo.start} canWrite={canWrite} />
      ) : (
        <Sections data={data} people={!!people} filters={filters} currency={currency} currencies={currencies} csvName={(r) => `threadline-${r}-${range}.csv`} />
      )}
    </div>
  );
}

function Sections(props: SectionProps) {
  return (
    <div className="tl-rp-grid">
      <PipelineReport {...props} />
      <ForecastReport {...props} />
      <WinRateReport {...props} />
      {props.people ? <CampaignReport {...props} /> : <LoadingCard id="campaigns" title={t('reports.campaigns.title')} />}
      <ActivityReport {...props} />
      {props.people ? <FunnelReport {...props} /> : <LoadingCard id="funnel" title={t('reports.funnel.title')} />}
      <ProductReport kind="revenueByProduct" {...props} />
      <ProductReport kind="pipelineByProduct" {...props} />
      <TopCustomersReport {...props} />
    </div>
  );
}
