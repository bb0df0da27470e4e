import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { BACKUP_INTERVALS, backupSchedule, setBackupInterval, type BackupInterval } from '../../storage/backup/schedule';
import { t } from '../../i18n';
import { describeError } from '../errors';
import { formatCount, formatDateTime } from '../format';
import { useDb } from '../shell/DbProvider';
import { downloadBackup } from './backupActions';
import { RestoreBackup } from './RestoreBackup';
import { useCanShape } from './useWorkspaceRole';

/**
 * The local workspace's only copy is this browser profile: a backup by hand or on a schedule, and
 * a restore that shows what it will do before it writes anything.
 */
export function BackupPanel() {
  const db = useDb();
  const schedule = useLiveQuery(() => backupSchedule(db), [db]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const canRestore = useCanShape();

  async function backUp() {
    setBusy(true);
    setStatus(t('backup.downloading'));
    try {
      setStatus(t('backup.downloaded', { count: formatCount(await downloadBackup(db)) }));
    } catch (e) {
      setStatus(describeError(e).join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="tl-backup-title" className="tl-backup">
      <h2 id="tl-backup-title">{t('backup.title')}</h2>
      <p>{t('backup.help')}</p>
      <p>
        <button type="button" disabled={busy} onClick={() => void backUp()}>{t('backup.download')}</button>{' '}
        <span role="status">{status}</span>
      </p>
      <p>{schedule?.lastAt ? t('backup.last', { date: formatDateTime(schedule.lastAt) }) : t('backup.never')}</p>
      <label>
        {t('backup.auto')}{' '}
        <select value={schedule?.interval ?? 'off'} onChange={(e) => void setBackupInterval(db, e.target.value as BackupInterval)}>
          {BACKUP_INTERVALS.map((i) => (
            <option key={i} value={i}>{t(`backup.auto.${i}`)}</option>
          ))}
        </select>
      </label>
      <p className="tl-help">{t('backup.auto.help')}</p>
      {canRestore ? <RestoreBackup /> : <p>{t('backup.adminsOnly')}</p>}
    </section>
  );
}
