import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shell/DbProvider';
import { discardRefused, refusedEntries } from '../../sync/outbox';
import { t } from '../../i18n';
import { foreignText } from '../errors';

/** Changes the server refused (rules, validation), with its reason; they never block the rest. */
export function RefusedChanges() {
  const db = useDb();
  const refused = useLiveQuery(() => refusedEntries(db), [db]);
  if (!refused?.length) return null;
  return (
    <section aria-labelledby="tl-refused-title">
      <h2 id="tl-refused-title">{t('sync.ws.refused')}</h2>
      <ul>
        {refused.map((e) => (
          <li key={e.seq}>
            <span>{`${e.table}/${e.docId}: ${foreignText(e.refused?.reason ?? '')}`}</span>{' '}
            <button type="button" onClick={() => void discardRefused(db, e.seq!)}>{t('sync.ws.discard')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
