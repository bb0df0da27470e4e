import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { rescheduleTask, type DueInput } from '../../storage/activities/tasks';
import { dueFromInputs, snoozeUntil, SNOOZES, type Snooze } from '../../storage/activities/taskTime';
import { formatLocale, t } from '../../i18n';
import { dateTimeFormat } from '../../storage/model/intl';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import type { Task } from './taskList';

const LABELS = { laterToday: 'data.tasks.laterToday', tomorrow: 'data.tasks.tomorrow', nextWeek: 'data.tasks.nextWeek' } as const;

/** "15:30" for later today, "Thu 09:00" for another day: enough to tell the choices apart. */
function shortWhen(ms: number, now: number): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return dateTimeFormat(formatLocale(), sameDay ? { timeStyle: 'short' } : { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

type Props = { task: Task; now: number; onSnoozed: (due: DueInput) => void; onError: (message: string) => void };

/**
 * Snooze as a disclosure: later today, tomorrow, next week (each showing when it lands), or a
 * picked date with an optional time. Escape closes it and gives the focus back to its button.
 */
export function SnoozeControl({ task, now, onSnoozed, onError }: Props) {
  const db = useDb();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setPicking(false);
    toggle.current?.focus();
  };
  const apply = (due: DueInput) =>
    rescheduleTask(db, task.id, due).then(() => {
      setOpen(false);
      setPicking(false);
      onSnoozed(due);
    }, (e: unknown) => onError(describeError(e).join(' ')));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };
  const picked = dueFromInputs(date, time);

  return (
    <span className="tl-snooze" onKeyDown={onKeyDown}>
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={`${id}-menu`} aria-label={t('data.tasks.snoozeTask', { title: task.title })}
        onClick={() => (open ? close() : setOpen(true))}>
        {t('data.tasks.snooze')}
      </button>
      {open && (
        <span id={`${id}-menu`} className="tl-snooze-menu" role="group" aria-label={t('data.tasks.snoozeTask', { title: task.title })}>
          {SNOOZES.map((s: Snooze) => {
            const until = snoozeUntil(s, now);
            // In the evening "later today" is tomorrow morning: one button for it is enough.
            if (s === 'laterToday' && until.due === snoozeUntil('tomorrow', now).due) return null;
            return (
              <button key={s} type="button" onClick={() => void apply(until)}>
                {t(LABELS[s], { when: shortWhen(until.due, now) })}
              </button>
            );
          })}
          {!picking ? (
            <button type="button" onClick={() => setPicking(true)}>{t('data.tasks.pick')}</button>
          ) : (
            <span className="tl-snooze-pick">
              <label>
                {t('data.tasks.dueDate')} <input type="date" value={date} autoFocus onChange={(e) => setDate(e.target.value)} />
              </label>
              <label>
                {t('data.tasks.dueTime')} <input type="time" value={time} disabled={!date} onChange={(e) => setTime(e.target.value)} />
              </label>
              <button type="button" className="tl-primary" disabled={!picked} onClick={() => picked && void apply(picked)}>{t('data.tasks.snoozeTo')}</button>
            </span>
          )}
        </span>
      )}
    </span>
  );
}
