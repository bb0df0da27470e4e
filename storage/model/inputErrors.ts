import type { z } from 'zod';
import { describeProblemEn, isIssueCode, issueFromZod, type IssueCode, type IssueParams } from './issues';
import { STORAGE_ERROR_PARAMS, type StorageErrorCode, type StorageErrorParams } from './errors';

/**
 * What part of a folder, view, pipeline, field, activity or rule its schema refused, so the UI can
 * say "The name of stage 2 is required" in the user's language instead of echoing a zod path.
 * Subjects marked (n) carry `n`: which stage, option, rule or reminder, counted from 1.
 */
export const INPUT_SUBJECTS = [
  'folder', 'folderName', 'folderIcon',
  'view', 'viewName',
  'pipeline', 'pipelineName', 'stages', 'stage' /* n */, 'stageName' /* n */, 'stageProbability' /* n */, 'stageColor' /* n */,
  'field', 'fieldLabel', 'options', 'option' /* n */, 'optionLabel' /* n */, 'optionColor' /* n */, 'formula', 'defaultCurrency',
  'activity', 'noteText', 'callNotes', 'meetingTitle', 'taskTitle', 'activityRecords',
  'activityTime', 'duration', 'meetingNotes', 'callOutcome', 'attendees', 'callOutcomes', 'callOutcomeItem' /* n */, 'callOutcomeLabel' /* n */,
  'rules', 'rule' /* n */, 'ruleName' /* n */, 'ruleTaskTitle' /* n */, 'ruleTaskDue' /* n */,
  'reminders', 'reminder' /* n */, 'reminderName' /* n */, 'reminderDays' /* n */,
  'template', 'templateName', 'templateSubject', 'templateBody', 'templateLanguage',
] as const;
export type InputSubject = (typeof INPUT_SUBJECTS)[number];
export type InputEntity = 'folder' | 'view' | 'pipeline' | 'field' | 'activity' | 'call' | 'meeting' | 'callOutcomes' | 'automationRules' | 'reminderRules' | 'template';

type Path = readonly PropertyKey[];
type Located = { subject: InputSubject; n?: number };

const at = (path: Path, i: number): number | undefined => (typeof path[i] === 'number' ? (path[i] as number) + 1 : undefined);
const withN = (subject: InputSubject, n: number | undefined): Located => (n === undefined ? { subject } : { subject, n });

/** A list's item (its number) and the item's property: stages.2.name gives { n: 3, key: 'name' }. */
function item(path: Path, list: string): { n?: number; key?: PropertyKey } | undefined {
  const i = path.indexOf(list);
  return i < 0 ? undefined : { n: at(path, i + 1), key: path[i + 2] };
}

const ACTIVITY_TEXTS: Record<string, InputSubject> = { 'note.body': 'noteText', 'call.body': 'callNotes', 'meeting.title': 'meetingTitle', 'task.title': 'taskTitle' };

/** The call and meeting forms (storage/activities/log.ts): what the person filled in. */
const LOGGED: Record<string, InputSubject> = { recordIds: 'activityRecords', at: 'activityTime', durationMin: 'duration', outcome: 'callOutcome', attendeeIds: 'attendees', title: 'meetingTitle' };

