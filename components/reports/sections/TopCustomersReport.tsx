import { useMemo } from 'react';
import { topCustomers, type CustomerRow } from '../../../storage/reports/products';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount, fmtMoney } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';

/** The ten customers (company, else main contact) whose deals won the most in the period. */
export function TopCustomersReport({ data, filters, currency, currencies, csvName }: SectionProps) {
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = useMemo(() => topCustomers(data, filters, currency), [data, filters, currency]);
  const title = t('reports.topCustomers.title');
  const label = (r: CustomerRow) => r.label || t('reports.topCustomers.none');
  const drill = (r: CustomerRow) => ({ name: t('reports.drill.name', { figure: `${title} · ${label(r)}` }), recordIds: r.recordIds });
  const columns: Column<CustomerRow>[] = [
    { header: t('reports.col.customer'), show: label },
    { header: t('reports.col.won'), show: (r) => fmtCount(r.deals), csv: (r) => r.deals, numeric: true, drill },
    ...moneyColumns<CustomerRow>(currencies, (c) => t('reports.col.revenueIn', { currency: c }), (r) => r.amount, drill, currencyOf),
  ];
  const charted = rows.filter((r) => r.amount[currency] !== undefined);
  return (
    <ReportCard
      id="topCustomers"
      title={title}
      note={t('reports.topCustomers.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      csvName={csvName('top-customers')}
      chart={(open) => (
        <BarsChart
          label={title}
          data={charted.map((r) => ({ label: label(r), amount: r.amount[currency] ?? 0 }))}
          xKey="label"
          horizontal
          height={Math.max(140, 60 + charted.length * 40)}
          series={[{ key: 'amount', name: t('reports.col.revenueIn', { currency }), color: PALETTE[0]! }]}
          formatLeft={(v) => fmtMoney(v, currency)}
          onBarClick={(i) => open(charted[i] && drill(charted[i]))}
        />
      )}
    />
  );
}
