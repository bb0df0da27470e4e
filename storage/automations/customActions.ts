import { getLocale } from '../../i18n/locale';
import { addActivityIn } from '../activities/activities';
import type { ActivityOf, CrmRecord } from '../model/entities';
import type { AutomationEffect } from '../model/automationRules';
import type { RuleAction } from '../model/customRules';
import { formatValue } from '../model/fieldRegistry';
import { newId, stableId } from '../model/ids';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import type { Writer } from '../write/mutate';
import { conditionsHold } from './conditions';
import type { CustomJob } from './customTriggers';
import { setFieldByAutomation } from './effects';
import { linesSummary } from '../lines/text';

/** "today + n days" as a date field stores it (YYYY-MM-DD), in the rep's own calendar. */
export function isoDayFromToday(now: number, days: number): string {
  const d = new Date(now);
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The end of the local day `days` from today: a date-only due moment, as the Tasks page stores one. */
const dueDay = (now: number, days: number) => {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 23, 59).getTime();
};

/**
 * `{{record.title}}`, `{{record.<preset key>}}`, `{{field.<id>}}` and a deal's products
 * (`{{record.lines}}`: "2 × Licencia anual, 1 × Formación") in a task title or a note, formatted in
 * the page's language.
 */
export function mergeRecordText(text: string, record: CrmRecord, schema: FolderSchema): string {
  return text.replace(/\{\{\s*(record|field)\.([\w-]+)\s*\}\}/g, (_m, scope: string, name: string) => {
    if (scope === 'record' && name === 'title') return record.title;
    if (scope === 'record' && name === 'lines') return linesSummary(record.lines, getLocale());
    const field = schema.fields.find((f) => (scope === 'field' ? f.id === name : f.key === name));
    return field ? formatValue(field, record.values[field.id], { locale: getLocale(), pipelines: schema.pipelines }) : '';
  });
}

/** A failed check that names an empty mandatory field is a skip "because of" that field. */
function asSkip(effect: AutomationEffect | undefined, record: string): AutomationEffect | undefined {
  if (effect?.kind === 'failed' && effect.issue?.code === 'required') return { kind: 'skipped', record, reason: 'mandatory', field: effect.issue.label };
  return effect;
}

async function setValue(w: Writer, target: CrmRecord, fieldId: string, value: unknown): Promise<AutomationEffect | undefined> {
  return asSkip(await setFieldByAutomation(w, target, { kind: 'setField', fieldId, value }), target.title);
}

async function createTask(w: Writer, target: CrmRecord, schema: FolderSchema, action: Extract<RuleAction, { do: 'createTask' }>, now: number, id: string): Promise<AutomationEffect> {
  const title = mergeRecordText(action.title, target, schema).trim() || action.title;
  const ownerField = schema.fields.find((f) => f.key === 'owner' && f.type === 'user');
  const owner = action.owner === 'recordOwner' && ownerField ? target.values[ownerField.id] : undefined;
  const task: ActivityOf<'task'> = {
    id,
    kind: 'task',
    recordIds: [target.id],
    title: title.slice(0, 1_000),
    done: false,
    ...(action.dueInDays === undefined ? {} : { due: dueDay(now, action.dueInDays), timed: false }),
    ...(typeof owner === 'string' && owner ? { owner } : {}),
    at: now,
    createdAt: now,
    updatedAt: now,
  };
  await addActivityIn(w, task);
  return { kind: 'createTask', record: target.title, title: task.title };
}

/** One action on the record as it is now (an earlier action of the rule may have changed it); `id` for what it creates. */
async function runAction(w: Writer, targetId: string, action: RuleAction, now: number, id: string): Promise<AutomationEffect | undefined> {
  const target = await w.db.records.get(targetId);
  if (!target) return undefined;
  const schema = await loadFolderSchema(w.db, target.folderId);
  switch (action.do) {
    case 'setField':
      return setValue(w, target, action.fieldId, action.value);
    case 'setDate':
      return setValue(w, target, action.fieldId, isoDayFromToday(now, action.days));
    case 'clearField':
      return setValue(w, target, action.fieldId, undefined);
    case 'moveStage': {
      const stageField = schema.fields.find((f) => f.type === 'stage');
      if (!stageField) return { kind: 'failed', record: target.title, message: 'this record has no stage' };
      return setValue(w, target, stageField.id, { pipelineId: action.pipelineId, stageId: action.stageId });
    }
    case 'createTask':
      return createTask(w, target, schema, action, now, id);
    case 'addNote': {
      const body = mergeRecordText(action.body, target, schema).trim() || action.body;
      // Not a record change: a rule's note never starts another rule ("activity logged" fires on people's notes).
      await addActivityIn(w, { id, kind: 'note', recordIds: [target.id], body, at: now, createdAt: now, updatedAt: now });
      return { kind: 'addNote', record: target.title };
    }
    case 'notify': {
      const ownerField = schema.fields.find((f) => f.key === 'owner' && f.type === 'user');
      const owner = ownerField ? target.values[ownerField.id] : undefined;
      const text = (mergeRecordText(action.text, target, schema).trim() || action.text).slice(0, 1_000);
      return { kind: 'notify', record: target.title, text, ...(typeof owner === 'string' && owner ? { owner } : {}) };
    }
    case 'link': {
      const linked = await w.db.records.get(action.recordId);
      if (!linked) return { kind: 'failed', record: target.title, message: 'the record to link no longer exists' };
      const current = target.values[action.fieldId];
      const ids = Array.isArray(current) ? current.map(String) : [];
      if (ids.includes(linked.id)) return undefined;
      const effect = await setValue(w, target, action.fieldId, [...ids, linked.id]);
      return effect?.kind === 'setField' ? { kind: 'link', record: target.title, target: linked.title } : effect;
    }
  }
}

/** The id of what a job's action `i` creates: derived from the event when it has a key (see CustomJob). */
export const createdId = (job: CustomJob, i: number) => (job.eventKey ? stableId('act', `${job.eventKey}|action|${i}`) : newId('act'));

/** The id of a job's run-log entry `i`, likewise. */
export const runLogId = (job: CustomJob, i: number) => (job.eventKey ? stableId('act', `${job.eventKey}|log|${i}`) : newId('act'));

/** A custom rule's run on its record: its conditions, then each action in order; what each did, for the history. */
export async function runCustomJob(w: Writer, job: CustomJob, now: number): Promise<{ target: CrmRecord; effects: AutomationEffect[] } | undefined> {
  const target = await w.db.records.get(job.targetId);
  if (!target) return undefined;
  const schema = await loadFolderSchema(w.db, target.folderId);
  if (!(await conditionsHold(w.db, job.rule.conditions, { record: target, schema }, now))) {
    return { target, effects: [{ kind: 'skipped', record: target.title, reason: 'conditions' }] };
  }
  const effects: AutomationEffect[] = [];
  for (const [i, action] of job.actions.entries()) {
    const effect = await runAction(w, target.id, action, now, createdId(job, i));
    if (effect) effects.push(effect);
  }
  return { target, effects };
}
