import { z } from 'zod';
import { LIMITS } from './limits';
import { issueParamsSchema } from './issues';
import { customRuleFields, ruleTriggerSchema, type RuleTriggerKind as RuleOn } from './customRules';

/**
 * Workspace automations: "when … then …". The template kinds and the builder's `custom` rules
 * (storage/model/customRules.ts), each a closed shape so a rule written by another device or an
 * older version is either understood fully or refused by zod.
 */
export const AUTOMATION_KINDS = ['stageEntered', 'dealWon', 'emailFromNewLead', 'activityLogged', 'custom'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

const createTaskSchema = z
  .object({
    kind: z.literal('createTask'),
    title: z.string().trim().min(1).max(LIMITS.shortText),
    /** Due this many days after the rule fired (the deal entered the stage, the call was logged); no due date when absent. */
    dueInDays: z.number().int().min(0).max(365).optional(),
  })
  .strict();

export const automationActionSchema = z.discriminatedUnion('kind', [
  createTaskSchema,
  z.object({ kind: z.literal('setField'), fieldId: z.string().min(1).max(64), value: z.unknown() }).strict(),
]);
export type AutomationAction = z.infer<typeof automationActionSchema>;

const base = {
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(LIMITS.label),
  enabled: z.boolean(),
};

export const automationRuleSchema = z.discriminatedUnion('kind', [
  /** When a deal enters a stage → create a task on it, or set one of its fields. */
  z
    .object({ ...base, kind: z.literal('stageEntered'), pipelineId: z.string().min(1), stageId: z.string().min(1), action: automationActionSchema })
    .strict(),
  /** When a deal enters a won stage → its main contact's lifecycle stage becomes "customer". */
  z.object({ ...base, kind: z.literal('dealWon') }).strict(),
  /** When an email from a contact whose lead status is "new" is logged → the status becomes "open". */
  z.object({ ...base, kind: z.literal('emailFromNewLead') }).strict(),
  /**
   * When a call (with this outcome, or any) or a meeting is logged → a task on the record it was
   * logged on, e.g. "left voicemail → call again in 2 days".
   */
  z
    .object({
      ...base,
      kind: z.literal('activityLogged'),
      activityKind: z.enum(['call', 'meeting']),
      /** A call outcome id (settings callOutcomes); any outcome when absent. */
      outcome: z.string().min(1).max(64).optional(),
      action: createTaskSchema,
    })
    .strict(),
  /** Built in the rule builder: any trigger, conditions, up to ten actions. */
  z.object({ ...base, ...customRuleFields }).strict(),
]);
export type AutomationRule = z.infer<typeof automationRuleSchema>;

export const automationRulesSchema = z.array(automationRuleSchema).max(200);

/** What a run did, kept in the history of the records involved (activity kind "automation"). */
export const automationEffectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setField'), record: z.string().max(LIMITS.shortText), field: z.string().max(LIMITS.label), value: z.string().max(LIMITS.shortText) }).strict(),
  z.object({ kind: z.literal('createTask'), record: z.string().max(LIMITS.shortText), title: z.string().max(LIMITS.shortText) }).strict(),
  z.object({ kind: z.literal('addNote'), record: z.string().max(LIMITS.shortText) }).strict(),
  /** A notification for `owner` (a user field's value; absent: whoever runs the rule). */
  z.object({ kind: z.literal('notify'), record: z.string().max(LIMITS.shortText), text: z.string().max(LIMITS.shortText), owner: z.string().max(128).optional() }).strict(),
  z.object({ kind: z.literal('link'), record: z.string().max(LIMITS.shortText), target: z.string().max(LIMITS.shortText) }).strict(),
  /**
   * The rule fired and chose not to act: its conditions did not hold, the chain of rules was too
   * deep, or the change would leave a mandatory field (`field`) empty.
   */
  z
    .object({
      kind: z.literal('skipped'),
      record: z.string().max(LIMITS.shortText),
      reason: z.enum(['conditions', 'depth', 'mandatory']),
      field: z.string().max(LIMITS.label).optional(),
    })
    .strict(),
  /** The rule matched but its change would break the record's rules (e.g. an option was deleted). */
  z
    .object({
      kind: z.literal('failed'),
      record: z.string().max(LIMITS.shortText),
      /** English, for logs and for entries written before `issue` existed. */
      message: z.string().max(LIMITS.shortText),
      /**
       * Why, as the field and issue code the UI words in the reader's language. The code is a plain
       * string here: a newer device's code must not make this entry unreadable (the UI checks it).
       */
      issue: z.object({ label: z.string().max(LIMITS.label), code: z.string().max(64), params: issueParamsSchema.optional() }).strict().optional(),
    })
    .strict(),
]);
export type AutomationEffect = z.infer<typeof automationEffectSchema>;

/** Why the rule ran: the triggering record's title (and stage), captured when it ran. */
export const automationTriggerSchema = z
  .object({
    kind: z.enum(AUTOMATION_KINDS),
    record: z.string().max(LIMITS.shortText),
    stage: z.string().max(LIMITS.label).optional(),
    /** A custom rule's trigger, and the field it watched or the activity logged, as labels. */
    on: z.enum(ruleTriggerSchema.options.map((o) => o.shape.on.value) as [RuleOn, ...RuleOn[]]).optional(),
    field: z.string().max(LIMITS.label).optional(),
  })
  .strict();
export type AutomationTrigger = z.infer<typeof automationTriggerSchema>;
