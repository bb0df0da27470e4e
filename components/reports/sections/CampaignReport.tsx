import { useMemo, useState } from 'react';
import { campaignImpact, type ImpactRow } from '../../../storage/reports/campaigns';
import { t } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount } from '../format';
import { ReportCard, type Column } from '../ReportCard';
import { currencyByDeal, moneyColumns, type SectionProps } from './types';

type By = 'source' | 'campaign';

export function CampaignReport({ data, filters, currencies, csvName }: SectionProps) {
  const [by, setBy] = useState<By>('campaign');
  const impact = useMemo(() => campaignImpact(data, filters), [data, filters]);
  const currencyOf = useMemo(() => currencyByDeal(data), [data]);
  const rows = by === 'source' ? impact.bySource : impact.byCampaign;
  const label = (r: ImpactRow) => r.label || (by === 'source' ? t('reports.campaigns.noSource') : t('reports.campaigns.noCampaign'));
  const name = (r: ImpactRow, what: string) => t('reports.drill.name', { figure: `${label(r)} · ${what}` });
  const contacts = (r: ImpactRow) => ({ name: name(r, t('reports.col.contacts')), recordIds: r.contactIds });
  const deals = (r: ImpactRow) => ({ name: name(r, t('reports.col.deals')), recordIds: r.dealIds });
  const won = (r: ImpactRow) => ({ name: name(r, t('reports.col.won')), recordIds: r.wonIds });
  const columns: Column<ImpactRow>[] = [
    { header: by === 'source' ? t('reports.col.source') : t('reports.col.campaign'), show: label },
    { header: t('reports.col.contacts'), show: (r) => fmtCount(r.contacts), csv: (r) => r.contacts, numeric: true, drill: contacts },
    { header: t('reports.col.dealsOpened'), show: (r) => fmtCount(r.deals), csv: (r) => r.deals, numeric: true, drill: deals },
    { header: t('reports.col.won'), show: (r) => fmtCount(r.won), csv: (r) => r.won, numeric: true, drill: won },
    ...moneyColumns<ImpactRow>(currencies, (c) => t('reports.col.wonAmountIn', { currency: c }), (r) => r.amountWon, won, currencyOf),
  ];
  const chartData = rows.map((r) => ({ label: label(r), contacts: r.contacts, deals: r.deals, won: r.won }));
  const drillFor = { contacts, deals, won } as const;
  return (
    <ReportCard
      id="campaigns"
      title={t('reports.campaigns.title')}
      note={t('reports.campaigns.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      csvName={csvName(`impact-by-${by}`)}
      controls={
        <label className="tl-rp-control">
          {t('reports.groupBy')}{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as By)}>
            <option value="campaign">{t('reports.col.campaign')}</option>
            <option value="source">{t('reports.col.source')}</option>
          </select>
        </label>
      }
      chart={(open) => (
        <BarsChart
          label={t('reports.campaigns.title')}
          data={chartData}
          xKey="label"
          series={[
            { key: 'contacts', name: t('reports.col.contacts'), color: PALETTE[0]! },
            { key: 'deals', name: t('reports.col.dealsOpened'), color: PALETTE[1]! },
            { key: 'won', name: t('reports.col.won'), color: PALETTE[2]! },
          ]}
          formatLeft={fmtCount}
          onBarClick={(i, key) => open(rows[i] && drillFor[key as keyof typeof drillFor](rows[i]))}
        />
      )}
    />
  );
}
