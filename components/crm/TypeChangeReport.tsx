import type { ConversionReport } from '../../storage/fields/fieldsAdmin';
import type { Field } from '../../storage/model/field';
import { t } from '../../i18n';
import { opLabel } from './labels';
import { describeProblem } from '../errors';
import { routeHref } from '../shell/router';

/** What a type change did: converted values, and each value that did not convert, with where it was kept. */
export function TypeChangeReport({ field, report, preservedLabel, onClose }: { field: Field; report: ConversionReport; preservedLabel?: string; onClose: () => void }) {
  return (
    <section className="tl-report" role="status" aria-label={t('views.report.title', { field: field.label })}>
      <h3>{t('views.report.title', { field: field.label })}</h3>
      <p>{t('views.report.converted', { count: report.converted })}</p>
      {report.createdOptions > 0 && <p>{t('views.report.options', { count: report.createdOptions })}</p>}
      {report.failed.length === 0 ? (
        <p>{t('views.report.none')}</p>
      ) : (
        <>
          <p className="tl-error-text">{t('views.report.failed', { count: report.failed.length, field: preservedLabel ?? '' })}</p>
          <table className="tl-table tl-report-table">
            <thead>
              <tr><th scope="col">{t('views.report.record')}</th><th scope="col">{t('views.report.oldValue')}</th><th scope="col">{t('views.report.reason')}</th></tr>
            </thead>
            <tbody>
              {report.failed.map((f) => (
                <tr key={f.recordId}>
                  <td><a href={routeHref({ page: 'record', recordId: f.recordId })}>{f.title || t('common.untitled')}</a></td>
                  <td>{f.oldText}</td>
                  <td>{describeProblem(f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.removedFilters.map((r) => <p key={`${r.viewName}-${r.op}`}>{t('views.report.filters', { op: opLabel(r.op), view: r.viewName })}</p>)}
      <button type="button" onClick={onClose}>{t('views.dismiss')}</button>
    </section>
  );
}
