import type { ActivityOf } from '../../storage/model/entities';
import { formatDateTime, formatDay } from '../format';

/** A task's due moment as the user reads it: with its time when it has one, else just the day (date-only tasks are stored at 23:59). */
export const formatDue = (task: Pick<ActivityOf<'task'>, 'timed'> & { due: number }) => (task.timed ? formatDateTime(task.due) : formatDay(task.due));
