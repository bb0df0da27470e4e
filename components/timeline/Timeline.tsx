import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { setTaskDone } from '../../storage/activities';
import type { Activity, Pipeline } from '../../storage/model/entities';
import { timeline } from '../../storage/queries';
import { uiLocale } from '../hooks';

const PAGE = 20;
const ICONS: Record<Activity['kind'], string> = { email: '✉', note: '📝', call: '📞', meeting: '📅', task: '☑', stageChange: '➜' };

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
      title = `${activity.direction === 'sent' ? 'Email to' : 'Email from'} ${activity.direction === 'sent' ? activity.to.map((p) => p.name || p.email).join(', ') : activity.from.name || activity.from.email}: ${activity.subject || '(no subject)'}`;
      body = activity.snippet;
      break;
    case 'note':
      title = 'Note';
      body = activity.body;
      break;
    case 'call':
      title = `Call (${activity.outcome})`;
      body = activity.body;
      break;
    case 'meeting':
      title = `Meeting: ${activity.title}`;
      body = activity.body;
      break;
    case 'task':
      return (
        <label className="tl-task">
          <input type="checkbox" checked={activity.done} onChange={(e) => void setTaskDone(activity.id, e.target.checked)} />
          <span className={activity.done ? 'tl-done' : undefined}>{activity.title}</span>
          {activity.due && <small> · due {new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(activity.due))}</small>}
        </label>
      );
    case 'stageChange':
      title = `Stage: ${stageName(pipelines, activity.from)} → ${stageName(pipelines, activity.to)}`;
      break;
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
  if (!entries) return <p aria-busy="true">Loading history…</p>;
  if (entries.length === 0) return <p className="tl-empty">No history yet.</p>;
  return (
    <>
      <ol className="tl-timeline" aria-label="History">
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
          Show more
        </button>
      )}
    </>
  );
}
