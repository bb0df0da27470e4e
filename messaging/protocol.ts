import { z } from 'zod';
import { threadContextSchema } from './threadContext';

/**
 * Messages between the page that shows a thread (Gmail content script or the demo inbox) and the
 * sidebar page framed beside it. They travel over the extension's runtime messaging, never
 * window.postMessage, which Gmail's own scripts could forge; every message is parsed on arrival.
 */
export const hostToSidebarSchema = z.discriminatedUnion('type', [
  // `context` is left unparsed here so that a bad thread can be reported as such (see parseThreadContext).
  z.object({ type: z.literal('threadline/thread-opened'), context: z.unknown() }),
  z.object({ type: z.literal('threadline/thread-closed'), threadId: z.string() }),
  z.object({ type: z.literal('threadline/log-email-requested'), threadId: z.string() }),
]);
export type HostToSidebar = z.infer<typeof hostToSidebarSchema>;

export const sidebarToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('threadline/sidebar-ready') }),
]);
export type SidebarToHost = z.infer<typeof sidebarToHostSchema>;

export type ThreadContextResult =
  | { ok: true; context: z.infer<typeof threadContextSchema> }
  | { ok: false; reason: string };

export function parseThreadContext(raw: unknown): ThreadContextResult {
  const r = threadContextSchema.safeParse(raw);
  if (r.success) return { ok: true, context: r.data };
  const first = r.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || 'thread'}: ${first.message}` : 'invalid thread' };
}
