import { activitySchema, type ActivityOf, type CrmRecord, type RecordValues } from '../model/entities';
import { newId } from '../model/ids';
import { normalizeEmail } from '../model/normalize';
import type { Writer } from '../write/mutate';
import type { ActivityLogged } from '../write/hooks';
import { stageMoves } from '../write/stageHistory';
import type { FolderSchema } from '../folders/schema';
import { getSetting } from '../settings/settings';
import { setFieldByAutomation, type Change } from './effects';
import type { AutomationEffect, AutomationRule, AutomationTrigger } from '../model/automationRules';
import { customJobs, type CustomJob } from './customTriggers';
import { runCustomJob, runLogId } from './customActions';

export type AutomationEvent =
  /** After createRecord/updateRecord wrote `record`; `before` is undefined for a new record. */
  | { kind: 'recordWritten'; record: CrmRecord; before: RecordValues | undefined; schema: FolderSchema }
  /** After logEmail, logCall, logMeeting or addNote (storage/write/hooks.ts). */
  | ActivityLogged;

/** One rule firing on one record. */
type Job = { rule: AutomationRule; trigger: AutomationTrigger; triggerId: string; targetId: string; change: Change };

/**
 * Loop prevention, per transaction: a rule's own writes go through the same writer, so within
 * one writer a rule fires at most once per record, and chains of rules stop at a depth.
 */
type RunContext = { fired: Set<string>; depth: number };
const contexts = new WeakMap<Writer, RunContext>();
export const MAX_AUTOMATION_DEPTH = 8;

function runContext(w: Writer): RunContext {
  let ctx = contexts.get(w);
  if (!ctx) contexts.set(w, (ctx = { fired: new Set(), depth: 0 }));
  return ctx;
}

function dealJobs(rules: readonly AutomationRule[], e: Extract<AutomationEvent, { kind: 'recordWritten' }>): Job[] {
  if (e.schema.folder.kind !== 'deals') return [];
  const jobs: Job[] = [];
  const mainContactField = e.schema.fields.find((f) => f.key === 'mainContact');
  const mainContact = mainContactField ? (e.record.values[mainContactField.id] as string[] | undefined)?.[0] : undefined;
  for (const { to } of stageMoves(e.schema, e.before, e.record.values)) {
    const stage = e.schema.pipelines.find((p) => p.id === to.pipelineId)?.stages.find((s) => s.id === to.stageId);
    const trigger = (kind: AutomationTrigger['kind']): AutomationTrigger => ({ kind, record: e.record.title, ...(stage ? { stage: stage.name } : {}) });
    for (const rule of rules) {
      if (rule.kind === 'stageEntered' && rule.pipelineId === to.pipelineId && rule.stageId === to.stageId) {
        jobs.push({ rule, trigger: trigger('stageEntered'), triggerId: e.record.id, targetId: e.record.id, change: rule.action });
      }
      if (rule.kind === 'dealWon' && stage?.outcome === 'won' && mainContact) {
        const change: Change = { kind: 'setFieldByKey', key: 'lifecycleStage', value: 'customer', onlyIfBefore: true };
        jobs.push({ rule, trigger: trigger('dealWon'), triggerId: e.record.id, targetId: mainContact, change });
      }
    }
  }
  return jobs;
}

/** "From a contact": the email's sender is one of the contact's addresses. */
async function emailJobs(w: Writer, rules: readonly AutomationRule[], e: Extract<AutomationEvent, { kind: 'emailLogged' }>): Promise<Job[]> {
  const lead = rules.filter((r) => r.kind === 'emailFromNewLead');
  if (lead.length === 0 || e.activity.direction !== 'received') return [];
  const sender = normalizeEmail(e.activity.from.email);
  const jobs: Job[] = [];
  for (const record of await w.db.records.bulkGet(e.activity.recordIds)) {
    if (!record?.emails.includes(sender)) continue;
    const change: Change = { kind: 'setFieldByKey', key: 'leadStatus', value: 'open', onlyIfCurrently: 'new' };
    for (const rule of lead) jobs.push({ rule, trigger: { kind: rule.kind, record: record.title }, triggerId: record.id, targetId: record.id, change });
  }
  return jobs;
}

/** "When a call or meeting is logged": a task on the record it was logged on (its first). */
async function activityJobs(w: Writer, rules: readonly AutomationRule[], e: Extract<AutomationEvent, { kind: 'activityLogged' }>): Promise<Job[]> {
  const { activity } = e;
  if (activity.kind === 'note') return [];
  const matching = rules.filter(
    (r): r is Extract<AutomationRule, { kind: 'activityLogged' }> =>
      r.kind === 'activityLogged' && r.activityKind === activity.kind && (r.outcome === undefined || (activity.kind === 'call' && activity.outcome === r.outcome)),
  );
  const targetId = activity.recordIds[0];
  if (matching.length === 0 || !targetId) return [];
  const target = await w.db.records.get(targetId);
  if (!target) return [];
  return matching.map((rule) => ({ rule, trigger: { kind: rule.kind, record: target.title }, triggerId: target.id, targetId: target.id, change: rule.action }));
}

