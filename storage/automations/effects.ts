import type { ActivityOf, CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { FIELD_REGISTRY, formatValue } from '../model/fieldRegistry';
import { RecordValidationError, validateRecordValues } from '../model/recordSchema';
import { updateRecordIn } from '../write/records';
import type { Writer } from '../write/mutate';
import { loadFolderSchema } from '../folders/schema';
import type { AutomationAction } from '../model/automationRules';

/** What a rule changes on its target record. */
export type Change =
  | AutomationAction
  /** A preset field found by key in the target's folder (lifecycle stage, lead status). */
  | { kind: 'setFieldByKey'; key: string; value: string; onlyIfCurrently?: string; onlyIfBefore?: boolean };

type Effect = ActivityOf<'automation'>['effect'];

/** Whether automations may write the field: derived and auto-numbered fields are never set. */
export const writableByAutomation = (field: Field) => !FIELD_REGISTRY[field.type].computed && field.type !== 'autoNumber';

/** For keyed changes: the condition on the current value (lead status still "new"; not already past "customer"). */
function conditionHolds(field: Field, current: unknown, change: Extract<Change, { kind: 'setFieldByKey' }>): boolean {
  if (change.onlyIfCurrently !== undefined && current !== change.onlyIfCurrently) return false;
  if (change.onlyIfBefore) {
    const order = (id: unknown) => field.options?.findIndex((o) => o.id === id) ?? -1;
    // A contact already at or past the target stage (an evangelist) is never moved back.
    if (order(current) >= order(change.value) && order(change.value) >= 0) return false;
  }
  return true;
}

/**
 * Sets one field through the record write path, in the caller's transaction. The change is checked
 * first: a throw would abort the user's own change with it, so an invalid one is reported in the
 * history instead.
 */
export async function setFieldByAutomation(w: Writer, target: CrmRecord, change: Exclude<Change, { kind: 'createTask' }>): Promise<Effect | undefined> {
  const schema = await loadFolderSchema(w.db, target.folderId);
  const field = change.kind === 'setField' ? schema.fields.find((f) => f.id === change.fieldId) : schema.fields.find((f) => f.key === change.key);
  if (!field) return change.kind === 'setField' ? { kind: 'failed', record: target.title, message: `field ${change.fieldId} no longer exists` } : undefined;
  const fresh = (await w.db.records.get(target.id)) ?? target;
  const current = fresh.values[field.id];
  if (change.kind === 'setFieldByKey' && !conditionHolds(field, current, change)) return undefined;
  if (JSON.stringify(current) === JSON.stringify(change.value)) return undefined;
  if (!writableByAutomation(field)) {
    return { kind: 'failed', record: target.title, message: `${field.label} is computed`, issue: { label: field.label, code: 'computed' } };
  }
  try {
    validateRecordValues(schema.folder, schema.fields, schema, { ...fresh.values, [field.id]: change.value });
  } catch (e) {
    const issue = e instanceof RecordValidationError ? e.issues[0] : undefined;
    return {
      kind: 'failed', record: target.title, message: (e as Error).message.slice(0, 500),
      ...(issue ? { issue: { label: issue.label.slice(0, 120), code: issue.code, ...(issue.params ? { params: issue.params } : {}) } } : {}),
    };
  }
  await updateRecordIn(w, target.id, { [field.id]: change.value });
  return { kind: 'setField', record: target.title, field: field.label, value: formatValue(field, change.value, { locale: 'en', pipelines: schema.pipelines }) };
}
