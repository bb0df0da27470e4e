import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { loadAutomationRules, saveAutomationRules } from '../../../storage/automations/store';
import type { AutomationRule } from '../../../storage/model/automationRules';
import { t } from '../../../i18n';
import { ErrorAlert } from '../../crm/ErrorAlert';
import { describeError } from '../../errors';
import { useFolders, usePipelines } from '../../hooks';
import { useAllViews } from '../../crm/data';
import { useDb } from '../../shell/DbProvider';
import { blankRule, EXAMPLES, type Workspace } from './examples';
import { RuleBuilder } from './RuleBuilder';
import { RuleCard } from './RuleCard';
import './builder.css';

const isCustom = (r: AutomationRule): r is CustomRule => r.kind === 'custom';

function useWorkspace(): Workspace | undefined {
  const db = useDb();
  const folders = useFolders();
  const pipelines = usePipelines();
  const fields = useLiveQuery(async () => (await db.fields.toArray()).sort((a, b) => a.order - b.order), [db]);
  const views = useAllViews();
  return folders && pipelines && fields && views ? { folders, pipelines, fields, views } : undefined;
}

/**
 * The team's own rules, built in the form. Each save stores the whole rule list (validated as a
 * whole, as the workspace setting it is), keeping the ready-made rules as they are stored.
 */
export function CustomRules() {
  const db = useDb();
  const ws = useWorkspace();
  const stored = useLiveQuery(() => loadAutomationRules(db), [db]);
  const [editing, setEditing] = useState<{ rule: CustomRule; existing: boolean }>();
  const [example, setExample] = useState('');
  const [errors, setErrors] = useState<string[]>();
  if (!ws || !stored) return <p aria-busy="true">{t('common.loading')}</p>;
  const rules = stored.filter(isCustom);

  const store = async (next: CustomRule[]) => {
    await saveAutomationRules(db, [...stored.filter((r) => !isCustom(r)), ...next]);
  };
  const saveOne = async (rule: CustomRule) => {
    const exists = rules.some((r) => r.id === rule.id);
    await store(exists ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule]);
    setEditing(undefined);
  };
  const quick = (next: CustomRule[]) => {
    setErrors(undefined);
    store(next).catch((e: unknown) => setErrors(describeError(e)));
  };

  if (editing) {
    return <RuleBuilder key={editing.rule.id} initial={editing.rule} ws={ws} editing={editing.existing} onSave={saveOne} onCancel={() => setEditing(undefined)} />;
  }
  return (
    <section aria-labelledby="custom-rules">
      <h3 id="custom-rules">{t('rules.title')}</h3>
      <p className="tl-rp-note">{t('rules.intro')}</p>
      {rules.length === 0 && <p className="tl-empty">{t('rules.none')}</p>}
      {rules.map((rule) => (
        <RuleCard
          key={rule.id}
          rule={rule}
          ws={ws}
          onEdit={() => setEditing({ rule, existing: true })}
          onToggle={() => quick(rules.map((r) => (r.id === rule.id ? { ...r, enabled: !r.enabled } : r)))}
          onRemove={() => quick(rules.filter((r) => r.id !== rule.id))}
        />
      ))}
      {errors && <ErrorAlert errors={errors} />}
      <div className="tl-actions">
        <button type="button" className="tl-primary" onClick={() => setEditing({ rule: blankRule(ws), existing: false })}>{t('rules.new')}</button>
        <label>
          {t('rules.fromExample')}{' '}
          <select
            value={example}
            onChange={(e) => {
              setExample('');
              const built = EXAMPLES.find((x) => x.key === e.target.value)?.build(ws);
              if (built) setEditing({ rule: built, existing: false });
            }}
          >
            <option value="">{t('rules.example.pick')}</option>
            {EXAMPLES.map((x) => <option key={x.key} value={x.key}>{t(x.key)}</option>)}
          </select>
        </label>
      </div>
    </section>
  );
}
