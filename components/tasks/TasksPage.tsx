import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { setTaskDone } from '../../storage/activities/activities';
import { loadTaskList } from '../../storage/queries/tasks';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { formatCount } from '../format';
import { bucketOf, firstNonEmptyTab, inTab, tabOf, isOwnedBy, sortTasks, TASK_TABS, type Task, type TaskTab } from './taskList';
import { TaskForm } from './TaskForm';
import { TaskRow } from './TaskRow';
import { formatDue } from './dueFormat';
import '../pages.css';
import './tasks.css';

/** Who "me" is, until workspaces have signed-in users: a choice among the records' owners, kept per browser. */
const ME_KEY = 'threadline.tasks.me';
const TAB_LABELS = { overdue: 'data.tasks.overdue', today: 'data.tasks.today', upcoming: 'data.tasks.upcoming', open: 'data.tasks.allOpen', done: 'data.tasks.done' } as const;

/** The clock, ticking each minute, so a task moves from "today" to "overdue" while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Every task across records: mine or everyone's, overdue, due today, upcoming, all open, done. */
export function TasksPage() {
  const db = useDb();
  const id = useId();
  const now = useNow();
  const data = useLiveQuery(() => loadTaskList(db), [db]);
  // Unset until the tasks are read: the page opens on the first tab with something in it.
  const [chosenTab, setTab] = useState<TaskTab>();
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  const [me, setMe] = useState(() => localStorage.getItem(ME_KEY) ?? '');
  const [error, setError] = useState<string>();
  const canWrite = useCanWrite();

  const scoped = (data?.tasks ?? []).filter((task) => !mine || isOwnedBy(task, me, data!.ownerOf));
  const tab = chosenTab ?? (data ? firstNonEmptyTab(scoped, now) : 'today');
  // Once read, the opening tab stays put: a task snoozed out of it must not carry the page away.
  useEffect(() => {
    if (data && !chosenTab) setTab(firstNonEmptyTab(data.tasks, Date.now()));
  }, [data, chosenTab]);
  const shown = sortTasks(scoped.filter((task) => inTab(task, tab, now)));
  const chooseMe = (owner: string) => {
    setMe(owner);
    localStorage.setItem(ME_KEY, owner);
  };
  const toggle = (task: Task, done: boolean) => setTaskDone(db, task.id, done).then(() => setError(undefined), (e: unknown) => setError(describeError(e).join(' ')));

  return (
    <div className="tl-data-page">
      <header className="tl-toolbar">
        <h2>{t('data.tasks.title')}</h2>
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      {canWrite && (
        <TaskForm
          onAdded={(task) => {
            setStatus(t('data.tasks.added', { title: task.title }));
            // The new task in view: the tab it falls in (an undated one is among "All open").
            setTab(tabOf(task, Date.now()));
          }}
        />
      )}
      <div className="tl-data-filters">
        <fieldset className="tl-choices">
          <legend className="tl-visually-hidden">{t('data.tasks.whose')}</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={!mine} onChange={() => setMine(false)} /> {t('data.tasks.all')}
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={mine} onChange={() => setMine(true)} /> {t('data.tasks.mine')}
          </label>
        </fieldset>
        {mine && (
          <span>
            <label htmlFor={`${id}-me`}>{t('data.tasks.iAm')}</label>{' '}
            <select id={`${id}-me`} value={me} onChange={(e) => chooseMe(e.target.value)}>
              <option value="">—</option>
              {data?.owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      <div className="tl-data-tabs" role="group" aria-label={t('data.tasks.when')}>
        {TASK_TABS.map((key) => (
          <button key={key} type="button" aria-pressed={tab === key} onClick={() => setTab(key)}>
            {t(TAB_LABELS[key])} <span className="tl-count">{formatCount(scoped.filter((task) => inTab(task, key, now)).length)}</span>
          </button>
        ))}
        <span role="status" aria-live="polite" className="tl-task-status">{status}</span>
      </div>
      {error && (
        <p role="alert" className="tl-error">
          {error}
        </p>
      )}
      {!data ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="tl-empty">{mine && !me ? t('data.tasks.chooseMe') : t('data.tasks.none')}</p>
      ) : (
        <ul className="tl-data-tasks" aria-label={t(TAB_LABELS[tab])}>
          {shown.map((task) => (
            <TaskRow key={task.id} task={task} now={now} overdue={bucketOf(task, now) === 'overdue'} titles={data.titles} canWrite={canWrite}
              onToggle={(x, done) => void toggle(x, done)} onError={setError}
              onSnoozed={(x, due) => {
                setError(undefined);
                setStatus(t('data.tasks.snoozed', { title: x.title, when: formatDue(due) }));
              }} />
          ))}
        </ul>
      )}
    </div>
  );
}
