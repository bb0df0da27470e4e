import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';

/** How often this browser downloads a backup by itself; per device (it is this device's downloads). */
export const BACKUP_INTERVALS = ['off', 'daily', 'weekly'] as const;
export type BackupInterval = (typeof BACKUP_INTERVALS)[number];
const INTERVAL_MS: Record<Exclude<BackupInterval, 'off'>, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

const KEY = 'backup.schedule';
const scheduleSchema = z.object({ interval: z.enum(BACKUP_INTERVALS), lastAt: z.number().optional() });
export type BackupSchedule = z.infer<typeof scheduleSchema>;

export async function backupSchedule(db: ThreadlineDB): Promise<BackupSchedule> {
  const r = scheduleSchema.safeParse((await db.meta.get(KEY))?.value);
  return r.success ? r.data : { interval: 'off' };
}

export async function setBackupInterval(db: ThreadlineDB, interval: BackupInterval): Promise<void> {
  await db.transaction('rw', db.meta, async () => db.meta.put({ key: KEY, value: { ...(await backupSchedule(db)), interval } }));
}

/** A backup was downloaded (by hand or on schedule): the next automatic one counts from now. */
export async function noteBackupTaken(db: ThreadlineDB, at = Date.now()): Promise<void> {
  await db.transaction('rw', db.meta, async () => db.meta.put({ key: KEY, value: { ...(await backupSchedule(db)), lastAt: at } }));
}

export function backupDue(s: BackupSchedule, now = Date.now()): boolean {
  return s.interval !== 'off' && (s.lastAt === undefined || now - s.lastAt >= INTERVAL_MS[s.interval]);
}
