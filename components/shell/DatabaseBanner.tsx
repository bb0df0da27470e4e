import { useSyncExternalStore } from 'react';
import type { ThreadlineDB } from '../../storage/db/db';
import { useDb } from './DbProvider';
import { t } from '../../i18n';

/**
 * Says what to do when this page's database connection cannot serve it: another page blocks an
 * upgrade (it waits, then goes on), or another tab upgraded past this page's code (reload).
 * Each page mounts it once, above its content.
 */
export function DatabaseBanner({ db: given, reload = () => location.reload() }: { db?: ThreadlineDB; reload?: () => void }) {
  const bound = useDb();
  const db = given ?? bound;
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
