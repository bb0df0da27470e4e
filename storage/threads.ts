import type { Participant, ThreadContext, ThreadMessage } from '../messaging/threadContext';
import { logEmail, type EmailToLog } from './activities';
import { db } from './db';
import type { CrmRecord } from './model/entities';
import { normalizeEmail } from './model/normalize';
import { PRESET_FOLDER_IDS } from './presets';
import { isExcluded, type PrivacyRules } from './privacy';
import { findRecordsByEmails, threadLinksFor } from './queries';

const { contacts: CONTACTS, companies: COMPANIES, deals: DEALS } = PRESET_FOLDER_IDS;

/** Everyone on the thread except the user, the team and the never-log list, first appearance first. */
export function threadParticipants(context: ThreadContext, rules: PrivacyRules): Participant[] {
  const seen = new Map<string, Participant>();
  for (const m of context.messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) {
      const email = normalizeEmail(p.email);
      if (seen.has(email) || isExcluded(email, rules)) continue;
      const known = seen.get(email);
      seen.set(email, { name: p.name || known?.name || '', email });
    }
  }
  return [...seen.values()];
}

export type ThreadRecords = {
  /** Contact per participant address (undefined: unknown person). */
  contactByEmail: Map<string, CrmRecord>;
  companies: CrmRecord[];
  /** Deals linked to this thread first, then the participants' and their companies' other deals. */
  linkedDeals: CrmRecord[];
  otherDeals: CrmRecord[];
};

/** Every record the sidebar shows for a thread, found through indexes only. */
export async function loadThreadRecords(context: ThreadContext, participants: readonly Participant[]): Promise<ThreadRecords> {
  const found = await findRecordsByEmails(participants.map((p) => p.email));
  const contactByEmail = new Map<string, CrmRecord>();
  for (const r of found.filter((r) => r.folderId === CONTACTS)) for (const e of r.emails) contactByEmail.set(e, r);
  const contactsList = [...new Set(contactByEmail.values())];

  const companyIds = new Set(contactsList.flatMap((c) => (c.values.fc_company as string[] | undefined) ?? []));
  const companies = (await db.records.bulkGet([...companyIds])).filter((r): r is CrmRecord => r?.folderId === COMPANIES);

  const links = await threadLinksFor(context.threadId);
  const linked = (await db.records.bulkGet(links.map((l) => l.recordId))).filter((r): r is CrmRecord => r?.folderId === DEALS);
  const linkedIds = new Set(linked.map((d) => d.id));
  const related = await db.records.where('linkedIds').anyOf([...contactsList.map((c) => c.id), ...companyIds]).distinct().toArray();
  const otherDeals = related.filter((r) => r.folderId === DEALS && !linkedIds.has(r.id));
  return { contactByEmail, companies, linkedDeals: linked, otherDeals };
}

export function emailFromMessage(context: ThreadContext, message: ThreadMessage): EmailToLog {
  const own = new Set(context.userEmails.map(normalizeEmail));
  return {
    threadId: context.threadId,
    messageId: message.messageId,
    direction: own.has(normalizeEmail(message.from.email)) ? 'sent' : 'received',
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: context.subject,
    snippet: message.snippet,
    // Gmail gives dates only as localised tooltip text; 0 means it could not be read.
    date: message.date || Date.now(),
  };
}

/**
 * Logs every message of the thread against the known contacts on it and the deals the thread is
 * linked to. Idempotent per message, so the button can be pressed any number of times.
 */
export async function logThread(context: ThreadContext, rules: PrivacyRules): Promise<{ logged: number; created: number }> {
  const participants = threadParticipants(context, rules);
  const records = await loadThreadRecords(context, participants);
  const dealIds = records.linkedDeals.map((d) => d.id);
  let logged = 0;
  let created = 0;
  for (const message of context.messages) {
    const onMessage = [message.from, ...message.to, ...message.cc].map((p) => normalizeEmail(p.email));
    const contactIds = [...new Set(onMessage.map((e) => records.contactByEmail.get(e)?.id).filter((id): id is string => !!id))];
    const recordIds = [...contactIds, ...dealIds];
    if (recordIds.length === 0) continue;
    const result = await logEmail(emailFromMessage(context, message), recordIds);
    logged++;
    if (result.created) created++;
  }
  return { logged, created };
}

/** Which messages of the thread are already in the CRM, by message id. */
export async function loggedMessageIds(context: ThreadContext): Promise<Set<string>> {
  const rows = await db.activities.where('threadId').equals(context.threadId).toArray();
  return new Set(rows.flatMap((a) => (a.kind === 'email' ? [a.messageId] : [])));
}
