import type { ActivityOf, CrmRecord, RecordValues } from '../model/entities';
import type { AutomationRule, AutomationTrigger } from '../model/automationRules';
import type { RuleAction, RuleActivityKind, RuleTrigger } from '../model/customRules';
import type { FolderSchema } from '../folders/schema';
import { stageMoves } from '../write/stageHistory';
import type { Writer } from '../write/mutate';
import { compileFilters } from '../views/viewQuery';

/** What a write told the automations (storage/automations/run.ts builds these). */
export type CustomEvent =
  | { kind: 'recordWritten'; record: CrmRecord; before: RecordValues | undefined; schema: FolderSchema }
  | { kind: 'activityLogged'; activity: ActivityOf<'email'> | ActivityOf<'call'> | ActivityOf<'meeting'> | ActivityOf<'note'>; recordIds: readonly string[] };

export type CustomRule = Extract<AutomationRule, { kind: 'custom' }>;

/**
 * One custom rule firing on one record; its conditions are checked when it runs. `eventKey`
 * names the event for triggers that may be seen twice (a date reached, checked by every device
 * of the team; a view matched "for the first time"): the run's ids derive from it, so a second
 * sighting finds the first run and does nothing, and two devices write the same documents.
 */
export type CustomJob = { rule: CustomRule; trigger: AutomationTrigger; triggerId: string; targetId: string; actions: readonly RuleAction[]; eventKey?: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether a record write is the trigger's: created, the field changed (from / to), the stage entered or left. */
function recordTriggerFires(trigger: RuleTrigger, e: Extract<CustomEvent, { kind: 'recordWritten' }>): { stage?: string; field?: string } | undefined {
  const { schema, before, record } = e;
  if (trigger.folderId !== schema.folder.id) return undefined;
  switch (trigger.on) {
    case 'recordCreated':
      return before === undefined ? {} : undefined;
    case 'fieldChanged': {
      // A creation is not a change: "becomes Unqualified" means a contact that was something else.
      if (before === undefined || same(before[trigger.fieldId], record.values[trigger.fieldId])) return undefined;
      if (trigger.from !== undefined && !same(before[trigger.fieldId], trigger.from)) return undefined;
      if (trigger.to !== undefined && !same(record.values[trigger.fieldId], trigger.to)) return undefined;
      return { field: schema.fields.find((f) => f.id === trigger.fieldId)?.label ?? trigger.fieldId };
    }
    case 'stageEntered':
    case 'stageLeft': {
      const stageName = schema.pipelines.find((p) => p.id === trigger.pipelineId)?.stages.find((s) => s.id === trigger.stageId)?.name;
      const moved = stageMoves(schema, before, record.values).some(({ from, to }) => {
        const side = trigger.on === 'stageEntered' ? to : from;
        return side?.pipelineId === trigger.pipelineId && side.stageId === trigger.stageId;
      });
      return moved ? (stageName ? { stage: stageName } : {}) : undefined;
    }
    default:
      // Activities, dates and overdue tasks are not record writes; a view match is checked apart (it reads the view).
      return undefined;
  }
}

/** A write that makes the record match the view's filters (a new record that matches, or one that did not before). */
async function matchedView(w: Writer, trigger: Extract<RuleTrigger, { on: 'matchedView' }>, e: Extract<CustomEvent, { kind: 'recordWritten' }>): Promise<boolean> {
  if (trigger.folderId !== e.schema.folder.id) return false;
  const view = await w.db.views.get(trigger.viewId);
  if (!view || view.folderId !== e.schema.folder.id) return false;
  const { matches } = compileFilters(view.filters, e.schema.fields, { now: Date.now(), pipelines: e.schema.pipelines });
  return matches(e.record) && (e.before === undefined || !matches({ ...e.record, values: e.before }));
}

function activityKindOf(activity: Extract<CustomEvent, { kind: 'activityLogged' }>['activity']): RuleActivityKind {
  if (activity.kind === 'email') return activity.direction === 'received' ? 'emailReceived' : 'emailSent';
  return activity.kind;
}

/** The records of the trigger's folder an activity was logged on, if it is the trigger's kind (and call outcome). */
async function activityTargets(w: Writer, trigger: Extract<RuleTrigger, { on: 'activityLogged' }>, e: Extract<CustomEvent, { kind: 'activityLogged' }>): Promise<CrmRecord[]> {
  if (trigger.activity !== activityKindOf(e.activity)) return [];
  if (trigger.outcome !== undefined && (e.activity.kind !== 'call' || e.activity.outcome !== trigger.outcome)) return [];
  const records = await w.db.records.bulkGet([...e.recordIds]);
  return records.filter((r): r is CrmRecord => r?.folderId === trigger.folderId);
}

/** The jobs an event gives the enabled custom rules. */
export async function customJobs(w: Writer, rules: readonly AutomationRule[], event: CustomEvent): Promise<CustomJob[]> {
  const custom = rules.filter((r): r is CustomRule => r.kind === 'custom');
  const jobs: CustomJob[] = [];
  for (const rule of custom) {
    const { trigger } = rule;
    if (event.kind === 'recordWritten' && trigger.on === 'matchedView') {
      if (!(await matchedView(w, trigger, event))) continue;
      const described: AutomationTrigger = { kind: 'custom', on: trigger.on, record: event.record.title };
      jobs.push({ rule, trigger: described, triggerId: event.record.id, targetId: event.record.id, actions: rule.actions, eventKey: `${rule.id}|${event.record.id}|matched` });
    } else if (event.kind === 'recordWritten') {
      const fired = recordTriggerFires(trigger, event);
      if (!fired) continue;
      const described: AutomationTrigger = { kind: 'custom', on: trigger.on, record: event.record.title, ...fired };
      jobs.push({ rule, trigger: described, triggerId: event.record.id, targetId: event.record.id, actions: rule.actions });
    } else if (trigger.on === 'activityLogged') {
      for (const target of await activityTargets(w, trigger, event)) {
        jobs.push({ rule, trigger: { kind: 'custom', on: trigger.on, record: target.title }, triggerId: target.id, targetId: target.id, actions: rule.actions });
      }
    }
  }
  return jobs;
}
