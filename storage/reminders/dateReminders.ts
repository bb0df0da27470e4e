import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { getSetting } from '../settings/settings';
import { addDays, daysBetween, localToday, nextAnniversary } from '../reports/relativeDates';
import type { ReminderRule } from './reminderRules';

export type DueReminder = {
  /** Stable per occurrence: a notifier shows each key once (e.g. chrome.alarms + a "shown" set). */
  key: string;
  ruleId: string;
  ruleName: string;
  recordId: string;
  folderId: string;
  title: string;
  fieldLabel: string;
  /** The day the date falls on (this year's birthday, not the birth year's). */
  occurrence: string;
  /** The first day the reminder is due: occurrence − daysBefore. */
  notifyOn: string;
  daysLeft: number;
};

/**
 * The reminders due on `today`: a rule is due from `daysBefore` days ahead of the date through
 * the date itself, so a browser that was closed on the exact day still shows it afterwards.
 * Past one-off dates are never due; yearly dates come round every year.
 */
export function remindersDue(rules: readonly ReminderRule[], records: readonly CrmRecord[], fields: readonly Field[], today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const rule of rules) {
    const field = fields.find((f) => f.id === rule.fieldId && f.folderId === rule.folderId);
    if (!rule.enabled || !field) continue;
    for (const r of records) {
      const value = r.folderId === rule.folderId ? r.values[rule.fieldId] : undefined;
      if (typeof value !== 'string') continue;
      const occurrence = rule.yearly ? nextAnniversary(value, today) : value;
      if (!occurrence || occurrence < today) continue;
      const daysLeft = daysBetween(today, occurrence);
      if (daysLeft > rule.daysBefore) continue;
      out.push({
        key: `${rule.id}:${r.id}:${occurrence}`,
        ruleId: rule.id,
        ruleName: rule.name,
        recordId: r.id,
        folderId: r.folderId,
        title: r.title,
        fieldLabel: field.label,
        occurrence,
        notifyOn: addDays(occurrence, -rule.daysBefore),
        daysLeft,
      });
    }
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title));
}

/**
 * Every reminder due at `now` (the user's local day), read from the workspace. For the
 * background's chrome.alarms notifier: call it on each alarm and notify the keys not yet shown.
 */
export async function dueDateReminders(db: ThreadlineDB, now: Date | number = Date.now()): Promise<DueReminder[]> {
  const rules = (await getSetting(db, 'reminderRules')).filter((r) => r.enabled);
  if (rules.length === 0) return [];
  const folderIds = [...new Set(rules.map((r) => r.folderId))];
  const [records, fields] = await Promise.all([
    db.records.where('folderId').anyOf(folderIds).toArray(),
    db.fields.where('folderId').anyOf(folderIds).toArray(),
  ]);
  return remindersDue(rules, records, fields, localToday(now));
}

/** Every date field of every folder: what a reminder rule can watch. */
export function reminderDateFields(db: ThreadlineDB): Promise<Field[]> {
  return db.fields.filter((f) => f.type === 'date').toArray();
}
