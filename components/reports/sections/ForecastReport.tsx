import { useMemo } from 'react';
import { forecastByMonth, type ForecastRow } from '../../../storage/reports/forecast';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount, fmtMoney, fmtMonth } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { useDrill } from '../useDrill';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';

export function ForecastReport({ data, filters, currency, currencies, csvName }: SectionProps) {
  const forecast = useMemo(() => forecastByMonth(data, filters), [data, filters]);
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = forecast.months;
  const drill = (r: ForecastRow) => ({ name: t('reports.drill.name', { figure: `${t('reports.forecast.title')} · ${fmtMonth(r.month)}` }), recordIds: r.recordIds });
  const columns: Column<ForecastRow>[] = [
    { header: t('reports.col.month'), show: (r) => fmtMonth(r.month), csv: (r) => r.month },
    { header: t('reports.col.deals'), show: (r) => fmtCount(r.count), csv: (r) => r.count, numeric: true, drill },
    ...moneyColumns<ForecastRow>(currencies, (c) => t('reports.col.amountIn', { currency: c }), (r) => r.amount, drill, currencyOf),
    ...moneyColumns<ForecastRow>(currencies, (c) => t('reports.col.weightedIn', { currency: c }), (r) => r.weighted, drill, currencyOf),
  ];
  const chartData = rows.map((r) => ({ label: fmtMonth(r.month), amount: r.amount[currency] ?? 0, weighted: r.weighted[currency] ?? 0 }));
  const undated = forecast.undated;
  return (
    <ReportCard
      id="forecast"
      title={t('reports.forecast.title')}
      note={t('reports.forecast.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.month}
      csvName={csvName('forecast')}
      controls={
        undated.count > 0 ? (
          <UndatedNote count={undated.count} recordIds={undated.recordIds} />
        ) : undefined
      }
      chart={(open) => (
        <BarsChart
          label={t('reports.forecast.title')}
          data={chartData}
          xKey="label"
          series={[
            { key: 'amount', name: t('reports.col.amountIn', { currency }), color: PALETTE[7]! },
            { key: 'weighted', name: t('reports.col.weightedIn', { currency }), color: PALETTE[0]! },
          ]}
          formatLeft={(v) => fmtMoney(v, currency)}
          onBarClick={(i) => open(rows[i] && drill(rows[i]))}
        />
      )}
    />
  );
}

/** Deals without an expected close date cannot be forecast: say so, and let people fix them. */
function UndatedNote({ count, recordIds }: { count: number; recordIds: string[] }) {
  const { drill, ui } = useDrill();
  return (
    <span className="tl-rp-aside">
      <button type="button" className="tl-rp-drill" onClick={() => void drill({ name: t('reports.drill.name', { figure: t('reports.forecast.undatedView') }), recordIds })}>
        {t('reports.forecast.undated', { count })}
      </button>
      {ui}
    </span>
  );
}
