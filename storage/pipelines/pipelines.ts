import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { pipelineSchema, type CrmRecord, type Pipeline, type Stage } from '../model/entities';
import type { StageValue } from '../model/fieldValues';
import { newId } from '../model/ids';
import { mutate } from '../write/mutate';
import { presetLabels } from '../folders/presetLabels';
import { getLocale } from '../../i18n/locale';
import { NotFoundError, StorageError, type StorageErrorCode, type StorageErrorParams } from '../model/errors';
import { inputRefusal } from '../model/inputErrors';

/** The stage a deal sits in, as the sidebar's deal card reads it (an unknown pipeline: the first one). */
export function dealStage(deal: CrmRecord, pipelines: readonly Pipeline[]): Stage | undefined {
  const value = deal.values.fd_stage as StageValue | undefined;
  if (!value) return undefined;
  const pipeline = pipelines.find((p) => p.id === value.pipelineId) ?? pipelines[0];
  return pipeline?.stages.find((s) => s.id === value.stageId);
}

/** A refused pipeline change: `message` is English (logs, tests); the UI words `code` and `params` for the person who asked. */
export class PipelineError extends StorageError {
  constructor(message: string, code: StorageErrorCode, params: StorageErrorParams = {}) {
    super(code, params, message);
    this.name = 'PipelineError';
  }
}

export type StageInput = Omit<Stage, 'id'> & { id?: string };

function parse(pipeline: unknown): Pipeline {
  const r = pipelineSchema.safeParse(pipeline);
  if (!r.success) {
    const refusal = inputRefusal('pipeline', r.error, pipeline);
    throw new PipelineError(refusal.message, refusal.code, refusal.params);
  }
  return r.data;
}

// Checked with the whole pipeline by parse(), so a refusal names the stage (stageSchema.parse would throw zod's English).
const withIds = (stages: readonly StageInput[]): Stage[] => stages.map((s) => ({ ...s, id: s.id ?? newId('stage') }));

/** A new pipeline's stages, named in the language of the page that creates it. */
export function defaultStages(): StageInput[] {
  const names = presetLabels(getLocale()).custom;
  return [
    { name: names.stageNew, probability: 10, color: '#90caf9', outcome: 'open' },
    { name: names.stageInProgress, probability: 50, color: '#ffb74d', outcome: 'open' },
    { name: names.stageWon, probability: 100, color: '#66bb6a', outcome: 'won' },
    { name: names.stageLost, probability: 0, color: '#e57373', outcome: 'lost' },
  ];
}

/** How many records sit in each stage of a pipeline, over every stage field of every folder. */
export async function stageUsage(db: ThreadlineDB, pipelineId: string): Promise<Map<string, number>> {
  const stageFields = (await db.fields.toArray()).filter((f) => f.type === 'stage');
  const usage = new Map<string, number>();
  for (const field of stageFields) {
    await db.records.where('folderId').equals(field.folderId).each((r) => {
      const v = r.values[field.id] as StageValue | undefined;
      if (v?.pipelineId === pipelineId) usage.set(v.stageId, (usage.get(v.stageId) ?? 0) + 1);
    });
  }
  return usage;
}

export function createPipeline(db: ThreadlineDB, name: string, stages: readonly StageInput[] = defaultStages()): Promise<Pipeline> {
  return mutate(db, async (w) => {
    const all = await w.db.pipelines.toArray();
    const now = Date.now();
    const pipeline = parse({
      id: newId('pipeline'), name: z.string().parse(name).trim(), stages: withIds(stages),
      order: all.reduce((m, p) => Math.max(m, p.order), -1) + 1, createdAt: now, updatedAt: now,
    });
    await w.put('pipelines', pipeline, Object.keys(pipeline));
    return pipeline;
  });
}

/**
 * Renames a pipeline or replaces its stages (added, renamed, reordered, recoloured). A stage that
 * still holds records cannot be removed: the records would point at a stage that is gone.
 */
export function updatePipeline(db: ThreadlineDB, id: string, patch: { name?: string; stages?: readonly StageInput[] }): Promise<Pipeline> {
  return mutate(db, async (w) => {
    const current = await w.db.pipelines.get(id);
    if (!current) throw new NotFoundError('pipeline', id);
    const stages = patch.stages ? withIds(patch.stages) : current.stages;
    const next = parse({ ...current, name: (patch.name ?? current.name).trim(), stages, updatedAt: Date.now() });
    const kept = new Set(stages.map((s) => s.id));
    const usage = await stageUsage(w.db, id);
    for (const removed of current.stages.filter((s) => !kept.has(s.id))) {
      const n = usage.get(removed.id) ?? 0;
      if (n > 0) throw new PipelineError(`${n} record(s) are in stage "${removed.name}"; move them to another stage first`, 'stageInUse', { count: n, stage: removed.name });
    }
    const changed = [patch.name !== undefined && next.name !== current.name ? 'name' : '', patch.stages ? 'stages' : ''].filter(Boolean);
    if (changed.length) await w.put('pipelines', next, changed);
    return next;
  });
}

/** Refused while any record uses the pipeline, and for the last pipeline (new deals need one). */
export async function deletePipeline(db: ThreadlineDB, id: string): Promise<void> {
  await mutate(db, async (w) => {
    const current = await w.db.pipelines.get(id);
    if (!current) return;
    if ((await w.db.pipelines.count()) <= 1) throw new PipelineError('The last pipeline cannot be deleted', 'lastPipeline', {});
    const used = [...(await stageUsage(w.db, id)).values()].reduce((a, b) => a + b, 0);
    if (used > 0) throw new PipelineError(`${used} record(s) are in pipeline "${current.name}"; move them first`, 'pipelineInUse', { count: used, pipeline: current.name });
    await w.remove('pipelines', id);
  });
}
