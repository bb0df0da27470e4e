import { z } from 'zod';
import { threadContextSchema, participantSchema } from './threadContext';

/**
 * Messages between the page that shows a thread (Gmail content script or the demo inbox), the
 * sidebar page framed beside it, and the background. They travel over the extension's runtime
 * messaging, never window.postMessage, which Gmail's own scripts could forge; every message is
 * parsed on arrival.
 */
export const hostToSidebarSchema = z.discriminatedUnion('type', [
  // `context` stays unparsed here so that a bad thread can be shown as such (parseThreadContext).
  z.object({ type: z.literal('threadline/thread-opened'), context: z.unknown() }),
  z.object({ type: z.literal('threadline/thread-closed'), threadId: z.string() }),
  z.object({ type: z.literal('threadline/log-email-requested'), threadId: z.string() }),
  // Gmail's shortcuts (entrypoints/gmail.content/shortcuts.ts): open the thread's record, write a note.
  z.object({ type: z.literal('threadline/open-record-requested'), threadId: z.string() }),
  z.object({ type: z.literal('threadline/note-requested'), threadId: z.string() }),
]);
export type HostToSidebar = z.infer<typeof hostToSidebarSchema>;

/**
 * Sent by a sidebar to its host frame (frameId 0 of its tab): `sidebar-ready` is answered with the
 * open thread; `open-record` asks the host to show a record's page (Gmail: the Threadline route).
 */
export const sidebarToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('threadline/sidebar-ready') }),
  z.object({ type: z.literal('threadline/open-record'), recordId: z.string().min(1).max(200) }),
  // The sidebar's home lists recently logged threads: the host shows the thread (Gmail navigates to it).
  z.object({ type: z.literal('threadline/open-thread'), threadId: z.string().min(1).max(200) }),
]);
export type SidebarToHost = z.infer<typeof sidebarToHostSchema>;

/** The host's answer to `open-record` and `open-thread`: whether it showed it (else the sidebar opens a tab). */
export const openRecordReplySchema = z.object({ opened: z.boolean() });
export type OpenRecordReply = z.infer<typeof openRecordReplySchema>;

/** A message the user just sent from Gmail's compose window. */
export const sentEmailSchema = z
  .object({
    threadId: z.string().min(1).max(200),
    messageId: z.string().min(1).max(200),
    from: participantSchema,
    to: z.array(participantSchema).max(500),
    cc: z.array(participantSchema).max(500),
    subject: z.string().max(1_000),
    snippet: z.string().max(1_000),
    date: z.number().int().nonnegative(),
  })
  .strict();
export type SentEmail = z.infer<typeof sentEmailSchema>;

/** Content script → background: the background owns the database, the content script never does. */
export const hostToBackgroundSchema = z.discriminatedUnion('type', [
  // Gmail said a message was sent (a page script can forge that): never logged, answered with an offer.
  z.object({ type: z.literal('threadline/email-sent'), email: sentEmailSchema }),
  // The user asked: the compose's "Log when sent" box was ticked, or they accepted the offer.
  z.object({ type: z.literal('threadline/log-sent-email'), email: sentEmailSchema }),
]);
export type HostToBackground = z.infer<typeof hostToBackgroundSchema>;

export const emailSentReplySchema = z.object({
  logged: z.boolean(),
  /** How many Threadline records the message was (or would be) logged against. */
  recordCount: z.number().int().nonnegative(),
});
export type EmailSentReply = z.infer<typeof emailSentReplySchema>;

export type ThreadContextResult = { ok: true; context: z.infer<typeof threadContextSchema> } | { ok: false; reason: string };

export function parseThreadContext(raw: unknown): ThreadContextResult {
  const r = threadContextSchema.safeParse(raw);
  if (r.success) return { ok: true, context: r.data };
  const first = r.error.issues[0];
  // zod echoes unknown keys in its message: cap what a hostile page can make the sidebar show.
  const reason = first ? `${first.path.join('.') || 'thread'}: ${first.message}` : 'invalid thread';
  return { ok: false, reason: reason.length > 200 ? `${reason.slice(0, 199)}…` : reason };
}

/** Content script (or the demo inbox) → background: the deal labels of the thread rows it shows, a page at once. */
export const ROW_LABELS_MAX_THREADS = 200;
export const rowLabelsRequestSchema = z
  .object({
    type: z.literal('threadline/row-labels'),
    threadIds: z.array(z.string().min(1).max(200)).min(1).max(ROW_LABELS_MAX_THREADS),
  })
  .strict();
export type RowLabelsRequest = z.infer<typeof rowLabelsRequestSchema>;

/** One linked deal as its row shows it: the stage's name and colour, the deal's name as tooltip. */
export const rowLabelSchema = z
  .object({
    dealName: z.string().max(1_000),
    stageName: z.string().min(1).max(200),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  })
  .strict();
export type RowLabel = z.infer<typeof rowLabelSchema>;

/** Per asked thread id, its deals' labels, first linked first; a thread without deals may be absent. */
export const rowLabelsReplySchema = z
  .object({
    labels: z.record(z.string().max(200), z.array(rowLabelSchema).max(100)),
  })
  .strict();
export type RowLabelsReply = z.infer<typeof rowLabelsReplySchema>;

/** Background → Gmail tabs and extension pages: thread links or deals changed; rows ask again. */
export const rowLabelsChangedSchema = z.object({ type: z.literal('threadline/row-labels-changed') }).strict();
export type RowLabelsChanged = z.infer<typeof rowLabelsChangedSchema>;

// Compose templates (threadline/compose-templates, threadline/template-used): their own file, beside the search box's.
export * from './composeTemplates';
