import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Activity, Pipeline } from '../../storage/model/entities';
import { timeline } from '../../storage/queries/queries';
import { recordRollup, type ViaRecord } from '../../storage/queries/history';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { formatDateTime } from '../format';
import { useDb } from '../shell/DbProvider';
import { useCallOutcomes } from '../activities/outcomes';
import { Entry, whose } from './Entry';
import { ActivityIcon } from '../icons/icons';
import './timeline.css';

/** Entries per page. The sidebar preloads HISTORY_PAGE + 1 (the one more says whether there is more). */
export const HISTORY_PAGE = 20;

type Shown = { activity: Activity; via: readonly ViaRecord[] };

type Props = {
  /** Whose merged history to show (the sidebar's people, companies and deals). */
  recordIds?: readonly string[];
  /**
   * Or one record's whole history (a record page): a company's with its people's and deals', a
   * deal's with its linked threads' (storage/queries/history.ts), each entry saying whose it is.
   */
  rollupOf?: string;
  pipelines: readonly Pipeline[];
  /**
   * The first HISTORY_PAGE + 1 entries, read by the caller together with the rest of its view (the
   * sidebar): the timeline then queries only for "show more".
   */
  firstPage?: readonly Activity[];
};

/** Newest first, a page at a time; "show more" reads one more page (the index keeps it a page's cost). */
export function Timeline({ recordIds = [], rollupOf, pipelines, firstPage }: Props) {
  const db = useDb();
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const canWrite = useCanWrite();
  const outcomes = useCallOutcomes();
  const key = rollupOf ?? recordIds.join(',');
  const preloaded = firstPage !== undefined && limit === HISTORY_PAGE && rollupOf === undefined;
  const queried = useLiveQuery(async (): Promise<Shown[] | undefined> => {
    if (preloaded) return undefined;
    if (rollupOf === undefined) return (await timeline(db, recordIds, { limit: limit + 1 })).map((activity) => ({ activity, via: [] }));
    // One more than shown says whether "show more" has anything to show.
    const page = await recordRollup(db, rollupOf, { limit: limit + 1 });
    return page.entries.map((e) => ({ activity: e.activity, via: e.via.flatMap((id) => page.via.get(id) ?? []) }));
  }, [db, key, limit, preloaded]);
  // While a longer page loads, the preloaded one stays on screen.
  const entries = (preloaded ? undefined : queried) ?? firstPage?.map((activity): Shown => ({ activity, via: [] }));
  if (!entries) return <p aria-busy="true">{t('timeline.loading')}</p>;
  if (entries.length === 0) return <p className="tl-empty">{t('timeline.empty')}</p>;
  return (
    <>
      <ol className="tl-timeline" aria-label={t('timeline.label')}>
        {entries.slice(0, limit).map(({ activity: a, via }) => (
          <li key={a.id} className={`tl-entry tl-entry-${a.kind}`}>
            <span className="tl-entry-icon" aria-hidden="true">
              <ActivityIcon kind={a.kind} size={15} />
            </span>
            <div>
              <Entry activity={a} pipelines={pipelines} canWrite={canWrite} outcomes={outcomes} />
              <div className="tl-entry-foot">
                <time className="tl-entry-time">{formatDateTime(a.at)}</time>
                {via.map((v) => (
                  <span key={v.id} className="tl-entry-whose" dir="auto">{whose(v)}</span>
                ))}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {entries.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + HISTORY_PAGE)}>
          {t('common.showMore')}
        </button>
      )}
    </>
  );
}
