import { withoutRecordAt } from '../db/activityIndex';
import type { ThreadlineDB } from '../db/db';
import type { Activity, ActivityOf } from '../model/entities';
import { emailDomain, normalizeDomain, normalizeEmail } from '../model/normalize';
import { getSetting } from '../settings/settings';
import type { Writer } from '../write/mutate';
import { redactEmail, type Mentions } from './scrub';

/**
 * The workspace's never-log list as Mentions: Threadline keeps nothing about these people, not
 * their address on a message, not a message that is only between them and the rep.
 */
export async function loadNeverLog(db: ThreadlineDB): Promise<Mentions> {
  const emails = new Set<string>();
  const domains = new Set<string>();
  for (const entry of await getSetting(db, 'neverLog')) {
    if (entry.includes('@')) emails.add(normalizeEmail(entry));
    else domains.add(normalizeDomain(entry));
  }
  return {
    isGone: (email) => {
      const e = normalizeEmail(email);
      const d = emailDomain(e);
      return emails.has(e) || (d !== undefined && domains.has(d));
    },
    names: [],
  };
}

/** An email activity's new version without `gone` (`undefined`: nothing of it may stay), or the same object. */
export function redactEmailActivity(activity: ActivityOf<'email'>, gone: Mentions, isOwn: (email: string) => boolean): ActivityOf<'email'> | undefined {
  const result = redactEmail(activity, gone, isOwn);
  if (!result) return undefined;
  return result.changed ? { ...withoutRecordAt(result.email), updatedAt: Date.now() } : activity;
}

/**
 * Takes `gone` out of the emails already logged on a thread, inside the caller's write, so that
 * logging it again or linking it to a deal (which attaches what the thread holds) carries none
 * of it, and in a shared workspace the change syncs: emails logged before an address joined the
 * never-log list, or by a teammate whose list was different.
 */
export async function scrubThreadIn(w: Writer, threadId: string, gone: Mentions, isOwn: (email: string) => boolean): Promise<number> {
  const onThread: Activity[] = await w.db.activities.where('threadId').equals(threadId).toArray();
  let scrubbed = 0;
  for (const activity of onThread) {
    if (activity.kind !== 'email') continue;
    const next = redactEmailActivity(activity, gone, isOwn);
    if (next === activity) continue;
    scrubbed++;
    if (next) await w.put('activities', next, ['from', 'to', 'cc', 'subject', 'snippet']);
    else await w.remove('activities', activity.id);
  }
  return scrubbed;
}
