import { useSyncExternalStore } from 'react';
import { db as defaultDb, type ThreadlineDB } from '../../storage/db/db';
import { t } from '../../i18n';

/**
 * Says what to do when this page's database connection cannot serve it: another page blocks an
 * upgrade (it waits, then goes on), or another tab upgraded past this page's code (reload).
 * Each page mounts it once, above its content.
 */
export function DatabaseBanner({ db = defaultDb, reload = () => location.reload() }: { db?: ThreadlineDB; reload?: () => void }) {
  const status = useSyncExternalStore(db.connection.subscribe, db.connection.get);
  if (status === 'ok') return null;
  return (
    <div role="alert" className="tl-error tl-db-banner">
      <p>{t(status === 'blocked' ? 'db.blocked' : 'db.outdated')}</p>
      {status === 'outdated' && (
        <button type="button" className="tl-primary" onClick={reload}>
          {t('db.reload')}
        </button>
      )}
    </div>
  );
}