const LOCATE: { [E in InputEntity]: (path: Path, value: unknown) => Located } = {
  folder: (p) => ({ subject: p[0] === 'name' ? 'folderName' : p[0] === 'icon' ? 'folderIcon' : 'folder' }),
  view: (p) => ({ subject: p[0] === 'name' ? 'viewName' : 'view' }),
  pipeline: (p) => {
    const stage = item(p, 'stages');
    if (!stage) return { subject: p[0] === 'name' ? 'pipelineName' : 'pipeline' };
    if (stage.n === undefined) return { subject: 'stages' };
    const by: Record<string, InputSubject> = { name: 'stageName', probability: 'stageProbability', color: 'stageColor' };
    return withN(by[String(stage.key)] ?? 'stage', stage.n);
  },
  field: (p) => {
    const option = item(p, 'options');
    if (option) return option.n === undefined ? { subject: 'options' } : withN(option.key === 'label' ? 'optionLabel' : option.key === 'color' ? 'optionColor' : 'option', option.n);
    if (p[0] === 'label') return { subject: 'fieldLabel' };
    if (p[1] === 'expression') return { subject: 'formula' };
    return { subject: p[1] === 'defaultCurrency' ? 'defaultCurrency' : 'field' };
  },
  activity: (p, value) => {
    const kind = value && typeof value === 'object' ? String((value as { kind?: unknown }).kind) : '';
    if (p[0] === 'recordIds') return { subject: 'activityRecords' };
    return { subject: ACTIVITY_TEXTS[`${kind}.${String(p[0])}`] ?? 'activity' };
  },
  call: (p) => ({ subject: p[0] === 'body' ? 'callNotes' : LOGGED[String(p[0])] ?? 'activity' }),
  meeting: (p) => ({ subject: p[0] === 'body' ? 'meetingNotes' : LOGGED[String(p[0])] ?? 'activity' }),
  callOutcomes: (p) => {
    const n = at(p, 0);
    if (n === undefined) return { subject: 'callOutcomes' };
    return withN(p[1] === 'label' ? 'callOutcomeLabel' : 'callOutcomeItem', n);
  },
  automationRules: (p) => {
    const n = at(p, 0);
    if (n === undefined) return { subject: 'rules' };
    const key = p[1] === 'action' ? `action.${String(p[2])}` : String(p[1]);
    const by: Record<string, InputSubject> = { name: 'ruleName', 'action.title': 'ruleTaskTitle', 'action.dueInDays': 'ruleTaskDue' };
    return withN(by[key] ?? 'rule', n);
  },
  reminderRules: (p) => {
    const n = at(p, 0);
    if (n === undefined) return { subject: 'reminders' };
    const by: Record<string, InputSubject> = { name: 'reminderName', daysBefore: 'reminderDays' };
    return withN(by[String(p[1])] ?? 'reminder', n);
  },
  template: (p) => {
    const by: Record<string, InputSubject> = { name: 'templateName', subject: 'templateSubject', body: 'templateBody', language: 'templateLanguage' };
    return { subject: by[String(p[0])] ?? 'template' };
  },
};

const SUBJECT_EN: { [S in InputSubject]: string } = {
  folder: 'The folder', folderName: 'The folder name', folderIcon: 'The folder icon',
  view: 'The view', viewName: 'The view name',
  pipeline: 'The pipeline', pipelineName: 'The pipeline name', stages: 'The list of stages', stage: 'Stage {n}',
  stageName: 'The name of stage {n}', stageProbability: 'The probability of stage {n}', stageColor: 'The colour of stage {n}',
  field: 'The field', fieldLabel: 'The field name', options: 'The list of options', option: 'Option {n}',
  optionLabel: 'The name of option {n}', optionColor: 'The colour of option {n}', formula: 'The formula', defaultCurrency: 'The default currency',
  activity: 'The history entry', noteText: 'The note', callNotes: 'The call notes', meetingTitle: 'The meeting title', taskTitle: 'The task title',
  activityRecords: 'The list of records',
  activityTime: 'The date and time', duration: 'The duration', meetingNotes: 'The meeting notes', callOutcome: 'The call outcome', attendees: 'The list of attendees',
  callOutcomes: 'The list of call outcomes', callOutcomeItem: 'Call outcome {n}', callOutcomeLabel: 'The name of call outcome {n}', rules: 'The list of rules', rule: 'Rule {n}', ruleName: 'The name of rule {n}',
  ruleTaskTitle: 'The task title of rule {n}', ruleTaskDue: 'The due-in days of rule {n}',
  reminders: 'The list of reminders', reminder: 'Reminder {n}', reminderName: 'The name of reminder {n}', reminderDays: 'The days ahead of reminder {n}',
  template: 'The template', templateName: 'The template name', templateSubject: 'The template subject', templateBody: 'The template text', templateLanguage: 'The template language',
};

export const describeSubjectEn = (subject: InputSubject, n?: number): string => SUBJECT_EN[subject].replace('{n}', String(n ?? ''));

/** A schema's refusal as the code, params and English message of an `invalidInput` StorageError. */
export function inputRefusal(entity: InputEntity, error: z.ZodError, value: unknown): { message: string; code: 'invalidInput'; params: StorageErrorParams } {
  const first = error.issues[0];
  const { subject, n } = LOCATE[entity](first?.path ?? [], value);
  const { code, params = {} } = issueFromZod(first);
  return {
    message: `${describeSubjectEn(subject, n)} ${describeProblemEn(code, params)}`,
    code: 'invalidInput',
    params: { ...params, subject, issue: code, ...(n === undefined ? {} : { n }) },
  };
}

/**
 * The issue a StorageError carries in its params (`issue` plus that issue's own params): what is
 * left once the error's own params (STORAGE_ERROR_PARAMS, and `n`) are taken out.
 */
export function issueInParams(code: StorageErrorCode, params: StorageErrorParams): { code: IssueCode; params: IssueParams } {
  const own = new Set<string>([...STORAGE_ERROR_PARAMS[code], 'n']);
  const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !own.has(k)));
  return { code: isIssueCode(params.issue) ? params.issue : 'invalid', params: rest };
}
