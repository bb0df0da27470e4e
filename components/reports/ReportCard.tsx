import { useState, type ReactNode } from 'react';
import { toCsv } from '../../storage/reports/csv';
import { t } from '../../i18n';
import { downloadCsv } from './navigation';
import { useDrill, type Drill } from './useDrill';

export type Column<R> = {
  header: string;
  /** The figure as shown in the table. */
  show: (r: R) => string;
  /** The raw value written to CSV (numbers unformatted); the shown text when absent. */
  csv?: (r: R) => string | number | undefined;
  /** The records behind the figure: the cell becomes a button that opens them as a view. */
  drill?: (r: R) => Drill | undefined;
  numeric?: boolean;
};

type Props<R> = {
  id: string;
  title: string;
  /** How the figures are computed, in one sentence: people trust what they can check. */
  note?: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (r: R) => string;
  chart: (drill: (d: Drill | undefined) => void) => ReactNode;
  csvName: string;
  controls?: ReactNode;
};

/** A report whose part of the data is still loading: its heading, and the page's loading words. */
export function LoadingCard({ id, title }: { id: string; title: string }) {
  return (
    <section className="tl-rp-card" aria-labelledby={`report-${id}`} data-report={id}>
      <header className="tl-rp-head">
        <h3 id={`report-${id}`}>{title}</h3>
      </header>
      <p aria-busy="true">{t('common.loading')}</p>
    </section>
  );
}

/** One report: a chart, the same figures as a table, a CSV export, and drill-down on every figure. */
export function ReportCard<R>({ id, title, note, columns, rows, rowKey, chart, csvName, controls }: Props<R>) {
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const { drill, ui } = useDrill();
  const headingId = `report-${id}`;
  return (
    <section className="tl-rp-card" aria-labelledby={headingId} data-report={id}>
      <header className="tl-rp-head">
        <h3 id={headingId}>{title}</h3>
        {controls}
        <div className="tl-rp-toggle" role="group" aria-label={t('reports.show')}>
          <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>
            {t('reports.chart')}
          </button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
            {t('reports.table')}
          </button>
        </div>
        <button type="button" onClick={() => downloadCsv(csvName, toCsv(columns.map((c) => ({ header: c.header, value: c.csv ?? c.show })), rows))}>
          {t('reports.exportCsv')}
        </button>
      </header>
      {note && <p className="tl-rp-note">{note}</p>}
      {ui}
      {rows.length === 0 ? (
        <p className="tl-empty">{t('reports.noData')}</p>
      ) : mode === 'chart' ? (
        <div className="tl-rp-chart">{chart((d) => void drill(d))}</div>
      ) : (
        <table className="tl-table tl-rp-table" aria-label={title}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? 'tl-rp-num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => {
                  const target = c.drill?.(r);
                  const text = c.show(r);
                  return (
                    <td key={c.header} className={c.numeric ? 'tl-rp-num' : undefined}>
                      {target && target.recordIds.length > 0 ? (
                        <button type="button" className="tl-rp-drill" title={t('reports.drill.open')} onClick={() => void drill(target)}>
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
