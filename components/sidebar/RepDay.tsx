import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { loadRepDay, type DayDeal, type DayTask, type DayThread, type RepDay as RepDayData } from '../../storage/queries/repDay';
import { formatDateTime } from '../format';
import { formatDue } from '../tasks/dueFormat';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { openThread } from './host';
import { RecordLink } from './RecordLink';

/** How often "now" moves on: a timed task turns overdue, and at midnight tomorrow's become today's. */
const TICK_MS = 60_000;

/** The minute we are in; changes every TICK_MS, so the live query re-reads with the new time. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** The rep's day while no thread is open: what is due, which deals moved, which threads were logged. */
export function RepDay() {
  const db = useDb();
  const now = useNow();
  const day = useLiveQuery(() => loadRepDay(db, now), [db, now]);
  if (!day) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <div className="tl-day">
      <h1 className="tl-subject">{t('sidebar.day.heading')}</h1>
      <TasksSection day={day} />
      <DealsList deals={day.deals} />
      <ThreadsList threads={day.threads} />
    </div>
  );
}

function TasksSection({ day }: { day: RepDayData }) {
  const { tasks, moreTasks, moreTasksAtLeast } = day;
  return (
    <section aria-label={t('sidebar.day.tasks')}>
      <h2 className="tl-section">{t('sidebar.day.tasks')}</h2>
      {tasks.length === 0 ? (
        <p className="tl-empty">{t('sidebar.day.noTasks')}</p>
      ) : (
        <ul className="tl-day-list">{tasks.map((item) => <TaskItem key={item.task.id} item={item} />)}</ul>
      )}
      {moreTasks > 0 && (
        <p className="tl-muted">{moreTasksAtLeast ? t('sidebar.day.moreTasksAtLeast', { count: moreTasks }) : t('sidebar.day.moreTasks', { count: moreTasks })}</p>
      )}
    </section>
  );
}

function TaskItem({ item: { task, overdue, record } }: { item: DayTask }) {
  const when = task.due === undefined ? '' : formatDue({ due: task.due, timed: task.timed });
  return (
    <li className="tl-day-item">
      <span className="tl-entry-title" dir="auto">{task.title}</span>
      <span className={overdue ? 'tl-day-overdue' : 'tl-muted'}>{overdue ? t('sidebar.day.overdue', { when }) : t('sidebar.day.due', { when })}</span>
      {record && <span className="tl-muted">{t('sidebar.day.about')} <RecordLink record={record} /></span>}
    </li>
  );
}

function DealsList({ deals }: { deals: readonly DayDeal[] }) {
  return (
    <section aria-label={t('sidebar.day.deals')}>
      <h2 className="tl-section">{t('sidebar.day.deals')}</h2>
      {deals.length === 0 ? (
        <p className="tl-empty">{t('sidebar.day.noDeals')}</p>
      ) : (
        <ul className="tl-day-list">
          {deals.map(({ deal, stage }) => (
            <li key={deal.id} className="tl-day-item">
              <span className="tl-entry-title"><RecordLink record={deal} />{stage && <span className="tl-badge" dir="auto">{stage}</span>}</span>
              {deal.stats.lastActivityAt !== undefined && (
                <span className="tl-muted">{t('sidebar.day.lastActivity', { when: formatDateTime(deal.stats.lastActivityAt) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ThreadsList({ threads }: { threads: readonly DayThread[] }) {
  return (
    <section aria-label={t('sidebar.day.threads')}>
      <h2 className="tl-section">{t('sidebar.day.threads')}</h2>
      {threads.length === 0 ? (
        <p className="tl-empty">{t('sidebar.day.noThreads')}</p>
      ) : (
        <ul className="tl-day-list">{threads.map((thread) => <ThreadItem key={thread.threadId} thread={thread} />)}</ul>
      )}
    </section>
  );
}

/** Gmail's address of the thread: what a middle click or "copy link" gets; a plain click asks the host to show it. */
const threadHref = (threadId: string) => `https://mail.google.com/mail/#all/${encodeURIComponent(threadId)}`;

function ThreadItem({ thread }: { thread: DayThread }) {
  const subject = thread.subject || t('common.noSubject');
  const name = thread.who ? thread.who.name || thread.who.email : '';
  return (
    <li className="tl-day-item">
      <a className="tl-record-link tl-entry-title" href={threadHref(thread.threadId)} dir="auto" title={t('sidebar.day.openThread', { subject })}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          void openThread(thread.threadId);
        }}>
        {subject}
      </a>
      <span className="tl-muted">
        {name && <span dir="auto">{thread.direction === 'received' ? t('sidebar.day.from', { name }) : t('sidebar.day.to', { name })} · </span>}
        {formatDateTime(thread.at)}
      </span>
    </li>
  );
}
