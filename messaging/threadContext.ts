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

/**
 * Bounds on a whole thread, not just each list in it: 500 messages × 1,000 recipients each passed
 * the per-list bounds (hundreds of MB for the sidebar to parse and match). `boundThreadContext`
 * brings a long thread within them; the schema refuses anything that is not.
 */
export const THREAD_LIMITS = {
  messages: 200,
  /** Distinct addresses other than the user's own; at least `messages`, so every sender fits. */
  people: 250,
  /** Characters of the context as JSON. */
  size: 512 * 1024,
} as const;

/** Distinct addresses on the thread other than the user's own, first appearance first (senders first). */
export function threadPeople(context: Pick<ThreadContext, 'messages' | 'userEmails'>): string[] {
  const own = new Set(context.userEmails.map((e) => e.toLowerCase()));
  const people = new Set<string>();
  const add = (p: Participant) => {
    const email = p.email.toLowerCase();
    if (!own.has(email)) people.add(email);
  };
  for (const m of context.messages) add(m.from);
  for (const m of context.messages) for (const p of [...m.to, ...m.cc]) add(p);
  return [...people];
}

export const threadContextSchema = z
  .object({
    threadId: z.string().min(1).max(200),
    subject: text(1_000),
    messages: z.array(threadMessageSchema).min(1).max(THREAD_LIMITS.messages),
    /** The signed-in user's own addresses: never suggested as contacts. */
    userEmails: z.array(z.string().max(254)).max(50),
    /** How many people the whole thread had when `messages` holds only some of them (absent: all). */
    peopleTotal: z.number().int().nonnegative().max(1_000_000).optional(),
  })
  .strict()
  .superRefine((context, issues) => {
    const people = threadPeople(context).length;
    if (people > THREAD_LIMITS.people) issues.addIssue({ code: 'custom', path: ['messages'], message: `has ${people} people, more than ${THREAD_LIMITS.people}` });
    if (context.peopleTotal !== undefined && context.peopleTotal < people) issues.addIssue({ code: 'custom', path: ['peopleTotal'], message: 'is less than the people listed' });
    if (JSON.stringify(context).length > THREAD_LIMITS.size) issues.addIssue({ code: 'custom', path: [], message: `is larger than ${THREAD_LIMITS.size} characters` });
  });
export type ThreadContext = z.infer<typeof threadContextSchema>;

/**
 * A thread brought within THREAD_LIMITS, keeping what the sidebar needs most: the newest messages,
 * every sender, then the first recipients to appear; when that is still too large, the oldest
 * messages go. `peopleTotal` says how many people there were, so the sidebar can say it shows only
 * some. A thread already within the limits comes back as it was.
 */
export function boundThreadContext(context: ThreadContext): ThreadContext {
  const everyone = threadPeople(context);
  let messages = context.messages.slice(-THREAD_LIMITS.messages);
  const kept = new Set(threadPeople({ messages, userEmails: context.userEmails }).slice(0, THREAD_LIMITS.people));
  const own = new Set(context.userEmails.map((e) => e.toLowerCase()));
  const keep = (p: Participant) => kept.has(p.email.toLowerCase()) || own.has(p.email.toLowerCase());
  messages = messages.map((m) => ({ ...m, to: m.to.filter(keep), cc: m.cc.filter(keep) }));
  const { peopleTotal: _, ...rest } = context;
  const bounded = (list: ThreadMessage[]): ThreadContext => {
    const shown = threadPeople({ messages: list, userEmails: context.userEmails }).length;
    return shown < everyone.length ? { ...rest, messages: list, peopleTotal: everyone.length } : { ...rest, messages: list };
  };
  // Each message's share of the JSON, so dropping the oldest does not re-serialise the whole thread.
  const sizes = messages.map((m) => JSON.stringify(m).length + 1);
  let total = JSON.stringify(bounded(messages)).length;
  let first = 0;
  while (total > THREAD_LIMITS.size && first < messages.length - 1) total -= sizes[first++]!;
  return bounded(messages.slice(first));
}
