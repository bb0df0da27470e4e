import { z } from 'zod';

/**
 * What the Gmail content script (or the demo inbox) knows about the open thread. It crosses a
 * context boundary and comes from a page we do not control, so it is parsed on arrival.
 */
const text = (max: number) => z.string().max(max);

export const participantSchema = z
  .object({
    name: text(500),
    email: z.string().max(254).regex(/^[^\s@]+@[^\s@]+$/, { error: 'is not an email address' }),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

export const threadMessageSchema = z
  .object({
    messageId: z.string().min(1).max(200),
    from: participantSchema,
    to: z.array(participantSchema).max(500),
    cc: z.array(participantSchema).max(500),
    /** Epoch milliseconds. */
    date: z.number().int().nonnegative(),
    snippet: text(1_000),
  })
  .strict();
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadContextSchema = z
  .object({
    threadId: z.string().min(1).max(200),
    subject: text(1_000),
    messages: z.array(threadMessageSchema).min(1).max(500),
    /** The signed-in user's own addresses: never suggested as contacts. */
    userEmails: z.array(z.string().max(254)).max(50),
  })
  .strict();
export type ThreadContext = z.infer<typeof threadContextSchema>;
