import type { ActivityOf } from '../../storage/model/entities';
import { getLocale, t } from '../../i18n';
import { isIssueCode } from '../../storage/model/issues';
import { describeIssue } from '../errors';

function why(a: ActivityOf<'automation'>): string {
  switch (a.trigger.kind) {
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

/** A history entry saying which rule changed what, and why: so nobody wonders who edited the record. */
export function AutomationEntry({ activity }: { activity: ActivityOf<'automation'> }) {
  return (
    <>
      <div className="tl-entry-title">{t('automation.history.title', { rule: activity.ruleName })}</div>
      <div className="tl-entry-body">
        {what(activity)} · {why(activity)}
      </div>
    </>
  );
}
