import type { ThreadlineDB } from '../db/db';
import { withoutRecordAt } from '../db/activityIndex';
import { activitySchema, type Activity, type ActivityOf, type CrmRecord, type Person } from '../model/entities';
import { newId, threadLinkId } from '../model/ids';
import { mutate, type Writer } from '../write/mutate';
import { setRecordStatsIn } from '../write/records';
import { NotFoundError, StorageError, type StorageErrorCode, type StorageErrorParams } from '../model/errors';
import { inputRefusal } from '../model/inputErrors';
import { runActivityLogged } from '../write/hooks';
import { PRESET_FOLDER_IDS } from '../folders/presets';

/** `message` is English (logs, tests); the UI words `code` and `params`. */
export class ActivityValidationError extends StorageError {
  constructor(message: string, code: StorageErrorCode, params: StorageErrorParams = {}) {
    super(code, params, message);
    this.name = 'ActivityValidationError';
  }
}

function validated<A extends Activity>(activity: A): A {
  const r = activitySchema.safeParse(activity);
  if (!r.success) {
    const refusal = inputRefusal('activity', r.error, activity);
    throw new ActivityValidationError(refusal.message, refusal.code, refusal.params);
  }
  return activity;
}

/** Keeps each record's statistics (last activity, last email, thread count) current in the same write. */
async function touchRecords(w: Writer, activity: Activity) {
  const touched: CrmRecord[] = [];
  for (const id of activity.recordIds) {
    const record = await w.db.records.get(id);
    if (!record) throw new NotFoundError('record', id);
    touched.push(record);
    const stats = { ...record.stats };
    stats.lastActivityAt = Math.max(stats.lastActivityAt ?? 0, activity.at);
    if (activity.kind === 'email') {
      if (activity.direction === 'received') stats.lastEmailReceivedAt = Math.max(stats.lastEmailReceivedAt ?? 0, activity.at);
      const threads = new Set(stats.emailThreadIds ?? []);
      threads.add(activity.threadId);
      stats.emailThreadIds = [...threads];
    }
    await setRecordStatsIn(w, id, stats);
  }
  await touchCompanies(w, activity, touched);
}

/**
 * A company's history holds its people's and deals' entries (storage/queries/history.ts), so its
 * last activity follows them too: a call with Lucía is activity at Acme Iberia.
 */
async function touchCompanies(w: Writer, activity: Activity, touched: readonly CrmRecord[]) {
  const direct = new Set(activity.recordIds);
  const linked = [...new Set(touched.flatMap((r) => r.linkedIds))].filter((id) => !direct.has(id));
  if (linked.length === 0) return;
  const companyFolders = new Set((await w.db.folders.toArray()).filter((f) => f.kind === 'companies').map((f) => f.id));
  for (const company of await w.db.records.bulkGet(linked)) {
    if (!company || !companyFolders.has(company.folderId) || (company.stats.lastActivityAt ?? 0) >= activity.at) continue;
    await setRecordStatsIn(w, company.id, { ...company.stats, lastActivityAt: activity.at });
  }
}

/** A new activity, validated, with its records' statistics, inside the caller's write. */
export async function addActivityIn<A extends Activity>(w: Writer, activity: A): Promise<A> {
  validated(activity);
  await w.put('activities', activity, Object.keys(activity));
  await touchRecords(w, activity);
  return activity;
}

function addActivity<A extends Activity>(db: ThreadlineDB, activity: A): Promise<A> {
  return mutate(db, (w) => addActivityIn(w, activity));
}

const stamp = () => {
  const now = Date.now();
  return { at: now, createdAt: now, updatedAt: now };
};

/** A note about records; `threadId` when written beside a Gmail thread (see linkThreadIn). The "note logged" rules run in the same write. */
export function addNote(db: ThreadlineDB, recordIds: string[], body: string, threadId?: string): Promise<ActivityOf<'note'>> {
  const note: ActivityOf<'note'> = { id: newId('act'), kind: 'note', recordIds, body, ...(threadId ? { threadId } : {}), ...stamp() };
  return mutate(db, async (w) => {
    await addActivityIn(w, note);
    await runActivityLogged(w, { kind: 'activityLogged', activity: note });
    return note;
  });
}

/** `timed`: the due moment's time of day was chosen; else only its day counts (storage/activities/taskTime.ts). */
export function addTask(db: ThreadlineDB, recordIds: string[], title: string, due?: number, timed = false): Promise<ActivityOf<'task'>> {
  return addActivity(db, { id: newId('act'), kind: 'task', recordIds, title, done: false, ...(due ? { due, timed } : {}), ...stamp() });
}

/** A bare call (the sim, fixtures); the forms log through logCall (storage/activities/log.ts). */
export function addCall(db: ThreadlineDB, recordIds: string[], body: string, outcome: ActivityOf<'call'>['outcome']): Promise<ActivityOf<'call'>> {
  return addActivity(db, { id: newId('act'), kind: 'call', recordIds, body, outcome, ...stamp() });
}