function templateJobs(w: Writer, rules: readonly AutomationRule[], event: AutomationEvent): Job[] | Promise<Job[]> {
  switch (event.kind) {
    case 'recordWritten':
      return dealJobs(rules, event);
    case 'emailLogged':
      return emailJobs(w, rules, event);
    case 'activityLogged':
      return activityJobs(w, rules, event);
  }
}

/** The builder's rules see an email only on the records it was newly logged on: logging it again is not news. */
function customJobsFor(w: Writer, rules: readonly AutomationRule[], event: AutomationEvent): Promise<CustomJob[]> {
  if (event.kind === 'recordWritten') return customJobs(w, rules, event);
  const recordIds = event.kind === 'emailLogged' ? event.added : event.activity.recordIds;
  return customJobs(w, rules, { kind: 'activityLogged', activity: event.activity, recordIds });
}

type AnyJob = Job | CustomJob;

/**
 * Runs the workspace's enabled rules for a change, inside the transaction that made the change:
 * the rule's writes and their history commit with it or not at all, and sync like any edit.
 */
export async function runAutomations(w: Writer, event: AutomationEvent): Promise<void> {
  const rules = (await getSetting(w.db, 'automations')).filter((r) => r.enabled);
  if (rules.length === 0) return;
  const ctx = runContext(w);
  const jobs: AnyJob[] = [...(await templateJobs(w, rules, event)), ...(await customJobsFor(w, rules, event))];
  if (ctx.depth >= MAX_AUTOMATION_DEPTH) {
    // The builder's rules say why they stopped; the templates never chain this deep.
    for (const job of jobs) if ('actions' in job) await logRun(w, job, job.targetId, [{ kind: 'skipped', record: job.trigger.record, reason: 'depth' }]);
    return;
  }
  ctx.depth += 1;
  try {
    for (const job of jobs) {
      // A rule never fires again on the record it already acted on in this change (its own edit, or a loop through another rule).
      const key = `${job.rule.id}:${job.targetId}`;
      if (ctx.fired.has(key)) continue;
      ctx.fired.add(key);
      await ('actions' in job ? applyCustom(w, job) : apply(w, job));
    }
  } finally {
    ctx.depth -= 1;
  }
}

/** runAutomations for many writes of one bulk transaction: the rules are read once, and usually there are none. */
export async function runAutomationsForEach(w: Writer, events: readonly AutomationEvent[]): Promise<void> {
  if (events.length === 0 || !(await getSetting(w.db, 'automations')).some((r) => r.enabled)) return;
  for (const event of events) await runAutomations(w, event);
}

async function createTask(w: Writer, recordId: string, title: string, dueInDays: number | undefined) {
  const now = Date.now();
  const task: ActivityOf<'task'> = activitySchema.parse({
    id: newId('act'),
    kind: 'task',
    recordIds: [recordId],
    title,
    done: false,
    ...(dueInDays === undefined ? {} : { due: now + dueInDays * 86_400_000 }),
    at: now,
    createdAt: now,
    updatedAt: now,
  }) as ActivityOf<'task'>;
  await w.put('activities', task, Object.keys(task));
}

/** One history entry per effect, on the record acted on and the one that triggered it. */
async function logRun(w: Writer, job: AnyJob, targetId: string, effects: readonly AutomationEffect[]): Promise<void> {
  const now = Date.now();
  for (const [i, effect] of effects.entries()) {
    const activity: ActivityOf<'automation'> = {
      id: 'actions' in job ? runLogId(job, i) : newId('act'),
      kind: 'automation',
      recordIds: [...new Set([targetId, job.triggerId])],
      ruleId: job.rule.id,
      ruleName: job.rule.name,
      trigger: job.trigger,
      effect,
      at: now,
      createdAt: now,
      updatedAt: now,
    };
    await w.put('activities', activity, Object.keys(activity));
  }
}

async function applyCustom(w: Writer, job: CustomJob): Promise<void> {
  // An event seen before (by this device or, through sync, another): its run is already logged.
  if (job.eventKey && (await w.db.activities.get(runLogId(job, 0)))) return;
  const ran = await runCustomJob(w, job, Date.now());
  if (ran) await logRun(w, job, ran.target.id, ran.effects);
}

async function apply(w: Writer, job: Job): Promise<void> {
  const target = await w.db.records.get(job.targetId);
  if (!target) return;
  let effect: ActivityOf<'automation'>['effect'] | undefined;
  if (job.change.kind === 'createTask') {
    await createTask(w, target.id, job.change.title, job.change.dueInDays);
    effect = { kind: 'createTask', record: target.title, title: job.change.title };
  } else {
    effect = await setFieldByAutomation(w, target, job.change);
  }
  if (effect) await logRun(w, job, target.id, [effect]);
}

/** A job found by the background (a date reached, a task overdue), run in the caller's write like any other. */
export async function runFoundJob(w: Writer, job: CustomJob): Promise<void> {
  const ctx = runContext(w);
  ctx.depth += 1;
  try {
    await applyCustom(w, job);
  } finally {
    ctx.depth -= 1;
  }
}
