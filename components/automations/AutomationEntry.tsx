import type { ActivityOf } from '../../storage/model/entities';
import { getLocale, t } from '../../i18n';
import { isIssueCode } from '../../storage/model/issues';
import { describeIssue } from '../errors';

function whyCustom(trigger: ActivityOf<'automation'>['trigger']): string {
  const record = trigger.record;
  switch (trigger.on) {
    case 'recordCreated':
      return t('automation.history.custom.recordCreated', { record });
    case 'fieldChanged':
      return t('automation.history.custom.fieldChanged', { record, field: trigger.field ?? '—' });
    case 'stageEntered':
      return t('automation.history.custom.stageEntered', { record, stage: trigger.stage ?? '—' });
    case 'stageLeft':
      return t('automation.history.custom.stageLeft', { record, stage: trigger.stage ?? '—' });
    case 'dateReached':
      return t('automation.history.custom.dateReached', { record, field: trigger.field ?? '—' });
    case 'taskOverdue':
      return t('automation.history.custom.taskOverdue', { record, task: trigger.field ?? '—' });
    case 'matchedView':
      return t('automation.history.custom.matchedView', { record });
    default:
      return t('automation.history.custom.activityLogged', { record });
  }
}

function why(a: ActivityOf<'automation'>): string {
  switch (a.trigger.kind) {
    case 'custom':
      return whyCustom(a.trigger);
    case 'stageEntered':
      return t('automation.history.stageEntered', { record: a.trigger.record, stage: a.trigger.stage ?? '—' });
    case 'dealWon':
      return t('automation.history.dealWon', { record: a.trigger.record });
    case 'emailFromNewLead':
      return t('automation.history.emailFromNewLead', { record: a.trigger.record });
    case 'activityLogged':
      return t('automation.history.activityLogged', { record: a.trigger.record });
  }
}

function what(a: ActivityOf<'automation'>): string {
  switch (a.effect.kind) {
    case 'setField':
      return t('automation.history.setField', { record: a.effect.record, field: a.effect.field, value: a.effect.value });
    case 'createTask':
      return t('automation.history.createTask', { record: a.effect.record, title: a.effect.title });
    case 'addNote':
      return t('automation.history.addNote', { record: a.effect.record });
    case 'notify':
      return t('automation.history.notify', { record: a.effect.record, text: a.effect.text });
    case 'link':
      return t('automation.history.link', { record: a.effect.record, target: a.effect.target });
    case 'skipped':
      if (a.effect.reason === 'mandatory') return t('automation.history.skipped.mandatory', { record: a.effect.record, field: a.effect.field ?? '—' });
      return t(a.effect.reason === 'depth' ? 'automation.history.skipped.depth' : 'automation.history.skipped.conditions', { record: a.effect.record });
    case 'failed':
      return failed(a.effect);
  }
}

/** Why a run changed nothing, in the reader's language; `message` is English, so only an English page shows it bare. */
function failed(effect: Extract<ActivityOf<'automation'>['effect'], { kind: 'failed' }>): string {
  const { issue } = effect;
  if (issue && isIssueCode(issue.code)) {
    return t('automation.history.failed', { record: effect.record, message: describeIssue({ label: issue.label, code: issue.code, params: issue.params }) });
  }
  if (getLocale() === 'en') return t('automation.history.failed', { record: effect.record, message: effect.message });
  return t('automation.history.notChanged', { record: effect.record });
}

/** What a run did and why, in one line: the run log lists these. */
export const describeRun = (a: ActivityOf<'automation'>) => `${what(a)} · ${why(a)}`;

/** A history entry saying which rule changed what, and why: so nobody wonders who edited the record. */
export function AutomationEntry({ activity }: { activity: ActivityOf<'automation'> }) {
  return (
    <>
      <div className="tl-entry-title">{t('automation.history.title', { rule: activity.ruleName })}</div>
      <div className="tl-entry-body">
        {describeRun(activity)}
      </div>
    </>
  );
}
