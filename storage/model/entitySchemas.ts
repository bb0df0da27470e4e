import { z } from 'zod';
import { activitySchema, folderSchema, pipelineSchema, recordStatsSchema, templateSchema, threadLinkSchema, viewSchema, type SyncedTable } from './entities';
import { fieldSchema } from './field';
import { dealLinesSchema } from './lineItem';

/** Shapes of whole stored documents, for every boundary that receives them: sync, backup files. */
export const settingSchema = z.object({ key: z.string().min(1).max(120), value: z.unknown(), updatedAt: z.number() }).strict();

/** A record as stored, minus the derived indexes, which the receiver computes itself. */
export const recordEnvelopeSchema = z
  .object({
    id: z.string().min(1).max(200),
    folderId: z.string().min(1).max(64),
    values: z.record(z.string(), z.unknown()),
    stats: recordStatsSchema.strict(),
    lines: dealLinesSchema.optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();

/** Entity schemas of the tables whose documents have a fixed shape (records depend on their folder). */
export const ENTITY_SCHEMAS: Record<Exclude<SyncedTable, 'records'>, z.ZodType> = {
  folders: folderSchema,
  fields: fieldSchema,
  views: viewSchema,
  pipelines: pipelineSchema,
  activities: activitySchema,
  threadLinks: threadLinkSchema,
  settings: settingSchema,
  templates: templateSchema,
};

