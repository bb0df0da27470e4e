import type { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import type { Field } from '../model/field';
import { FIELD_REGISTRY, normalizeValue, type FieldTypeSpec } from '../model/fieldRegistry';
import { newId } from '../model/ids';
import { StorageError, type StorageErrorCode, type StorageErrorParams } from '../model/errors';
import { describeProblemEn, issueFromZod } from '../model/issues';
import { inputRefusal } from '../model/inputErrors';
import { getSetting, setSetting } from '../settings/settings';
import { reminderRulesSchema, type ReminderRule } from '../reminders/reminderRules';
import { writableByAutomation } from './effects';
import { automationRulesSchema, type AutomationRule } from '../model/automationRules';
import { checkCustomRule } from './customChecks';

/** `message` is English (logs, tests); the UI words `code` and `params`. */
export class AutomationRuleError extends StorageError {
  constructor(message: string, code: StorageErrorCode, params: StorageErrorParams = {}) {
    super(code, params, message);
    this.name = 'AutomationRuleError';
  }
}

function refused(entity: 'automationRules' | 'reminderRules', error: z.ZodError, rules: unknown): AutomationRuleError {
  const refusal = inputRefusal(entity, error, rules);
  return new AutomationRuleError(refusal.message, refusal.code, refusal.params);
}

export const loadAutomationRules = (db: ThreadlineDB): Promise<AutomationRule[]> => getSetting(db, 'automations');
export const loadReminderRules = (db: ThreadlineDB): Promise<ReminderRule[]> => getSetting(db, 'reminderRules');
export const newRuleId = () => newId('rule');

/** A "set a field" action must name a field of a deals folder that users can edit, with a value it accepts. */
async function checkSetField(db: ThreadlineDB, rule: AutomationRule, field: Field | undefined, value: unknown): Promise<void> {
  const folder = field && (await db.folders.get(field.folderId));
  if (!field || folder?.kind !== 'deals') throw new AutomationRuleError(`“${rule.name}”: choose a deal field to set`, 'ruleNeedsDealField', { rule: rule.name });
  if (!writableByAutomation(field)) {
    throw new AutomationRuleError(`“${rule.name}”: ${field.label} is computed and cannot be set`, 'ruleFieldComputed', { rule: rule.name, field: field.label });
  }
  const pipelines = await db.pipelines.toArray();
  const spec = FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>;
  const v = normalizeValue(field, value);
  const r = spec.value(field, { pipelines }).safeParse(v);
  const names = { rule: rule.name, field: field.label };
  if (v === undefined) throw new AutomationRuleError(`“${rule.name}”: ${field.label} needs a value`, 'ruleNeedsValue', names);
  if (!r.success) {
    const { code, params = {} } = issueFromZod(r.error.issues[0]);
    throw new AutomationRuleError(`“${rule.name}”: ${field.label} ${describeProblemEn(code, params)}`, 'ruleBadValue', { ...params, ...names, issue: code });
  }
}

/** Validates every rule (shape, stage, field and value) and saves them all, or none. */
export async function saveAutomationRules(db: ThreadlineDB, rules: unknown): Promise<AutomationRule[]> {
  const parsed = automationRulesSchema.safeParse(rules);
  if (!parsed.success) throw refused('automationRules', parsed.error, rules);
  const pipelines = await db.pipelines.toArray();
  for (const rule of parsed.data) {
    if (rule.kind === 'custom') {
      const refusal = await checkCustomRule(db, rule);
      if (refusal) throw new AutomationRuleError(refusal.message, refusal.code, refusal.params);
      continue;
    }
    if (rule.kind !== 'stageEntered') continue;
    const stage = pipelines.find((p) => p.id === rule.pipelineId)?.stages.find((s) => s.id === rule.stageId);
    if (!stage) throw new AutomationRuleError(`“${rule.name}”: the stage no longer exists`, 'ruleStageGone', { rule: rule.name });
    if (rule.action.kind === 'setField') await checkSetField(db, rule, await db.fields.get(rule.action.fieldId), rule.action.value);
  }
  await setSetting(db, 'automations', parsed.data);
  return parsed.data;
}

/** Validates reminder rules (a date field of the folder) and saves them all, or none. */
export async function saveReminderRules(db: ThreadlineDB, rules: unknown): Promise<ReminderRule[]> {
  const parsed = reminderRulesSchema.safeParse(rules);
  if (!parsed.success) throw refused('reminderRules', parsed.error, rules);
  for (const rule of parsed.data) {
    const field = await db.fields.get(rule.fieldId);
    if (!field || field.folderId !== rule.folderId || field.type !== 'date') throw new AutomationRuleError(`“${rule.name}”: choose a date field`, 'reminderNeedsDateField', { rule: rule.name });
  }
  await setSetting(db, 'reminderRules', parsed.data);
  return parsed.data;
}
