import { useMemo, useState } from 'react';
import { winRates, type WinRateRow } from '../../../storage/reports/winRate';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { csvPercent, csvRound, fmtCount, fmtDays, fmtPercent } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';
import { LostReasonsReport } from './LostReasonsReport';

type By = 'owner' | 'pipeline';

export function WinRateReport({ data, filters, currencies, csvName }: SectionProps) {
  const [by, setBy] = useState<By>('owner');
  const result = useMemo(() => winRates(data, filters), [data, filters]);
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = by === 'owner' ? result.byOwner : result.byPipeline;
  const label = (r: WinRateRow) => r.label || t('reports.unassigned');
  const name = (r: WinRateRow, what: string) => t('reports.drill.name', { figure: `${t('reports.winRate.title')} · ${label(r)} · ${what}` });
  const closed = (r: WinRateRow) => ({ name: name(r, t('reports.col.closed')), recordIds: r.recordIds });
  const won = (r: WinRateRow) => ({ name: name(r, t('reports.col.won')), recordIds: r.wonIds });
  const columns: Column<WinRateRow>[] = [
    { header: by === 'owner' ? t('reports.col.owner') : t('reports.col.pipeline'), show: label },
    { header: t('reports.col.won'), show: (r) => fmtCount(r.won), csv: (r) => r.won, numeric: true, drill: won },
    { header: t('reports.col.lost'), show: (r) => fmtCount(r.lost), csv: (r) => r.lost, numeric: true, drill: closed },
    { header: t('reports.col.winRate'), show: (r) => fmtPercent(r.winRate), csv: (r) => csvPercent(r.winRate), numeric: true, drill: closed },
    { header: t('reports.col.cycle'), show: (r) => fmtDays(r.avgCycleDays), csv: (r) => csvRound(r.avgCycleDays), numeric: true, drill: closed },
    ...moneyColumns<WinRateRow>(currencies, (c) => t('reports.col.wonAmountIn', { currency: c }), (r) => r.wonAmount, won, currencyOf),
  ];
  const chartData = rows.map((r) => ({ label: label(r), winRate: Math.round((r.winRate ?? 0) * 1000) / 10, cycle: csvRound(r.avgCycleDays) ?? 0 }));
  return (
    <>
      <ReportCard
        id="winRate"
        title={t('reports.winRate.title')}
        note={t('reports.winRate.note')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        csvName={csvName(`win-rate-by-${by}`)}
        controls={
          <label className="tl-rp-control">
            {t('reports.groupBy')}{' '}
            <select value={by} onChange={(e) => setBy(e.target.value as By)}>
              <option value="owner">{t('reports.col.owner')}</option>
              <option value="pipeline">{t('reports.col.pipeline')}</option>
            </select>
          </label>
        }
        chart={(open) => (
          <BarsChart
            label={t('reports.winRate.title')}
            data={chartData}
            xKey="label"
            series={[
              { key: 'winRate', name: t('reports.col.winRatePct'), color: PALETTE[2]! },
              { key: 'cycle', name: t('reports.col.cycle'), color: PALETTE[1]!, axis: 'right' },
            ]}
            formatLeft={(v) => `${v} %`}
            leftMax={100}
            formatRight={fmtDays}
            onBarClick={(i) => open(rows[i] && closed(rows[i]))}
          />
        )}
      />
      <LostReasonsReport rows={result.lostByReason} currencies={currencies} currencyOf={currencyOf} csvName={csvName} />
    </>
  );
}
