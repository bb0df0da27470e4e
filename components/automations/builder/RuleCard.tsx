import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { ruleRunLog } from '../../../storage/automations/runLog';
import { t } from '../../../i18n';
import { ConfirmButton } from '../../crm/ConfirmButton';
import { formatDateTime } from '../../format';
import { useDb } from '../../shell/DbProvider';
import { routeHref } from '../../shell/router';
import { describeRun } from '../AutomationEntry';
import type { Workspace } from './examples';

/** "Deals · a deal enters a stage (Proposal) · 2 conditions · create a task, set a field". */
export function ruleSummary(rule: CustomRule, ws: Workspace): string {
  const { trigger } = rule;
  const folder = ws.folders.find((f) => f.id === trigger.folderId)?.name ?? '—';
  let detail = '';
  if (trigger.on === 'stageEntered' || trigger.on === 'stageLeft') {
    detail = ws.pipelines.find((p) => p.id === trigger.pipelineId)?.stages.find((s) => s.id === trigger.stageId)?.name ?? '—';
  } else if (trigger.on === 'fieldChanged') {
    detail = ws.fields.find((f) => f.id === trigger.fieldId)?.label ?? '—';
  } else if (trigger.on === 'activityLogged') {
    detail = t(`rules.activity.${trigger.activity}`);
  } else if (trigger.on === 'dateReached') {
    const label = ws.fields.find((f) => f.id === trigger.fieldId)?.label ?? '—';
    const n = Math.abs(trigger.offsetDays);
    detail = trigger.offsetDays === 0 ? label : t(trigger.offsetDays < 0 ? 'rules.date.daysBefore' : 'rules.date.daysAfter', { n, field: label });
  } else if (trigger.on === 'matchedView') {
    detail = ws.views.find((v) => v.id === trigger.viewId)?.name ?? '—';
  }
  const when = `${t(`rules.trigger.${trigger.on}`)}${detail ? ` (${detail})` : ''}`;
  const conditions = rule.conditions.list.length ? `${t('rules.match')}: ${rule.conditions.list.length} · ${t(`rules.match.${rule.conditions.match}`)}` : t('rules.noConditions');
  return [folder, when, conditions, rule.actions.map((a) => t(`rules.action.${a.do}`)).join(', ')].join(' · ');
}

function RunLog({ ruleId }: { ruleId: string }) {
  const db = useDb();
  const runs = useLiveQuery(() => ruleRunLog(db, ruleId), [db, ruleId]);
  if (!runs) return <p aria-busy="true">{t('common.loading')}</p>;
  if (runs.length === 0) return <p className="tl-muted">{t('rules.log.empty')}</p>;
  return (
    <ol className="tl-rb-log">
      {runs.map((run) => (
        <li key={run.id} data-effect={run.effect.kind}>
          <time dateTime={new Date(run.at).toISOString()}>{formatDateTime(run.at)}</time>{' '}
          {describeRun(run)}{' '}
          {run.recordIds[0] && <a href={routeHref({ page: 'record', recordId: run.recordIds[0] })}>{t('rules.log.open', { record: run.effect.record })}</a>}
        </li>
      ))}
    </ol>
  );
}

/** One of the team's rules: what it does, whether it is on, its runs; edit, pause, delete. */
export function RuleCard({ rule, ws, onEdit, onToggle, onRemove }: { rule: CustomRule; ws: Workspace; onEdit: () => void; onToggle: () => void; onRemove: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <article className="tl-rp-rule" aria-label={rule.name}>
      <header className="tl-rb-head">
        <strong>{rule.name}</strong>
        <span className={rule.enabled ? 'tl-badge' : 'tl-badge tl-muted'}>{rule.enabled ? t('rules.on') : t('rules.paused')}</span>
      </header>
      <p className="tl-rp-sentence">{ruleSummary(rule, ws)}</p>
      <div className="tl-actions">
        <button type="button" onClick={onToggle}>{rule.enabled ? t('rules.pause') : t('rules.resume')}</button>
        <button type="button" onClick={onEdit}>{t('rules.edit')}</button>
        <ConfirmButton label={t('rules.remove')} question={t('rules.removeConfirm', { rule: rule.name })} confirmLabel={t('rules.remove')} onConfirm={onRemove} />
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('rules.log')}</button>
      </div>
      {open && <RunLog ruleId={rule.id} />}
    </article>
  );
}
