import { z } from 'zod';
import { LIMITS } from './limits';

/** The outcomes every workspace starts with; the UI words them in the user's language. */
export const BUILT_IN_CALL_OUTCOMES = ['connected', 'leftVoicemail', 'noAnswer', 'busy', 'wrongNumber'] as const;
export type BuiltInCallOutcome = (typeof BUILT_IN_CALL_OUTCOMES)[number];

export const isBuiltInOutcome = (id: string): id is BuiltInCallOutcome => (BUILT_IN_CALL_OUTCOMES as readonly string[]).includes(id);

/**
 * One choice of the call outcome list. A built-in one has no label (it is translated); one an admin
 * added has the label they typed. Removing an outcome keeps the calls that used it readable: the
 * history shows a stored id it no longer lists by its label if known, else as is.
 */
export const callOutcomeSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    label: z.string().trim().min(1).max(LIMITS.label).optional(),
  })
  .strict()
  .refine((o) => isBuiltInOutcome(o.id) || o.label !== undefined, { message: 'required', path: ['label'] });
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const callOutcomesSchema = z
  .array(callOutcomeSchema)
  .min(1)
  .max(50)
  .refine((list) => new Set(list.map((o) => o.id)).size === list.length, { message: 'duplicate' });

export const DEFAULT_CALL_OUTCOMES: CallOutcome[] = BUILT_IN_CALL_OUTCOMES.map((id) => ({ id }));
