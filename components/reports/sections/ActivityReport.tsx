import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { activityByRep, ACTIVITY_MEASURES, type ActivityMeasure, type ActivityRow } from '../../../storage/reports/activityByRep';
import { loadReportActivities } from '../../../storage/reports/loadActivities';
import { withActivities } from '../../../storage/reports/load';
import type { ReportData } from '../../../storage/reports/types';
import { useDb } from '../../shell/DbProvider';
import { t, type PlainKey } from '../../../i18n';
import { BarsChart, PALETTE } from '../BarsChart';
import { fmtCount, fmtWeek } from '../format';
import { LoadingCard, ReportCard, type Column } from '../ReportCard';
import type { SectionProps } from './types';

const MEASURE_LABEL: Record<ActivityMeasure, PlainKey> = {
  emails: 'reports.activity.emails',
  calls: 'reports.activity.calls',
  meetings: 'reports.activity.meetings',
  notes: 'reports.activity.notes',
  tasksDone: 'reports.activity.tasksDone',
};

const total = (r: ActivityRow) => ACTIVITY_MEASURES.reduce((n, m) => n + r[m], 0);

/**
 * Activity by rep loads its own part (the period's activities, the largest read) with its own
 * loading state, so the other reports show from the records part without waiting for it.
 */
export function ActivityReport(props: SectionProps) {
  const db = useDb();
  const { from, to } = props.filters.period;
  const acts = useLiveQuery(() => loadReportActivities(db, { ...(from ? { from } : {}), ...(to ? { to } : {}) }), [db, from, to]);
  const data = useMemo(() => acts && props.people && withActivities(props.data, acts), [props.data, props.people, acts]);
  if (!data) return <LoadingCard id="activity" title={t('reports.activity.title')} />;
  return <ActivityCard {...props} data={data} />;
}

function ActivityCard({ data, filters, csvName }: SectionProps & { data: ReportData }) {
  const rows = useMemo(() => activityByRep(data, filters), [data, filters]);
  const rep = (r: ActivityRow) => r.rep || t('reports.unassigned');
  const drill = (r: ActivityRow) => ({ name: t('reports.drill.name', { figure: `${t('reports.activity.title')} · ${rep(r)} · ${fmtWeek(r.week)}` }), recordIds: r.recordIds });
  const columns: Column<ActivityRow>[] = [
    { header: t('reports.col.week'), show: (r) => fmtWeek(r.week), csv: (r) => r.week },
    { header: t('reports.col.rep'), show: rep },
    ...ACTIVITY_MEASURES.map((m) => ({ header: t(MEASURE_LABEL[m]), show: (r: ActivityRow) => fmtCount(r[m]), csv: (r: ActivityRow) => r[m], numeric: true })),
    { header: t('reports.col.total'), show: (r) => fmtCount(total(r)), csv: total, numeric: true, drill },
  ];
  // The chart stacks each rep's total per week; the table splits it by kind of activity.
  const reps = [...new Set(rows.map((r) => r.rep))].sort();
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const chartData = weeks.map((w) => ({
    label: fmtWeek(w),
    ...Object.fromEntries(reps.map((p, i) => [`rep${i}`, rows.filter((r) => r.week === w && r.rep === p).reduce((n, r) => n + total(r), 0)])),
  }));
  return (
    <ReportCard
      id="activity"
      title={t('reports.activity.title')}
      note={t('reports.activity.note')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.rep}/${r.week}`}
      csvName={csvName('activity-by-rep')}
      chart={(open) => (
        <BarsChart
          label={t('reports.activity.title')}
          data={chartData}
          xKey="label"
          series={reps.map((p, i) => ({ key: `rep${i}`, name: p || t('reports.unassigned'), color: PALETTE[i % PALETTE.length]!, stack: 'reps' }))}
          formatLeft={fmtCount}
          onBarClick={(i, key) => {
            const row = rows.find((r) => r.week === weeks[i] && r.rep === reps[Number(key.slice(3))]);
            open(row && drill(row));
          }}
        />
      )}
    />
  );
}
