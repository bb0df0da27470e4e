import type { ThreadlineDB } from '../db/db';
import type { Field } from '../model/field';
import type { Folder, Pipeline } from '../model/entities';
import type { ConditionTarget, RuleAction } from '../model/customRules';
import { FIELD_REGISTRY, normalizeValue, type FieldTypeSpec } from '../model/fieldRegistry';
import { filterOps } from '../model/filterRegistry';
import { describeProblemEn, issueFromZod } from '../model/issues';
import type { StorageErrorCode, StorageErrorParams } from '../model/errors';
import { filterIsComplete } from '../views/viewQuery';
import type { CustomRule } from './customTriggers';
import { writableByAutomation } from './effects';

/** A refusal of one rule: the English message for logs, the code and params the UI words. */
export type RuleRefusal = { message: string; code: StorageErrorCode; params: StorageErrorParams };

type Shape = { folders: Folder[]; fields: Field[]; pipelines: Pipeline[] };

const refusal = (rule: CustomRule, message: string, code: StorageErrorCode, params: StorageErrorParams = {}): RuleRefusal => ({
  message: `“${rule.name}”: ${message}`,
  code,
  params: { rule: rule.name, ...params },
});

const stageExists = (shape: Shape, pipelineId: string, stageId: string) => shape.pipelines.some((p) => p.id === pipelineId && p.stages.some((s) => s.id === stageId));

/** The folder a condition reads: the rule's own, or the first companies / deals folder (the builder offers these fields). */
export function conditionFolder(folders: readonly Folder[], ruleFolderId: string, target: ConditionTarget): string | undefined {
  if (target === 'record') return ruleFolderId;
  const kind = target === 'company' ? 'companies' : 'deals';
  return folders.filter((f) => f.kind === kind).sort((a, b) => a.order - b.order)[0]?.id;
}

function checkValue(rule: CustomRule, field: Field, value: unknown, shape: Shape): RuleRefusal | undefined {
  if (!writableByAutomation(field)) return refusal(rule, `${field.label} is computed and cannot be set`, 'ruleFieldComputed', { field: field.label });
  const v = normalizeValue(field, value);
  if (v === undefined) return refusal(rule, `${field.label} needs a value`, 'ruleNeedsValue', { field: field.label });
  const spec = FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>;
  const r = spec.value(field, { pipelines: shape.pipelines }).safeParse(v);
  if (r.success) return undefined;
  const { code, params = {} } = issueFromZod(r.error.issues[0]);
  return refusal(rule, `${field.label} ${describeProblemEn(code, params)}`, 'ruleBadValue', { ...params, field: field.label, issue: code });
}

function checkAction(rule: CustomRule, action: RuleAction, own: readonly Field[], shape: Shape): RuleRefusal | undefined {
  const gone = () => refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
  switch (action.do) {
    case 'setField':
    case 'setDate':
    case 'clearField':
    case 'link': {
      const field = own.find((f) => f.id === action.fieldId);
      if (!field) return gone();
      if (action.do === 'setField') return checkValue(rule, field, action.value, shape);
      if (action.do === 'setDate' && field.type !== 'date') return gone();
      if (action.do === 'link' && field.type !== 'link') return gone();
      return writableByAutomation(field) ? undefined : refusal(rule, `${field.label} is computed and cannot be set`, 'ruleFieldComputed', { field: field.label });
    }
    case 'moveStage':
      return stageExists(shape, action.pipelineId, action.stageId) ? undefined : refusal(rule, 'the stage no longer exists', 'ruleStageGone');
    case 'createTask':
    case 'addNote':
    case 'notify':
      return undefined;
  }
}

/** Everything a custom rule names still exists, its conditions are complete and its values fit their fields. */
export async function checkCustomRule(db: ThreadlineDB, rule: CustomRule): Promise<RuleRefusal | undefined> {
  const [folders, fields, pipelines] = await Promise.all([db.folders.toArray(), db.fields.toArray(), db.pipelines.toArray()]);
  const shape: Shape = { folders, fields, pipelines };
  const { trigger } = rule;
  if (!folders.some((f) => f.id === trigger.folderId)) return refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
  const own = fields.filter((f) => f.folderId === trigger.folderId);
  if (trigger.on === 'fieldChanged' && !own.some((f) => f.id === trigger.fieldId)) return refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
  if (trigger.on === 'dateReached' && own.find((f) => f.id === trigger.fieldId)?.type !== 'date') return refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
  if (trigger.on === 'matchedView' && (await db.views.get(trigger.viewId))?.folderId !== trigger.folderId) return refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
  if ((trigger.on === 'stageEntered' || trigger.on === 'stageLeft') && !stageExists(shape, trigger.pipelineId, trigger.stageId)) {
    return refusal(rule, 'the stage no longer exists', 'ruleStageGone');
  }
  for (const condition of rule.conditions.list) {
    const folderId = conditionFolder(folders, trigger.folderId, condition.target);
    const field = fields.find((f) => f.id === condition.fieldId && f.folderId === folderId);
    if (!field) return refusal(rule, 'one of its fields no longer exists in that folder', 'ruleFieldGone');
    const op = filterOps(field).find((o) => o.op === condition.op) ?? (condition.op === 'isEmpty' || condition.op === 'isNotEmpty' ? { input: 'none' as const } : undefined);
    // A blank condition would hold for every record: refused rather than silently ignored as a view's blank filter is.
    if (!op || !filterIsComplete(op.input, condition.value)) return refusal(rule, `the condition on ${field.label} needs a value`, 'ruleConditionIncomplete', { field: field.label });
  }
  for (const action of rule.actions) {
    const refused = checkAction(rule, action, own, shape);
    if (refused) return refused;
  }
  return undefined;
}
