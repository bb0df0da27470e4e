import { useMemo } from 'react';
import { pipelineByStage, type StageRow } from '../../../storage/reports/pipeline';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount, fmtMoney } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';

export function PipelineReport({ data, filters, currency, currencies, csvName }: SectionProps) {
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = useMemo(() => pipelineByStage(data, filters), [data, filters]);
  const several = new Set(rows.map((r) => r.pipelineId)).size > 1;
  const label = (r: StageRow) => (several ? `${r.pipelineName} · ${r.stageName}` : r.stageName);
  const drill = (r: StageRow) => ({ name: t('reports.drill.name', { figure: `${t('reports.pipeline.title')} · ${label(r)}` }), recordIds: r.recordIds });
  const columns: Column<StageRow>[] = [
    { header: t('reports.col.stage'), show: label },
    { header: t('reports.col.deals'), show: (r) => fmtCount(r.count), csv: (r) => r.count, numeric: true, drill },
    ...moneyColumns<StageRow>(currencies, (c) => t('reports.col.amountIn', { currency: c }), (r) => r.amount, drill, currencyOf),
    { header: t('reports.col.withoutAmount'), show: (r) => fmtCount(r.withoutAmount), csv: (r) => r.withoutAmount, numeric: true },
  ];
  const chartData = rows.map((r) => ({ label: label(r), count: r.count, amount: r.amount[currency] ?? 0 }));
  return (
    <ReportCard
      id="pipeline"
      title={t('reports.pipeline.title')}
      note={t('reports.pipeline.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.pipelineId}/${r.stageId}`}
      csvName={csvName('pipeline')}
      chart={(open) => (
        <BarsChart
          label={t('reports.pipeline.title')}
          data={chartData}
          xKey="label"
          series={[
            { key: 'count', name: t('reports.col.deals'), color: PALETTE[0]! },
            { key: 'amount', name: t('reports.col.amountIn', { currency }), color: PALETTE[2]!, axis: 'right' },
          ]}
          formatLeft={fmtCount}
          formatRight={(v) => fmtMoney(v, currency)}
          onBarClick={(i) => open(rows[i] && drill(rows[i]))}
        />
      )}
    />
  );
}
