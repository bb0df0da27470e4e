import { useMemo } from 'react';
import { lifecycleFunnel, type FunnelRow } from '../../../storage/reports/funnel';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { csvPercent, fmtCount, fmtPercent } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import type { SectionProps } from './types';

export function FunnelReport({ data, filters, csvName }: SectionProps) {
  const funnel = useMemo(() => lifecycleFunnel(data, filters), [data, filters]);
  const rows = funnel.stages.some((s) => s.reached > 0) ? funnel.stages : [];
  const drill = (r: FunnelRow) => ({ name: t('reports.drill.name', { figure: `${t('reports.funnel.title')} · ${r.label}` }), recordIds: r.recordIds });
  const columns: Column<FunnelRow>[] = [
    { header: t('reports.col.lifecycleStage'), show: (r) => r.label },
    { header: t('reports.col.reached'), show: (r) => fmtCount(r.reached), csv: (r) => r.reached, numeric: true, drill },
    { header: t('reports.col.conversion'), show: (r) => fmtPercent(r.conversion), csv: (r) => csvPercent(r.conversion), numeric: true },
  ];
  return (
    <ReportCard
      id="funnel"
      title={t('reports.funnel.title')}
      note={t('reports.funnel.note', { count: funnel.withoutStage.count })}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.stageId}
      csvName={csvName('lifecycle-funnel')}
      chart={(open) => (
        <BarsChart
          label={t('reports.funnel.title')}
          data={rows.map((r) => ({ label: r.label, reached: r.reached }))}
          xKey="label"
          horizontal
          series={[{ key: 'reached', name: t('reports.col.reached'), color: PALETTE[4]! }]}
          formatLeft={fmtCount}
          onBarClick={(i) => open(rows[i] && drill(rows[i]))}
        />
      )}
    />
  );
}
