import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { setTaskDone } from '../../storage/activities/activities';
import type { Activity, ActivityOf, Pipeline } from '../../storage/model/entities';
import { timeline } from '../../storage/queries/queries';
import { describeError } from '../errors';
import { uiLocale } from '../hooks';
import { t } from '../../i18n';
import { AutomationEntry } from '../automations/AutomationEntry';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { dateTimeFormat } from '../../storage/model/intl';
import { useDb } from '../shell/DbProvider';

/** Entries per page. The sidebar preloads HISTORY_PAGE + 1 (the one more says whether there is more). */
export const HISTORY_PAGE = 20;
const ICONS: Record<Activity['kind'], string> = { email: '✉', note: '📝', call: '📞', meeting: '📅', task: '☑', stageChange: '➜', automation: '⚙' };

const when = (ms: number) => dateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

function stageName(pipelines: readonly Pipeline[], v: { pipelineId: string; stageId: string } | undefined) {
  if (!v) return '—';
  return pipelines.find((p) => p.id === v.pipelineId)?.stages.find((s) => s.id === v.stageId)?.name ?? v.stageId;
}

/**
 * A task with its done box. The box follows the stored task (live query), so a refused write (full
 * disk, task deleted meanwhile) leaves it as it was and says why beside it.
 */
function TaskEntry({ task, canWrite }: { task: ActivityOf<'task'>; canWrite: boolean }) {
  const db = useDb();
  const [error, setError] = useState<string>();
  const toggle = (done: boolean) => setTaskDone(db, task.id, done).then(() => setError(undefined), (e: unknown) => setError(describeError(e).join(' ')));
  return (
    <>
      <label className="tl-task">
        <input type="checkbox" checked={task.done} disabled={!canWrite} onChange={(e) => void toggle(e.target.checked)} />
        {/* Its own isolated element: an override in a title cannot run into the due date. */}
        <span dir="auto" className={task.done ? 'tl-done' : undefined}>{task.title}</span>
        {task.due && <small> · {t('timeline.due', { date: dateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(task.due)) })}</small>}
      </label>
      {error && <div role="alert" className="tl-error">{error}</div>}
    </>
  );
}

/** One history entry, as text only: names, subjects and snippets come from strangers. */
function Entry({ activity, pipelines, canWrite }: { activity: Activity; pipelines: readonly Pipeline[]; canWrite: boolean }) {
  let title: string;
  let body: string | undefined;
  switch (activity.kind) {
    case 'email':
      title = t(activity.direction === 'sent' ? 'timeline.emailTo' : 'timeline.emailFrom', {
        who: activity.direction === 'sent' ? activity.to.map((p) => p.name || p.email).join(', ') : activity.from.name || activity.from.email,
        subject: activity.subject || t('common.noSubject'),
      });
      body = activity.snippet;
      break;
    case 'note':
      title = t('timeline.note');
      body = activity.body;
      break;
    case 'call':
      title = t('timeline.call', { outcome: activity.outcome });
      body = activity.body;
      break;
    case 'meeting':
      title = t('timeline.meeting', { title: activity.title });
      body = activity.body;
      break;
    case 'task':
      return <TaskEntry task={activity} canWrite={canWrite} />;
    case 'stageChange':
      title = t('timeline.stage', { from: stageName(pipelines, activity.from), to: stageName(pipelines, activity.to) });
      break;
    case 'automation':
      return <AutomationEntry activity={activity} />;
  }
  return (
    <>
      <div className="tl-entry-title">{title}</div>
      {body && <div className="tl-entry-body" dir="auto">{body}</div>}
    </>
  );
}

type Props = {
  recordIds: readonly string[];
  pipelines: readonly Pipeline[];
  /**
   * The first HISTORY_PAGE + 1 entries, read by the caller together with the rest of its view (the
   * sidebar): the timeline then queries only for "show more".
   */
  firstPage?: readonly Activity[];
};

/** The merged history of several records, newest first, a page at a time. */
export function Timeline({ recordIds, pipelines, firstPage }: Props) {
  const db = useDb();
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const canWrite = useCanWrite();
  const key = recordIds.join(',');
  const preloaded = firstPage !== undefined && limit === HISTORY_PAGE;
  const queried = useLiveQuery(() => (preloaded ? undefined : timeline(db, recordIds, { limit: limit + 1 })), [db, key, limit, preloaded]);
  // While a longer page loads, the preloaded one stays on screen.
  const entries = (preloaded ? undefined : queried) ?? firstPage;
  if (!entries) return <p aria-busy="true">{t('timeline.loading')}</p>;
  if (entries.length === 0) return <p className="tl-empty">{t('timeline.empty')}</p>;
  return (
    <>
      <ol className="tl-timeline" aria-label={t('timeline.label')}>
        {entries.slice(0, limit).map((a) => (
          <li key={a.id} className={`tl-entry tl-entry-${a.kind}`}>
            <span className="tl-entry-icon" aria-hidden="true">
              {ICONS[a.kind]}
            </span>
            <div>
              <Entry activity={a} pipelines={pipelines} canWrite={canWrite} />
              <time className="tl-entry-time">{when(a.at)}</time>
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
