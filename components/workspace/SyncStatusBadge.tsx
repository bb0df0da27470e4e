import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shell/DbProvider';
import { refusedEntries, waitingCount } from '../../sync/outbox';
import { readStatus, type SyncStatus } from '../../sync/state';
import { t } from '../../i18n';
import { foreignText } from '../errors';

export type BadgeView = { text: string; tone: 'local' | 'ok' | 'busy' | 'warn' | 'error'; progress?: { done: number; total: number } };

/** The badge's words for a status; `waiting` is the live outbox count (the status row may lag it). */
export function describeStatus(status: SyncStatus, waiting: number): BadgeView {
  const count = (one: 'sync.status.waitingOne', many: 'sync.status.waiting') => (waiting === 1 ? t(one) : t(many, { count: waiting }));
  switch (status.state) {
    case 'local':
      return { text: t('sync.status.local'), tone: 'local' };
    case 'signedOut':
      return { text: t('sync.status.signedOut'), tone: 'warn' };
    case 'offline':
      return { text: waiting ? t('sync.status.offlineWaiting', { count: waiting }) : t('sync.status.offline'), tone: 'warn' };
    case 'error':
      return { text: t('sync.status.error', { reason: foreignText(status.reason) }), tone: 'error' };
    case 'syncing': {
      const p = status.progress;
      if (p && p.total > 0) return { text: t('sync.status.downloading', { percent: Math.min(100, Math.floor((p.done / p.total) * 100)) }), tone: 'busy', progress: p };
      return { text: waiting ? count('sync.status.waitingOne', 'sync.status.waiting') : t('sync.status.syncing'), tone: 'busy' };
    }
    default:
      return waiting ? { text: count('sync.status.waitingOne', 'sync.status.waiting'), tone: 'busy' } : { text: t('sync.status.synced'), tone: 'ok' };
  }
}

/** Sync state for the sidebar and the CRM page: text, waiting count, first-download progress. */
export function SyncStatusBadge() {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const status = await readStatus(db);
    // A local workspace's outbox keeps every write ever made and nothing waits: counting it (a
    // walk of the whole store in Chrome) after each write of a 100,000-row import is pure cost.
    const waiting = status.state === 'local' ? 0 : await waitingCount(db);
    return { status, waiting, refused: (await refusedEntries(db)).length };
  }, [db]);
  if (!data) return null;
  const view = describeStatus(data.status, data.waiting);
  return (
    <div className={`tl-sync-badge tl-sync-${view.tone}`} role="status" aria-label={t('sync.status.label')}>
      <span>{view.text}</span>
      {view.progress && <progress max={view.progress.total} value={view.progress.done} aria-label={view.text} />}
      {data.refused > 0 && (
        <span className="tl-sync-refused">{data.refused === 1 ? t('sync.status.refusedOne') : t('sync.status.refused', { count: data.refused })}</span>
      )}
    </div>
  );
}
