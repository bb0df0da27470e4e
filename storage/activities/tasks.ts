import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { withoutRecordAt } from '../db/activityIndex';
import type { ActivityOf } from '../model/entities';
import { newId } from '../model/ids';
import { NotFoundError } from '../model/errors';
import { inputRefusal } from '../model/inputErrors';
import { mutate } from '../write/mutate';
import { ActivityValidationError, addActivityIn } from './activities';
import { snoozeUntil, type Snooze } from './taskTime';

/** A due moment: `timed` says whether its time of day was chosen (see taskTime.ts). */
const dueSchema = z.object({ due: z.number().finite(), timed: z.boolean() }).strict();
export type DueInput = z.infer<typeof dueSchema>;

/** What the Tasks page and the record pages send: the stored task's own schema checks the rest. */
export const taskInputSchema = z
  .object({ title: z.string(), recordIds: z.array(z.string().min(1).max(64)), due: dueSchema.optional() })
  .strict();
export type TaskInput = z.infer<typeof taskInputSchema>;

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const refusal = inputRefusal('activity', r.error, { kind: 'task', ...(input as object) });
  throw new ActivityValidationError(refusal.message, refusal.code, refusal.params);
}

/** A new open task, about the given records (none is fine: it is the rep's own to-do). */
export function createTask(db: ThreadlineDB, input: TaskInput): Promise<ActivityOf<'task'>> {
  const { title, recordIds, due } = parsed(taskInputSchema, input);
  const now = Date.now();
  const task: ActivityOf<'task'> = {
    id: newId('act'),
    kind: 'task',
    recordIds: [...new Set(recordIds)],
    title: title.trim(),
    done: false,
    ...(due ? { due: due.due, timed: due.timed } : {}),
    at: now,
    createdAt: now,
    updatedAt: now,
  };
  return mutate(db, (w) => addActivityIn(w, task));
}

/**
 * Moves a task's due moment. A new due moment is a new reminder (the reminder key is task and
 * due), so a snoozed task reminds again at its new time.
 */
export async function rescheduleTask(db: ThreadlineDB, taskId: string, input: DueInput): Promise<void> {
  const next = parsed(dueSchema, input);
  await mutate(db, async (w) => {
    const task = await w.db.activities.get(taskId);
    if (!task || task.kind !== 'task') throw new NotFoundError('task', taskId);
    if (task.due === next.due && task.timed === next.timed) return;
    // Read back with its derived index keys, which are no part of the document.
    await w.put('activities', { ...withoutRecordAt(task), ...next, updatedAt: Date.now() }, ['due', 'timed']);
  });
}

/** Later today, tomorrow or next Monday, from `now` (the caller's clock, so tests pick the day). */
export function snoozeTask(db: ThreadlineDB, taskId: string, snooze: Snooze, now: number = Date.now()): Promise<void> {
  return rescheduleTask(db, taskId, snoozeUntil(snooze, now));
}
