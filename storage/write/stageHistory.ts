import type { ActivityOf, CrmRecord, RecordValues } from '../model/entities';
import type { StageValue } from '../model/fieldValues';
import type { Field } from '../model/field';
import { newId } from '../model/ids';
import type { FolderSchema } from '../folders/schema';
import type { PutEntry } from './mutate';

export type StageMove = { field: Field; from: StageValue | undefined; to: StageValue };

/**
 * The stage fields a write moved into a new stage: the one definition of "entered a stage", used
 * by the deal's history and by automations.
 */
export function stageMoves(schema: FolderSchema, before: RecordValues | undefined, after: RecordValues): StageMove[] {
  const out: StageMove[] = [];
  for (const field of schema.fields) {
    if (field.type !== 'stage') continue;
    const from = before?.[field.id] as StageValue | undefined;
    const to = after[field.id] as StageValue | undefined;
    if (to && !(from && from.pipelineId === to.pipelineId && from.stageId === to.stageId)) out.push({ field, from, to });
  }
  return out;
}

/** Every stage change, from any screen, leaves a history entry on the deal. */
export function stageChangeEntries(schema: FolderSchema, record: CrmRecord, before: RecordValues | undefined, now: number): PutEntry<ActivityOf<'stageChange'>>[] {
  return stageMoves(schema, before, record.values).map(({ field, from, to }) => {
    const activity: ActivityOf<'stageChange'> = {
      id: newId('act'),
      kind: 'stageChange',
      recordIds: [record.id],
      fieldId: field.id,
      ...(from ? { from } : {}),
      to,
      at: now,
      createdAt: now,
      updatedAt: now,
    };
    return { doc: activity, changed: Object.keys(activity), fresh: true };
  });
}
