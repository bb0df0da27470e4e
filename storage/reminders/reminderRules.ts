import { z } from 'zod';
import { LIMITS } from '../model/limits';

/** "Notify me `daysBefore` days before <a date field> of <a folder's records>", e.g. birthdays. */
export const reminderRuleSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(LIMITS.label),
    folderId: z.string().min(1).max(64),
    fieldId: z.string().min(1).max(64),
    daysBefore: z.number().int().min(0).max(365),
    /** Yearly dates (birthdays, anniversaries) remind every year, ignoring the stored year. */
    yearly: z.boolean(),
    enabled: z.boolean(),
  })
  .strict();
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const reminderRulesSchema = z.array(reminderRuleSchema).max(100);