export async function setTaskDone(db: ThreadlineDB, taskId: string, done: boolean): Promise<void> {
  await mutate(db, async (w) => {
    const task = await w.db.activities.get(taskId);
    if (!task || task.kind !== 'task') throw new NotFoundError('task', taskId);
    if (task.done !== done) await w.put('activities', { ...task, done, updatedAt: Date.now() }, ['done']);
  });
}

export type EmailToLog = {
  threadId: string;
  messageId: string;
  direction: 'received' | 'sent';
  from: Person;
  to: Person[];
  cc: Person[];
  subject: string;
  snippet: string;
  date: number;
};

/** One log per Gmail message, whoever logs it and however often: the id is the message id. */
export const emailActivityId = (messageId: string) => `email_${messageId}`;

/**
 * Logs an email against records. Idempotent: logging the same message again only adds records
 * that were not yet attached, and reports `created: false`.
 */
export async function logEmail(db: ThreadlineDB, email: EmailToLog, recordIds: string[]): Promise<{ activity: ActivityOf<'email'>; created: boolean }> {
  return mutate(db, (w) => logEmailIn(w, email, recordIds));
}

/** logEmail inside the caller's transaction. */
export async function logEmailIn(w: Writer, email: EmailToLog, recordIds: string[]): Promise<{ activity: ActivityOf<'email'>; created: boolean }> {
  const id = emailActivityId(email.messageId);
  const existing = await w.db.activities.get(id);
  if (existing && existing.kind !== 'email') throw new ActivityValidationError(`Activity ${id} is not an email`, 'activityNotEmail', {});
  const recordSet = new Set([...(existing?.recordIds ?? []), ...(await emailRecordsIn(w, email.threadId, recordIds))]);
  const now = Date.now();
  const { date, ...message } = email;
  const activity = validated<ActivityOf<'email'>>({
    id,
    kind: 'email',
    ...message,
    subject: email.subject.slice(0, 1_000),
    snippet: email.snippet.slice(0, 1_000),
    recordIds: [...recordSet],
    at: date,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  if (existing && existing.recordIds.length === activity.recordIds.length) return { activity: existing, created: false };
  await w.put('activities', activity, existing ? ['recordIds'] : Object.keys(activity));
  await touchRecords(w, activity);
  const before = new Set(existing?.recordIds ?? []);
  await runActivityLogged(w, { kind: 'emailLogged', activity, added: activity.recordIds.filter((id) => !before.has(id)) });
  return { activity, created: !existing };
}

/**
 * Whom a logged email is about: the records asked for, the companies of the contacts among them,
 * and the records the thread is linked to (its deals), whichever path logs it (the sidebar, sent
 * mail, a sync replay).
 */
async function emailRecordsIn(w: Writer, threadId: string, recordIds: readonly string[]): Promise<string[]> {
  const [records, links] = await Promise.all([w.db.records.bulkGet([...recordIds]), w.db.threadLinks.where('threadId').equals(threadId).toArray()]);
  const companyIds = records.flatMap((r) => (r?.folderId === PRESET_FOLDER_IDS.contacts ? ((r.values.fc_company as string[] | undefined) ?? []) : []));
  const companies = companyIds.length ? await w.db.records.bulkGet(companyIds) : [];
  const existing = [...companies, ...(links.length ? await w.db.records.bulkGet(links.map((l) => l.recordId)) : [])].flatMap((r) => (r ? [r.id] : []));
  return [...new Set([...recordIds, ...existing])];
}

/** Links a Gmail thread to a record (usually a deal); linking twice is a no-op. */
export async function linkThread(db: ThreadlineDB, threadId: string, recordId: string): Promise<void> {
  await mutate(db, (w) => linkThreadIn(w, threadId, recordId));
}

export async function linkThreadIn(w: Writer, threadId: string, recordId: string): Promise<void> {
  if (!(await w.db.records.get(recordId))) throw new NotFoundError('record', recordId);
  const id = threadLinkId(threadId, recordId);
  if (await w.db.threadLinks.get(id)) return;
  const now = Date.now();
  await w.put('threadLinks', { id, threadId, recordId, createdAt: now, updatedAt: now }, ['threadId', 'recordId']);
  await attachThreadActivitiesIn(w, threadId, recordId);
}

/**
 * What was logged on the thread before it was linked (emails, and notes, calls and meetings written
 * beside it) now belongs to the record too, so a deal made from a conversation starts with its
 * history. Unlinking leaves them: they were about the deal when they were attached.
 */
async function attachThreadActivitiesIn(w: Writer, threadId: string, recordId: string): Promise<void> {
  const onThread = await w.db.activities.where('threadId').equals(threadId).toArray();
  for (const activity of onThread) {
    if (activity.recordIds.includes(recordId)) continue;
    // Read back with its derived index keys, which are no part of the document.
    const attached = validated({ ...withoutRecordAt(activity), recordIds: [...activity.recordIds, recordId], updatedAt: Date.now() });
    await w.put('activities', attached, ['recordIds']);
    await touchRecords(w, { ...attached, recordIds: [recordId] });
  }
}

export async function unlinkThread(db: ThreadlineDB, threadId: string, recordId: string): Promise<void> {
  await mutate(db, async (w) => {
    const id = threadLinkId(threadId, recordId);
    if (await w.db.threadLinks.get(id)) await w.remove('threadLinks', id);
  });
}
