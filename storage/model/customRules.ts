import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * A rule a rep writes in the builder: when (a trigger), if (conditions, the saved views' filter
 * engine), then (actions). Closed shapes like the template rules beside it, so a rule from a
 * newer device is either understood fully or refused by zod, never half run.
 */
const id = z.string().min(1).max(64);

/** Activities a rule can react to; emails split by direction, calls optionally by outcome. */
export const RULE_ACTIVITY_KINDS = ['emailReceived', 'emailSent', 'note', 'call', 'meeting'] as const;
export type RuleActivityKind = (typeof RULE_ACTIVITY_KINDS)[number];

export const ruleTriggerSchema = z.discriminatedUnion('on', [
  /** A record was created in the folder. */
  z.object({ on: z.literal('recordCreated'), folderId: id }).strict(),
  /** A field of a record of the folder changed; optionally only from and/or to a value. */
  z.object({ on: z.literal('fieldChanged'), folderId: id, fieldId: id, from: z.unknown().optional(), to: z.unknown().optional() }).strict(),
  /** A deal entered, or left, a stage. */
  z.object({ on: z.literal('stageEntered'), folderId: id, pipelineId: id, stageId: id }).strict(),
  z.object({ on: z.literal('stageLeft'), folderId: id, pipelineId: id, stageId: id }).strict(),
  /** An activity was logged on a record of the folder. */
  z.object({ on: z.literal('activityLogged'), folderId: id, activity: z.enum(RULE_ACTIVITY_KINDS), outcome: id.optional() }).strict(),
  /**
   * The day a date field of the record reaches, moved by `offsetDays` (−7: a week before the
   * expected close; 0: on the birthday). Checked by the background, once per local day.
   */
  z.object({ on: z.literal('dateReached'), folderId: id, fieldId: id, offsetDays: z.number().int().min(-365).max(365) }).strict(),
  /** A task on a record of the folder became overdue. */
  z.object({ on: z.literal('taskOverdue'), folderId: id }).strict(),
  /** A record of the view's folder matched the view's filters, for the first time. */
  z.object({ on: z.literal('matchedView'), folderId: id, viewId: id }).strict(),
]);
export type RuleTrigger = z.infer<typeof ruleTriggerSchema>;
export type RuleTriggerKind = RuleTrigger['on'];

/** Which record a condition reads: the one the rule acts on, or the company / deal linked to it. */
export const CONDITION_TARGETS = ['record', 'company', 'deal'] as const;
export type ConditionTarget = (typeof CONDITION_TARGETS)[number];

export const ruleConditionSchema = z.object({ target: z.enum(CONDITION_TARGETS), fieldId: id, op: z.string().min(1).max(32), value: z.unknown() }).strict();
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

export const ruleConditionsSchema = z.object({ match: z.enum(['all', 'any']), list: z.array(ruleConditionSchema).max(20) }).strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

/** Days from the day the rule fires, for dates and due dates ("today + 3 days"). */
const relativeDays = z.number().int().min(-3650).max(3650);

export const ruleActionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('setField'), fieldId: id, value: z.unknown() }).strict(),
  /** A date field set to the day the rule fires plus `days`. */
  z.object({ do: z.literal('setDate'), fieldId: id, days: relativeDays }).strict(),
  z.object({ do: z.literal('clearField'), fieldId: id }).strict(),
  z.object({ do: z.literal('moveStage'), pipelineId: id, stageId: id }).strict(),
  /**
   * A task on the record. `title` may hold merge fields (`{{record.title}}`, `{{field.<id>}}`);
   * `owner`: the record's owner field, or nobody in particular.
   */
  z
    .object({
      do: z.literal('createTask'),
      title: z.string().trim().min(1).max(LIMITS.shortText),
      dueInDays: z.number().int().min(0).max(3650).optional(),
      owner: z.enum(['recordOwner', 'none']).default('recordOwner'),
    })
    .strict(),
  z.object({ do: z.literal('addNote'), body: z.string().trim().min(1).max(LIMITS.shortText) }).strict(),
  /** A browser notification to the record's owner (on their own device, once the run has synced there). */
  z.object({ do: z.literal('notify'), text: z.string().trim().min(1).max(LIMITS.shortText) }).strict(),
  /** Adds `recordId` to a link field of the record. */
  z.object({ do: z.literal('link'), fieldId: id, recordId: id }).strict(),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;
export type RuleActionKind = RuleAction['do'];

export const customRuleFields = {
  kind: z.literal('custom'),
  trigger: ruleTriggerSchema,
  conditions: ruleConditionsSchema,
  actions: z.array(ruleActionSchema).min(1).max(10),
};
