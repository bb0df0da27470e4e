import type { EmailSentReply, HostToBackground, SentEmail } from '../../messaging/protocol';
import { logEmail } from '../activities/activities';
import { normalizeEmail } from '../model/normalize';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import { loadNeverLog } from '../privacy/neverLog';
import { isExcluded, loadPrivacyRules } from '../privacy/privacy';
import { redactEmail } from '../privacy/scrub';
import { findRecordsByEmails, threadLinksFor } from '../queries/queries';
import { getSetting } from '../settings/settings';
import type { ThreadlineDB } from '../db/db';

/**
 * A message the user sent from Gmail. `offer`: log nothing, say how many records it could be
 * logged against. `auto`: log it only if its thread is linked to a deal and the workspace logs
 * linked threads automatically. `manual`: the user asked, log it against every known recipient.
 * Recipients on the never-log list or in the team are never logged against.
 */
export async function handleSentEmail(db: ThreadlineDB, email: SentEmail, mode: 'offer' | 'auto' | 'manual'): Promise<EmailSentReply> {
  const rules = await loadPrivacyRules(db, [email.from.email]);
  const recipients = [...email.to, ...email.cc].map((p) => normalizeEmail(p.email)).filter((e) => !isExcluded(e, rules));
  const contacts = (await findRecordsByEmails(db, recipients)).filter((r) => r.folderId === PRESET_FOLDER_IDS.contacts);
  const links = await threadLinksFor(db, email.threadId);
  const recordIds = [...new Set([...contacts.map((c) => c.id), ...links.map((l) => l.recordId)])];
  if (recordIds.length === 0) return { logged: false, recordCount: 0 };
  if (mode === 'offer' || (mode === 'auto' && (links.length === 0 || !(await getSetting(db, 'autoLogLinkedThreads'))))) {
    return { logged: false, recordCount: recordIds.length };
  }
  // Nothing about a never-log recipient is kept: not their address, not a message only to them.
  const isOwn = (address: string) => isExcluded(address, rules);
  const kept = redactEmail({ ...email, direction: 'sent' as const }, await loadNeverLog(db), isOwn)?.email;
  if (!kept) return { logged: false, recordCount: 0 };
  await logEmail(db, kept, recordIds);
  return { logged: true, recordCount: recordIds.length };
}

/**
 * The background's answer to the Gmail content script. A `sent` event is Gmail's page speaking,
 * and a script in that page can forge one for any thread, so on its own it only ever yields an
 * offer; only the user's own action logs: the compose's "Log when sent" box, or "Log it" on the offer.
 */
export function answerSentEmail(db: ThreadlineDB, message: HostToBackground): Promise<EmailSentReply> {
  return handleSentEmail(db, message.email, message.type === 'threadline/log-sent-email' ? 'manual' : 'offer');
}
