import { useMemo } from 'react';
import { pipelineByProduct, revenueByProduct, type ProductRow } from '../../../storage/reports/products';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount, fmtMoney } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';

type Kind = 'revenueByProduct' | 'pipelineByProduct';

/** Revenue by product (won deals' lines) or pipeline by product (open deals' lines, weighted). */
export function ProductReport({ kind, data, filters, currency, currencies, csvName }: SectionProps & { kind: Kind }) {
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = useMemo(() => (kind === 'revenueByProduct' ? revenueByProduct : pipelineByProduct)(data, filters), [kind, data, filters]);
  const title = t(`reports.${kind}.title`);
  const label = (r: ProductRow) => (r.sku ? `${r.label} (${r.sku})` : r.label);
  const drill = (r: ProductRow) => ({ name: t('reports.drill.name', { figure: `${title} · ${label(r)}` }), recordIds: r.recordIds });
  const weighted = kind === 'pipelineByProduct';
  const columns: Column<ProductRow>[] = [
    { header: t('reports.col.product'), show: label },
    { header: t('reports.col.deals'), show: (r) => fmtCount(r.recordIds.length), csv: (r) => r.recordIds.length, numeric: true, drill },
    { header: t('reports.col.quantity'), show: (r) => fmtCount(r.quantity), csv: (r) => r.quantity, numeric: true, drill },
    ...(weighted
      ? [
          ...moneyColumns<ProductRow>(currencies, (c) => t('reports.col.amountIn', { currency: c }), (r) => r.unweighted, drill, currencyOf),
          ...moneyColumns<ProductRow>(currencies, (c) => t('reports.col.weightedIn', { currency: c }), (r) => r.amount, drill, currencyOf),
        ]
      : moneyColumns<ProductRow>(currencies, (c) => t('reports.col.revenueIn', { currency: c }), (r) => r.amount, drill, currencyOf)),
  ];
  const seriesName = weighted ? t('reports.col.weightedIn', { currency }) : t('reports.col.revenueIn', { currency });
  // The chart shows the largest few; the table and CSV hold every product.
  const charted = rows.filter((r) => r.amount[currency] !== undefined).sort((a, b) => (b.amount[currency] ?? 0) - (a.amount[currency] ?? 0)).slice(0, 15);
  return (
    <ReportCard
      id={kind}
      title={title}
      note={t(`reports.${kind}.note`)}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      csvName={csvName(weighted ? 'pipeline-by-product' : 'revenue-by-product')}
      chart={(open) => (
        <BarsChart
          label={title}
          data={charted.map((r) => ({ label: label(r), amount: r.amount[currency] ?? 0 }))}
          xKey="label"
          horizontal
          height={Math.max(140, 60 + charted.length * 40)}
          series={[{ key: 'amount', name: seriesName, color: PALETTE[weighted ? 1 : 2]! }]}
          formatLeft={(v) => fmtMoney(v, currency)}
          onBarClick={(i) => open(charted[i] && drill(charted[i]))}
        />
      )}
    />
  );
}
