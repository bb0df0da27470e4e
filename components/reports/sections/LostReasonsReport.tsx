import type { LostReasonRow } from '../../../storage/reports/winRate';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { csvPercent, fmtCount, fmtPercent } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { moneyColumns } from './types';

type Props = { rows: readonly LostReasonRow[]; currencies: readonly string[]; currencyOf: ReadonlyMap<string, string>; csvName: (report: string) => string };

/** The period's lost deals by the reason asked for when they moved to a lost stage (part of the win-rate section). */
export function LostReasonsReport({ rows, currencies, currencyOf, csvName }: Props) {
  const label = (r: LostReasonRow) => r.label || t('reports.lostReasons.none');
  const drill = (r: LostReasonRow) => ({ name: t('reports.drill.name', { figure: `${t('reports.lostReasons.title')} · ${label(r)}` }), recordIds: r.recordIds });
  const columns: Column<LostReasonRow>[] = [
    { header: t('reports.col.lostReason'), show: label },
    { header: t('reports.col.lost'), show: (r) => fmtCount(r.lost), csv: (r) => r.lost, numeric: true, drill },
    { header: t('reports.col.shareOfLost'), show: (r) => fmtPercent(r.share), csv: (r) => csvPercent(r.share), numeric: true, drill },
    ...moneyColumns<LostReasonRow>(currencies, (c) => t('reports.col.lostAmountIn', { currency: c }), (r) => r.amount, drill, currencyOf),
  ];
  return (
    <ReportCard
      id="lostReasons"
      title={t('reports.lostReasons.title')}
      note={t('reports.lostReasons.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      csvName={csvName('lost-reasons')}
      chart={(open) => (
        <BarsChart
          label={t('reports.lostReasons.title')}
          data={rows.map((r) => ({ label: label(r), lost: r.lost }))}
          xKey="label"
          horizontal
          // One bar per reason: a few reasons make a short chart, not one fat bar.
          height={Math.max(140, 60 + rows.length * 40)}
          series={[{ key: 'lost', name: t('reports.col.lost'), color: PALETTE[3] ?? PALETTE[0]! }]}
          formatLeft={(v) => fmtCount(v)}
          onBarClick={(i) => open(rows[i] && drill(rows[i]))}
        />
      )}
    />
  );
}
