import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { mutate } from '../write/mutate';
import { automationRulesSchema, type AutomationRule } from '../model/automationRules';
import { reminderRulesSchema, type ReminderRule } from '../reminders/reminderRules';
import { callOutcomesSchema, DEFAULT_CALL_OUTCOMES } from '../model/callOutcomes';

/** Workspace settings: each key has a schema and a default, so a bad stored value never breaks a page. */
export const SETTINGS = {
  /** Addresses and domains never suggested as contacts and never logged (e.g. "hr@acme.com", "bank.com"). */
  neverLog: { schema: z.array(z.string().max(254)).max(1_000), fallback: [] as string[] },
  /** The team's own domains: colleagues are not prospects. */
  teamDomains: { schema: z.array(z.string().max(254)).max(50), fallback: [] as string[] },
  /** Log emails sent from Gmail automatically when their thread is linked to a deal. */
  autoLogLinkedThreads: { schema: z.boolean(), fallback: true },
  /** "When … then …" workspace rules, run inside the write that triggers them (storage/automations). */
  automations: { schema: automationRulesSchema, fallback: [] as AutomationRule[] },
  /** "Notify me N days before <date field>" rules (storage/reminders/dateReminders.ts). */
  reminderRules: { schema: reminderRulesSchema, fallback: [] as ReminderRule[] },
  /** The outcomes a logged call picks from; admins edit the list (storage/activities/callOutcomes.ts). */
  callOutcomes: { schema: callOutcomesSchema, fallback: DEFAULT_CALL_OUTCOMES },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: ThreadlineDB, key: K): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(db: ThreadlineDB, key: K, value: SettingValue<K>): Promise<void> {
  const parsed = SETTINGS[key].schema.parse(value);
  await mutate(db, (w) => w.put('settings', { key, value: parsed, updatedAt: Date.now() }, ['value']));
}
