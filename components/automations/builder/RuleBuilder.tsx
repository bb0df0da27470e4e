import { useState } from 'react';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { dryRunRule, type DryRun } from '../../../storage/automations/dryRun';
import { t } from '../../../i18n';
import { ErrorAlert } from '../../crm/ErrorAlert';
import { describeError } from '../../errors';
import { useDb } from '../../shell/DbProvider';
import { routeHref } from '../../shell/router';
import { ActionRows } from './ActionRows';
import { ConditionRows } from './ConditionRows';
import type { Workspace } from './examples';
import { TriggerFields } from './TriggerFields';

type Props = {
  initial: CustomRule;
  ws: Workspace;
  /** Validates and stores the rule with the others; rejects with the reason. */
  onSave: (rule: CustomRule) => Promise<void>;
  onCancel: () => void;
  editing: boolean;
};

function DryRunResult({ result }: { result: DryRun }) {
  return (
    <div role="status" className="tl-rb-dryrun">
      <p>{t('rules.dryRun.result', { count: result.count, scanned: result.scanned })}</p>
      {result.sample.length > 0 && (
        <ul>
          {result.sample.map((r) => <li key={r.id}><a href={routeHref({ page: 'record', recordId: r.id })}>{r.title}</a></li>)}
        </ul>
      )}
      <p className="tl-muted">{t('rules.dryRun.note')}</p>
    </div>
  );
}

/**
 * The rule builder: a form read as a sentence (when … if … then …). Nothing is stored until Save;
 * the preview runs the rule's trigger state and conditions over today's records without acting.
 */
export function RuleBuilder({ initial, ws, onSave, onCancel, editing }: Props) {
  const db = useDb();
  const [rule, setRule] = useState(initial);
  const [errors, setErrors] = useState<string[]>();
  const [dryRun, setDryRun] = useState<DryRun | 'running'>();
  const [saving, setSaving] = useState(false);
  const change = (next: CustomRule) => {
    setRule(next);
    setErrors(undefined);
    setDryRun(undefined);
  };
  const save = (enabled: boolean) => {
    setSaving(true);
    onSave({ ...rule, enabled }).then(
      () => setSaving(false),
      (e: unknown) => {
        setSaving(false);
        setErrors(describeError(e));
      },
    );
  };
  const preview = () => {
    setDryRun('running');
    dryRunRule(db, rule).then(setDryRun, (e: unknown) => {
      setDryRun(undefined);
      setErrors(describeError(e));
    });
  };
  const title = editing ? t('rules.edited', { rule: initial.name }) : t('rules.creating');
  return (
    <form className="tl-rb" aria-label={title} onSubmit={(e) => { e.preventDefault(); save(rule.enabled); }}>
      <h3>{title}</h3>
      <label>
        {t('rules.name')}
        <input value={rule.name} required maxLength={120} onChange={(e) => change({ ...rule, name: e.target.value })} />
      </label>
      <TriggerFields trigger={rule.trigger} ws={ws} onChange={(trigger) => change({ ...rule, trigger, conditions: trigger.folderId === rule.trigger.folderId ? rule.conditions : { ...rule.conditions, list: [] }, actions: trigger.folderId === rule.trigger.folderId ? rule.actions : [{ do: 'createTask', title: '', owner: 'recordOwner' }] })} />
      <ConditionRows conditions={rule.conditions} ruleFolderId={rule.trigger.folderId} ws={ws} onChange={(conditions) => change({ ...rule, conditions })} />
      <ActionRows actions={rule.actions} ruleFolderId={rule.trigger.folderId} ws={ws} onChange={(actions) => change({ ...rule, actions })} />
      <div className="tl-actions">
        <button type="button" onClick={preview} disabled={dryRun === 'running'} aria-busy={dryRun === 'running'}>{t('rules.dryRun')}</button>
      </div>
      {dryRun && dryRun !== 'running' && <DryRunResult result={dryRun} />}
      {errors && <ErrorAlert errors={errors} />}
      <div className="tl-actions">
        <button type="submit" className="tl-primary" disabled={saving}>{t('rules.save')}</button>
        {rule.enabled && <button type="button" disabled={saving} onClick={() => save(false)}>{t('rules.saveOff')}</button>}
        <button type="button" onClick={onCancel}>{t('rules.cancel')}</button>
      </div>
    </form>
  );
}
