/** English strings of automations; es.ts and it.ts beside this file must have exactly these keys. */
export const en = {
  'automation.rules': 'Rules',
  'automation.intro': 'Rules run on this device the moment a change is saved, as part of the same change, and sync with it. Each run is written in the history of the records it changed.',
  'automation.none': 'No rules yet.',
  'automation.untitled': 'Untitled rule',
  'automation.whenStage': 'When a deal enters',
  'automation.then': 'then',

  'automation.action.createTask': 'create a task',
  'automation.action.setField': 'set a field',

  'automation.taskTitle': 'Task',
  'automation.dueInDays': 'Due in (days)',
  'automation.field': 'Field',
  'automation.value': 'Value',

  'automation.sentence.dealWon': 'When a deal is won, its main contact’s lifecycle stage becomes Customer (never moved back from a later stage).',
  'automation.sentence.emailFromNewLead': 'When an email from a contact whose lead status is New is logged, the status becomes Open.',

  'automation.kind.stageEntered': 'Deal enters a stage',
  'automation.kind.dealWon': 'Won deal makes a customer',
  'automation.kind.emailFromNewLead': 'Email opens a new lead',

  'automation.newRuleKind': 'New rule:',
  'automation.add': 'Add rule',
  'automation.save': 'Save rules',

  'automation.history.title': 'Automation “{rule}”',
  'automation.history.setField': '{record}: {field} set to {value}',
  'automation.history.createTask': '{record}: task “{title}” created',
  'automation.history.failed': '{record}: not changed ({message})',
  'automation.history.notChanged': '{record}: not changed',
  'automation.history.stageEntered': 'because {record} entered {stage}',
  'automation.history.dealWon': 'because deal {record} was won',
  'automation.history.emailFromNewLead': 'because an email from {record} was logged',
  'automation.kind.activityLogged': 'Call or meeting logged',
  'automation.whenLogged': 'When someone logs a',
  'automation.loggedCall': 'call',
  'automation.loggedMeeting': 'meeting',
  'automation.withOutcome': 'with outcome',
  'automation.anyOutcome': 'any outcome',
  'automation.thenTask': 'then create the task',
  'automation.history.activityLogged': 'because a call or meeting was logged on {record}',
} as const;
