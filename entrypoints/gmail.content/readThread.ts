import { boundThreadContext, THREAD_LIMITS, type ThreadContext, type ThreadMessage } from '../../messaging/threadContext';
import { attempt, bodySnippet, clip, parseGmailDate, SUBJECT_MAX, toParticipant, toParticipants, toUserEmails } from './normalise';
import type { MessageViewSource, ThreadViewSource } from './surface';

/**
 * A loaded message as schema-shaped data, or null when Gmail cannot tell who sent it or its id:
 * such a message is left out rather than making the whole thread unreadable.
 */
export async function readMessage(view: MessageViewSource): Promise<ThreadMessage | null> {
  try {
    const from = toParticipant(view.getSender());
    if (!from) return null;
    const [messageId, recipients] = await Promise.all([
      view.getMessageIDAsync(),
      view.getRecipientsFull().catch(() => []),
    ]);
    return {
      messageId,
      from,
      // getRecipientsFull does not say which were cc'd, so every recipient counts as "to".
      to: toParticipants(recipients),
      cc: [],
      date: parseGmailDate(attempt(() => view.getDateString(), '')),
      snippet: attempt(() => bodySnippet(view.getBodyElement()), ''),
    };
  } catch {
    return null;
  }
}

const isLoaded = (view: MessageViewSource) => attempt(() => view.isLoaded(), false);

/**
 * What the thread view shows, as a ThreadContext-shaped value. Not validated here: the sidebar
 * parses it and says "couldn't read this thread" when Gmail gave too little (e.g. no thread id or
 * no readable message), which is more useful than showing nothing.
 * Unloaded (collapsed) messages are skipped; the caller reads the thread again when one loads.
 * Only the newest THREAD_LIMITS.messages are read, and the whole is brought within THREAD_LIMITS
 * (people and size), saying how many people there were when some had to go.
 */
export async function readThread(view: ThreadViewSource, userEmails: readonly string[]): Promise<ThreadContext> {
  const loaded = attempt(() => view.getMessageViewsAll(), []).filter(isLoaded).slice(-THREAD_LIMITS.messages);
  const [threadId, messages] = await Promise.all([
    view.getThreadIDAsync().catch(() => ''),
    Promise.all(loaded.map(readMessage)),
  ]);
  return boundThreadContext({
    threadId,
    subject: clip(attempt(() => view.getSubject(), ''), SUBJECT_MAX),
    messages: messages.filter((m): m is ThreadMessage => m !== null),
    userEmails: toUserEmails(userEmails),
  });
}
