import { useLiveQuery } from 'dexie-react-hooks';
import { discardImportJob, listImportJobs } from '../../storage/csv/importJob';
import { useFolders } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { formatCount, formatDateTime } from '../format';

/**
 * Imports that stopped before the end (cancelled, failed, or the browser closed). Their committed
 * rows are complete records; picking the same file again offers to continue after them.
 */
export function UnfinishedImports({ exceptId }: { exceptId?: string }) {
  const db = useDb();
  const jobs = useLiveQuery(async () => (await listImportJobs(db)).filter((j) => j.status !== 'done' && j.id !== exceptId), [db, exceptId]);
  const folders = useFolders();
  // Folder names load apart from the jobs: wait for both, or a line reads "into : stopped".
  if (!jobs?.length || !folders) return null;
  return (
    <section className="tl-data-unfinished" aria-label={t('data.import.unfinished')}>
      <h3>{t('data.import.unfinished')}</h3>
      <ul>
        {jobs.map((job) => (
          <li key={job.id}>
            {t('data.import.unfinishedItem', {
              file: job.file.name,
              folder: folders.find((f) => f.id === job.folderId)?.name ?? t('data.import.deletedFolder'),
              rows: formatCount(job.rowsDone),
              when: formatDateTime(job.updatedAt),
            })}{' '}
            <button type="button" onClick={() => void discardImportJob(db, job.id)}>
              {t('data.import.forget')}
            </button>
          </li>
        ))}
      </ul>
      <p className="tl-muted">{t('data.import.resumeHint')}</p>
    </section>
  );
}
