import { useEffect } from 'react';
import { backupDue, backupSchedule } from '../../storage/backup/schedule';
import { useDb } from '../shell/DbProvider';
import { downloadBackup } from './backupActions';

const CHECK_EVERY_MS = 60 * 60_000;

/**
 * Downloads the scheduled backup when one is due, while a CRM page is open (an extension's service
 * worker cannot build a large file for the downloads folder). Checked on open and hourly.
 */
export function useAutoBackup() {
  const db = useDb();
  useEffect(() => {
    let running = false;
    const check = async () => {
      if (running || !backupDue(await backupSchedule(db))) return;
      running = true;
      try {
        await downloadBackup(db);
      } catch (e) {
        console.warn('Threadline: the scheduled backup failed', e);
      } finally {
        running = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [db]);
}
