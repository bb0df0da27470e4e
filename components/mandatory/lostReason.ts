import type { Pipeline, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { isEmptyValue } from '../../storage/model/fieldRegistry';
import type { StageValue } from '../../storage/model/fieldValues';

const isStageValue = (v: unknown): v is StageValue =>
  !!v && typeof v === 'object' && typeof (v as StageValue).pipelineId === 'string' && typeof (v as StageValue).stageId === 'string';

/** The stage a value points at, with its outcome. */
export function stageOf(pipelines: readonly Pipeline[], value: unknown) {
  return isStageValue(value) ? pipelines.find((p) => p.id === value.pipelineId)?.stages.find((s) => s.id === value.stageId) : undefined;
}

/**
 * The "Lost reason" dropdown to ask for when a change moves a record into a lost stage: the
 * folder's field keyed `lostReason` (the deals preset's, found by key so a renamed label still
 * counts), when it is still empty and optional. A record already in that stage, or a reason
 * already given, asks nothing.
 */
export function lostReasonToAsk(fields: readonly Field[], pipelines: readonly Pipeline[], values: RecordValues, stageFieldId: string, next: unknown): Field | undefined {
  const target = stageOf(pipelines, next);
  if (target?.outcome !== 'lost') return undefined;
  const current = values[stageFieldId];
  if (isStageValue(current) && isStageValue(next) && current.pipelineId === next.pipelineId && current.stageId === next.stageId) return undefined;
  // A mandatory reason is not optional: the missing-fields ask names it instead (no Skip there).
  const field = fields.find((f) => f.key === 'lostReason' && f.type === 'dropdown' && !f.hidden && !f.mandatory);
  return field && isEmptyValue(field, values[field.id]) ? field : undefined;
}
