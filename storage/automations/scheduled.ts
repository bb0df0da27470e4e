import type { ThreadlineDB } from '../db/db';
import type { ActivityOf, CrmRecord } from '../model/entities';
import type { RuleTrigger } from '../model/customRules';
import { deadlineOf, isOverdue } from '../activities/taskTime';
import { mutate } from '../write/mutate';
import { isoDayFromToday } from './customActions';
import type { CustomJob, CustomRule } from './customTriggers';
import { loadAutomationRules } from './store';
import { runFoundJob } from './run';

/**
 * Rules whose trigger is time, not a change: a date field reached (N days before or after) and a
 * task become overdue. The background looks once per local day (and when the rules change); a
 * day it missed (the browser was closed) is caught up for a week. Each event's run has ids
 * derived from the event (CustomJob.eventKey), so looking twice, or on two devices, acts once.
 */
export const CATCH_UP_DAYS = 7;

type DateRule = CustomRule & { trigger: Extract<RuleTrigger, { on: 'dateReached' }> };
type OverdueRule = CustomRule & { trigger: Extract<RuleTrigger, { on: 'taskOverdue' }> };

const isDateRule = (r: CustomRule): r is DateRule => r.trigger.on === 'dateReached';
const isOverdueRule = (r: CustomRule): r is OverdueRule => r.trigger.on === 'taskOverdue';

async function* folderRecords(db: ThreadlineDB, folderId: string): AsyncGenerator<CrmRecord> {
  const ids = await db.records.where('folderId').equals(folderId).primaryKeys();
  for (let i = 0; i < ids.length; i += 500) {
    for (const record of await db.records.bulkGet(ids.slice(i, i + 500))) if (record) yield record;
  }
}

/** Records whose date, moved by the offset, fell on one of the last CATCH_UP_DAYS days up to today. */
async function dateJobs(db: ThreadlineDB, rule: DateRule, now: number): Promise<CustomJob[]> {
  const { fieldId, offsetDays, folderId } = rule.trigger;
  // The date values that fire in the window: today's minus the offset, and the days before.
  const firing = new Set(Array.from({ length: CATCH_UP_DAYS }, (_, back) => isoDayFromToday(now, -back - offsetDays)));
  const field = (await db.fields.get(fieldId))?.label ?? fieldId;
  const jobs: CustomJob[] = [];
  for await (const record of folderRecords(db, folderId)) {
    const value = record.values[fieldId];
    if (typeof value !== 'string' || !firing.has(value)) continue;
    jobs.push({
      rule, trigger: { kind: 'custom', on: 'dateReached', record: record.title, field }, triggerId: record.id, targetId: record.id,
      actions: rule.actions, eventKey: `${rule.id}|${record.id}|${value}|${offsetDays}`,
    });
  }
  return jobs;
}

/** Open tasks on the folder's records whose deadline passed within the catch-up window (the sparse `due` index). */
async function overdueJobs(db: ThreadlineDB, rule: OverdueRule, now: number): Promise<CustomJob[]> {
  const since = now - (CATCH_UP_DAYS + 1) * 86_400_000;
  const tasks = (await db.activities.where('due').between(since, now, true, true).toArray()).filter(
    (a): a is ActivityOf<'task'> => a.kind === 'task' && isOverdue(a, now) && (deadlineOf(a) ?? 0) > now - CATCH_UP_DAYS * 86_400_000,
  );
  const jobs: CustomJob[] = [];
  for (const task of tasks) {
    for (const record of await db.records.bulkGet(task.recordIds)) {
      if (record?.folderId !== rule.trigger.folderId) continue;
      jobs.push({
        rule, trigger: { kind: 'custom', on: 'taskOverdue', record: record.title, field: task.title.slice(0, 120) }, triggerId: record.id, targetId: record.id,
        actions: rule.actions, eventKey: `${rule.id}|${task.id}|${task.due}|${record.id}`,
      });
    }
  }
  return jobs;
}

/** Finds and runs what time has triggered; each run in its own write, so one failing rule stops no other. Returns how many were looked at. */
export async function runScheduledRules(db: ThreadlineDB, now = Date.now()): Promise<number> {
  const rules = (await loadAutomationRules(db)).filter((r): r is CustomRule => r.kind === 'custom' && r.enabled);
  const jobs: CustomJob[] = [];
  for (const rule of rules.filter(isDateRule)) jobs.push(...(await dateJobs(db, rule, now)));
  for (const rule of rules.filter(isOverdueRule)) jobs.push(...(await overdueJobs(db, rule, now)));
  for (const job of jobs) {
    await mutate(db, (w) => runFoundJob(w, job)).catch((e: unknown) => console.error(`Threadline: rule “${job.rule.name}”`, e));
  }
  return jobs.length;
}
