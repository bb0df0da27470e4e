import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { setTaskDone } from '../../storage/activities';
import type { Activity, Pipeline } from '../../storage/model/entities';
import { timeline } from '../../storage/queries';
import { uiLocale } from '../hooks';
import { t } from '../i18n';
import { AutomationEntry } from '../reports/AutomationEntry';

const PAGE = 20;
const ICONS: Record<Activity['kind'], string> = { email: '✉', note: '📝', call: '📞', meeting: '📅', task: '☑', stageChange: '➜', automation: '⚙' };

const when = (ms: number) => new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

function stageName(pipelines: readonly Pipeline[], v: { pipelineId: string; stageId: string } | undefined) {
  if (!v) return '—';
  return pipelines.find((p) => p.id === v.pipelineId)?.stages.find((s) => s.id === v.stageId)?.name ?? v.stageId;
}

/** One history entry, as text only: names, subjects and snippets come from strangers. */
function Entry({ activity, pipelines }: { activity: Activity; pipelines: readonly Pipeline[] }) {
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
      return (
        <label className="tl-task">
          <input type="checkbox" checked={activity.done} onChange={(e) => void setTaskDone(activity.id, e.target.checked)} />
          <span className={activity.done ? 'tl-done' : undefined}>{activity.title}</span>
          {activity.due && <small> · {t('timeline.due', { date: new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(activity.due)) })}</small>}
        </label>
      );
    case 'stageChange':
      title = t('timeline.stage', { from: stageName(pipelines, activity.from), to: stageName(pipelines, activity.to) });
      break;
    case 'automation':
      return <AutomationEntry activity={activity} />;
  }
  return (
    <>
      <div className="tl-entry-title">{title}</div>
      {body && <div className="tl-entry-body">{body}</div>}
    </>
  );
}

/** The merged history of several records, newest first, a page at a time. */
export function Timeline({ recordIds, pipelines }: { recordIds: readonly string[]; pipelines: readonly Pipeline[] }) {
  const [limit, setLimit] = useState(PAGE);
  const key = recordIds.join(',');
  const entries = useLiveQuery(() => timeline(recordIds, { limit: limit + 1 }), [key, limit]);
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
              <Entry activity={a} pipelines={pipelines} />
              <time className="tl-entry-time">{when(a.at)}</time>
            </div>
          </li>
        ))}
      </ol>
      {entries.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('common.showMore')}
        </button>
      )}
    </>
  );
}
