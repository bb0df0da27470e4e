import { withoutRecordAt } from '../db/activityIndex';
import type { Activity, CrmRecord } from '../model/entities';
import { normalizeEmail } from '../model/normalize';
import { redactEmail, scrubText, type Mentions } from './scrub';

/**
 * The person being erased: their record id, their addresses and full name (matched anywhere), and
 * their name parts, matched only where the entry is about them (linked to them, or on an email
 * with them).
 */
export type ErasedPerson = { id: string; gone: Mentions; split: string[] };

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function erasedPerson(record: CrmRecord): ErasedPerson {
  const emails = new Set(record.emails.map(normalizeEmail));
  const full = [record.title, `${text(record.values.fc_firstName)} ${text(record.values.fc_lastName)}`].map((n) => n.trim());
  // A one-word name ("Ana") would also match other people's: matched only where the entry is about them.
  const whole = [...new Set(full.filter((n) => /\S\s+\S/.test(n)))];
  return { id: record.id, gone: { isGone: (email) => emails.has(normalizeEmail(email)), names: whole }, split: [...new Set(full.filter(Boolean))] };
}

/** The text fields each kind of activity holds; the compiler names a kind without its entry. */
const TEXT_FIELDS: { [K in Activity['kind']]: readonly string[] } = {
  email: ['subject', 'snippet'],
  note: ['body'],
  call: ['body'],
  meeting: ['title', 'body'],
  task: ['title'],
  stageChange: [],
  automation: ['ruleName'],
};

/** Does the activity name the person: linked to them, with them on it, or their address or full name in its text? */
export function activityMentions(activity: Activity, person: ErasedPerson): boolean {
  if (activity.recordIds.includes(person.id)) return true;
  if (activity.kind === 'meeting' && activity.attendeeIds?.includes(person.id)) return true;
  if (activity.kind === 'email' && [activity.from, ...activity.to, ...activity.cc].some((p) => person.gone.isGone(p.email))) return true;
  const fields = activity as unknown as Record<string, unknown>;
  return TEXT_FIELDS[activity.kind].some((f) => typeof fields[f] === 'string' && scrubText(fields[f], person.gone) !== fields[f]);
}

/**
 * The activity without the person: `undefined` when nothing of it may stay (it was theirs alone,
 * or an email only between them and the rep), else a copy without their record id, their
 * addresses on the email and their addresses and names in its text.
 */
export function eraseFromActivity(stored: Activity, person: ErasedPerson, isOwn: (email: string) => boolean): Activity | undefined {
  const activity = withoutRecordAt(stored);
  const about = activity.recordIds.includes(person.id);
  const recordIds = activity.recordIds.filter((id) => id !== person.id);
  if (recordIds.length === 0) return undefined;
  const split = about ? person.split : [];
  let next: Activity = { ...activity, recordIds, updatedAt: Date.now() };
  if (next.kind === 'email') {
    const redacted = redactEmail(next, person.gone, isOwn, split);
    if (!redacted) return undefined;
    next = redacted.email;
  }
  if (next.kind === 'meeting' && next.attendeeIds) next = { ...next, attendeeIds: next.attendeeIds.filter((id) => id !== person.id) };
  const fields = next as unknown as Record<string, unknown>;
  for (const f of TEXT_FIELDS[next.kind]) {
    const value = fields[f];
    if (typeof value === 'string') fields[f] = scrubText(value, person.gone, split);
  }
  return next;
}

/** The fields two versions of a document differ in, for the writer's `changed` list. */
export const changedKeys = (before: object, after: object): string[] => {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
};
