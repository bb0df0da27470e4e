import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { AUTOMATION_KINDS, type AutomationKind, type AutomationRule } from '../../storage/model/automationRules';
import { loadAutomationRules, newRuleId, saveAutomationRules } from '../../storage/automations/store';
import { automationDealFields } from '../../storage/automations/queries';
import type { Pipeline } from '../../storage/model/entities';
import { t, type PlainKey } from '../../i18n';
import { usePipelines } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { useCanSettings } from '../workspace/useWorkspaceRole';
import { EditArea, ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { ReminderRulesEditor } from '../tasks/ReminderRulesEditor';
import { RuleEditor } from './RuleEditor';
import { CustomRules } from './builder/CustomRules';
import '../reports/reports.css';
import { ErrorAlert } from '../crm/ErrorAlert';
import { describeError } from '../errors';

/** The ready-made rules; the builder's own (`custom`) are listed by CustomRules. */
type TemplateKind = Exclude<AutomationKind, 'custom'>;
type TemplateRule = Exclude<AutomationRule, { kind: 'custom' }>;
const TEMPLATE_KINDS = AUTOMATION_KINDS.filter((k): k is TemplateKind => k !== 'custom');
const isTemplate = (r: AutomationRule): r is TemplateRule => r.kind !== 'custom';

const KIND_LABEL: Record<TemplateKind, PlainKey> = {
  stageEntered: 'automation.kind.stageEntered',
  dealWon: 'automation.kind.dealWon',
  emailFromNewLead: 'automation.kind.emailFromNewLead',
  activityLogged: 'automation.kind.activityLogged',
};

function newRule(kind: TemplateKind, pipelines: readonly Pipeline[]): TemplateRule {
  const base = { id: newRuleId(), name: t(KIND_LABEL[kind]), enabled: true };
  if (kind === 'activityLogged') return { ...base, kind, activityKind: 'call', action: { kind: 'createTask', title: '' } };
  if (kind !== 'stageEntered') return { ...base, kind };
  const p = pipelines[0];
  return { ...base, kind, pipelineId: p?.id ?? '', stageId: p?.stages[0]?.id ?? '', action: { kind: 'createTask', title: '' } };
}

/** The ready-made rules: edited as a draft, validated with the builder's rules and saved through the write path. */
function AutomationRules() {
  const db = useDb();
  const pipelines = usePipelines() ?? [];
  const saved = useLiveQuery(() => loadAutomationRules(db), [db]);
  const dealFields = useLiveQuery(() => automationDealFields(db), [db]);
  // Edits live in a draft until saved; until the first edit the page shows what is stored.
  const [edited, setDraft] = useState<TemplateRule[]>();
  const [kind, setKind] = useState<TemplateKind>('dealWon');
  const [status, setStatus] = useState<{ errors: string[] } | 'saved' | undefined>();
  if (!saved || !dealFields) return <p aria-busy="true">{t('common.loading')}</p>;
  const draft = edited ?? saved.filter(isTemplate);
  const edit = (next: TemplateRule[]) => {
    setDraft(next);
    setStatus(undefined);
  };
  return (
    <section aria-labelledby="automation-rules">
      <h3 id="automation-rules">{t('automation.readyMade')}</h3>
      {draft.length === 0 && <p className="tl-empty">{t('automation.none')}</p>}
      {draft.map((rule, i) => (
        <RuleEditor
          key={rule.id}
          rule={rule}
          pipelines={pipelines}
          dealFields={dealFields}
          onChange={(r) => edit(draft.map((x, j) => (j === i ? (r as TemplateRule) : x)))}
          onRemove={() => edit(draft.filter((_, j) => j !== i))}
        />
      ))}
      <div className="tl-actions">
        <label>
          {t('automation.newRuleKind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => edit([...draft, newRule(kind, pipelines)])}>
          {t('automation.add')}
        </button>
        <button
          type="button"
          className="tl-primary"
          onClick={() => saveAutomationRules(db, [...draft, ...saved.filter((r) => !isTemplate(r))]).then(() => setStatus('saved'), (e: unknown) => setStatus({ errors: describeError(e) }))}
        >
          {t('automation.save')}
        </button>
        {status === 'saved' && <span role="status">{t('automation.saved')}</span>}
      </div>
      {typeof status === 'object' && <ErrorAlert errors={status.errors} />}
    </section>
  );
}

/** "When … then …" automations and date reminders for the workspace. */
export function AutomationsPage() {
  // Automations and reminder rules are workspace settings: owners and admins write them (firestore.rules).
  const canWrite = useCanSettings();
  return (
    <div className="tl-rp-automations">
      <header className="tl-toolbar">
        <h2>{t('automation.title')}</h2>
      </header>
      <ViewOnlyNote canWrite={canWrite} reason="settings" />
      <EditArea canWrite={canWrite}>
        <CustomRules />
        <AutomationRules />
        <ReminderRulesEditor />
      </EditArea>
    </div>
  );
}
