import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import type { ActivityOf } from '../model/entities';
import { newId } from '../model/ids';
import { LIMITS } from '../model/limits';
import { inputRefusal } from '../model/inputErrors';
import { mutate, type Writer } from '../write/mutate';
import { getSetting } from '../settings/settings';
import { runActivityLogged } from '../write/hooks';
import { ActivityValidationError, addActivityIn } from './activities';

const ids = z.array(z.string().min(1).max(64)).max(LIMITS.linkTargets);
const common = {
  /** The records it is about (the page's record, the sidebar's people or deal). */
  recordIds: ids.min(1),
  /** When it happened: the form's date and time, in ms. */
  at: z.number().finite(),
  durationMin: z.number().int().min(0).max(24 * 60).optional(),
  body: z.string().max(LIMITS.longText),
  threadId: z.string().min(1).max(200).optional(),
};

export const callInputSchema = z.object({ ...common, outcome: z.string().min(1).max(64), withIds: ids.optional() }).strict();
export type CallInput = z.infer<typeof callInputSchema>;

export const meetingInputSchema = z.object({ ...common, title: z.string().trim().max(LIMITS.shortText), attendeeIds: ids }).strict();
export type MeetingInput = z.infer<typeof meetingInputSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown, entity: 'call' | 'meeting'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const refusal = inputRefusal(entity, r.error, input);
  throw new ActivityValidationError(refusal.message, refusal.code, refusal.params);
}

const unique = (...lists: (readonly string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];

const stamp = (at: number) => {
  const now = Date.now();
  return { at, createdAt: now, updatedAt: now };
};

/**
 * A call with its outcome, from the workspace's current outcome list (an id no longer listed is
 * refused: the list on screen was stale). The person called (`withIds`) gets it in their history too.
 */
export async function logCall(db: ThreadlineDB, input: CallInput): Promise<ActivityOf<'call'>> {
  const call = parse(callInputSchema, input, 'call');
  return mutate(db, async (w) => {
    const outcomes = await getSetting(w.db, 'callOutcomes');
    if (!outcomes.some((o) => o.id === call.outcome)) {
      throw new ActivityValidationError(`The call outcome "${call.outcome}" is not one of the options`, 'invalidInput', { subject: 'callOutcome', issue: 'unknownOption', value: call.outcome });
    }
    const activity: ActivityOf<'call'> = {
      id: newId('act'),
      kind: 'call',
      recordIds: unique(call.recordIds, call.withIds),
      outcome: call.outcome,
      body: call.body.trim(),
      ...(call.durationMin !== undefined ? { durationMin: call.durationMin } : {}),
      ...(call.threadId ? { threadId: call.threadId } : {}),
      ...stamp(call.at),
    };
    return logged(w, activity);
  });
}

/** A meeting; its attendees (contacts) carry it in their histories as well as the records it is about. */
export async function logMeeting(db: ThreadlineDB, input: MeetingInput): Promise<ActivityOf<'meeting'>> {
  const meeting = parse(meetingInputSchema, input, 'meeting');
  return mutate(db, (w) =>
    logged(w, {
      id: newId('act'),
      kind: 'meeting',
      recordIds: unique(meeting.recordIds, meeting.attendeeIds),
      title: meeting.title,
      body: meeting.body.trim(),
      attendeeIds: unique(meeting.attendeeIds),
      ...(meeting.durationMin !== undefined ? { durationMin: meeting.durationMin } : {}),
      ...(meeting.threadId ? { threadId: meeting.threadId } : {}),
      ...stamp(meeting.at),
    }),
  );
}

/** Stored with its records' statistics, then the workspace's "call or meeting logged" rules run in the same write. */
async function logged<A extends ActivityOf<'call'> | ActivityOf<'meeting'>>(w: Writer, activity: A): Promise<A> {
  await addActivityIn(w, activity);
  await runActivityLogged(w, { kind: 'activityLogged', activity });
  return activity;
}
