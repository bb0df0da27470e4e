import { csvFileName, issuesToCsv } from '../../storage/csv/exportCsv';
import type { ImportJob } from '../../storage/csv/importJob';
import { t } from '../../i18n';
import { downloadText } from './download';
import { formatCount } from '../format';
import { describeRowIssue, describeStoredFailure } from '../errors';

/** Rows listed on screen; the download holds them all. */
const SHOWN = 200;

export const importedCount = (job: ImportJob) => job.counts.created + job.counts.updated + job.counts.unchanged;

export function ImportSummary({ job }: { job: ImportJob }) {
  const c = job.counts;
  return (
    <ul className="tl-data-summary">
      <li>{t('data.report.imported', { n: formatCount(importedCount(job)) })}</li>
      <li>{t('data.report.breakdown', { created: formatCount(c.created), updated: formatCount(c.updated), unchanged: formatCount(c.unchanged) })}</li>
      {c.skipped > 0 && <li>{t('data.report.skipped', { n: formatCount(c.skipped) })}</li>}
      {c.linkedCreated > 0 && <li>{t('data.report.linkedCreated', { n: formatCount(c.linkedCreated) })}</li>}
      <li className={c.bad ? 'tl-data-bad' : undefined}>{t('data.report.refused', { n: formatCount(c.bad) })}</li>
    </ul>
  );
}

/** What an import did, and every refused row with its row number, column and reason. */
export function ImportReport({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const labels = { row: t('data.report.row'), column: t('data.report.column'), reason: t('data.report.reason'), value: t('data.report.value') };
  const download = () => downloadText(csvFileName(`${job.file.name.replace(/\.csv$/i, '')} ${t('data.report.refusedFile')}`), issuesToCsv(job.issues, labels, describeRowIssue));
  return (
    <section className="tl-data-report" aria-label={t('data.report.title')}>
      <h3>{job.status === 'done' ? t('data.report.done', { file: job.file.name }) : t('data.report.stopped', { file: job.file.name, row: formatCount(job.rowsDone + 2) })}</h3>
      {job.error && <p role="alert" className="tl-error">{describeStoredFailure(job.errorCode, job.errorParams, job.error)}</p>}
      <ImportSummary job={job} />
      {job.issues.length > 0 && (
        <>
          <p>
            <button type="button" onClick={download}>
              {t('data.report.download')}
            </button>
            {job.issuesTruncated && <span className="tl-muted"> {t('data.report.truncated', { n: formatCount(job.issues.length) })}</span>}
          </p>
          <table className="tl-table tl-data-issues" aria-label={t('data.report.issues')}>
            <thead>
              <tr>
                <th scope="col">{labels.row}</th>
                <th scope="col">{labels.column}</th>
                <th scope="col">{labels.reason}</th>
                <th scope="col">{labels.value}</th>
              </tr>
            </thead>
            <tbody>
              {job.issues.slice(0, SHOWN).map((issue, i) => (
                <tr key={i}>
                  <td>{issue.row}</td>
                  <td>{issue.column}</td>
                  <td>{describeRowIssue(issue)}</td>
                  <td>{issue.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {job.issues.length > SHOWN && <p className="tl-muted">{t('data.report.more', { n: formatCount(job.issues.length - SHOWN) })}</p>}
        </>
      )}
      <button type="button" onClick={onAgain}>
        {t('data.report.again')}
      </button>
    </section>
  );
}
