import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { setTaskDone } from '../../storage/activities/activities';
import type { Activity, ActivityOf, Pipeline } from '../../storage/model/entities';
import type { CallOutcome } from '../../storage/model/callOutcomes';
import type { ViaRecord } from '../../storage/queries/history';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { AutomationEntry } from '../automations/AutomationEntry';
import { outcomeLabel } from '../activities/outcomes';
import { formatDue } from '../tasks/dueFormat';
import { formatCount } from '../format';
import { useDb } from '../shell/DbProvider';
import { recordTitles } from '../../storage/queries/crm';

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
        {task.due && <small> · {t('timeline.due', { date: formatDue({ due: task.due, timed: task.timed }) })}</small>}
      </label>
      {error && <div role="alert" className="tl-error">{error}</div>}
    </>
  );
}

/** "on Ana Ruiz", "on deal Pilot": whose entry it is, in a history that gathers several records'. */
export function whose(via: ViaRecord): string {
  switch (via.kind) {
    case 'contacts':
      return t('timeline.onContact', { name: via.title || t('common.untitled') });
    case 'companies':
      return t('timeline.onCompany', { name: via.title || t('common.untitled') });
    case 'deals':
      return t('timeline.onDeal', { name: via.title || t('common.untitled') });
    case 'products':
    case 'custom':
      return t('timeline.onRecord', { name: via.title || t('common.untitled') });
    case 'thread':
      return via.title ? t('timeline.onThread', { subject: via.title }) : t('timeline.onThreadUntitled');
  }
}

const minutes = (a: { durationMin?: number }) => (a.durationMin !== undefined ? t('timeline.minutes', { minutes: formatCount(a.durationMin) }) : undefined);

/** "with Ana Ruiz, Bo Lind": a meeting's attendees by their current names (a deleted one drops out). */
function Attendees({ ids }: { ids: readonly string[] }) {
  const db = useDb();
  const titles = useLiveQuery(() => recordTitles(db, ids), [db, ids.join(',')]);
  const names = ids.flatMap((id) => titles?.get(id) ?? []).filter(Boolean);
  if (names.length === 0) return null;
  return <div className="tl-entry-with" dir="auto">{t('timeline.with', { names: names.join(', ') })}</div>;
}

type Props = { activity: Activity; pipelines: readonly Pipeline[]; canWrite: boolean; outcomes: readonly CallOutcome[] | undefined };

/** One history entry, as text only: names, subjects and snippets come from strangers. */
export function Entry({ activity, pipelines, canWrite, outcomes }: Props) {
  let title: string;
  let body: string | undefined;
  let meta: string | undefined;
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
      title = t('timeline.call', { outcome: outcomeLabel(activity.outcome, outcomes) });
      body = activity.body;
      meta = minutes(activity);
      break;
    case 'meeting':
      title = activity.title ? t('timeline.meeting', { title: activity.title }) : t('timeline.meetingUntitled');
      body = activity.body;
      meta = minutes(activity);
      break;
    case 'task':
      return <TaskEntry task={activity} canWrite={canWrite} />;
    case 'stageChange':
      // A deal's first stage has no "from": it was created there.
      title = activity.from
        ? t('timeline.stage', { from: stageName(pipelines, activity.from), to: stageName(pipelines, activity.to) })
        : t('timeline.stageSet', { to: stageName(pipelines, activity.to) });
      break;
    case 'automation':
      return <AutomationEntry activity={activity} />;
  }
  return (
    <>
      <div className="tl-entry-title">
        {title}
        {meta && <span className="tl-entry-meta"> · {meta}</span>}
      </div>
      {activity.kind === 'meeting' && activity.attendeeIds && activity.attendeeIds.length > 0 && <Attendees ids={activity.attendeeIds} />}
      {body && <div className="tl-entry-body" dir="auto">{body}</div>}
    </>
  );
}
