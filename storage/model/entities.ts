import { z } from 'zod';
import { LIMITS } from './limits';
import { automationEffectSchema, automationTriggerSchema } from './automationRules';
import type { DealLines } from './lineItem';

export { templateSchema, TEMPLATE_LANGUAGES, TEMPLATE_LIMITS, type Template, type TemplateLanguage } from './template';

export const FOLDER_KINDS = ['contacts', 'companies', 'deals', 'products', 'custom'] as const;
export type FolderKind = (typeof FOLDER_KINDS)[number];

export const folderSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(LIMITS.label),
    /** A name from FOLDER_ICONS (folderIcons.ts); an older version's emoji still parses and is drawn by its replacement. */
    icon: z.string().max(32),
    kind: z.enum(FOLDER_KINDS),
    /** Fields whose values, joined by spaces, make a record's title (e.g. first + last name). */
    titleFieldIds: z.array(z.string()).min(1),
    order: z.number(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type Folder = z.infer<typeof folderSchema>;

export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;
export const stageSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(LIMITS.label),
  probability: z.number().min(0).max(100),
  outcome: z.enum(STAGE_OUTCOMES),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Stage = z.infer<typeof stageSchema>;

export const pipelineSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(LIMITS.label),
    stages: z.array(stageSchema).min(1),
    order: z.number(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type Pipeline = z.infer<typeof pipelineSchema>;

export const viewSchema = z
  .object({
    id: z.string().min(1).max(64),
    folderId: z.string().min(1),
    name: z.string().min(1).max(LIMITS.label),
    layout: z.enum(['list', 'board']),
    columns: z.array(z.string()),
    sort: z.array(z.object({ fieldId: z.string(), direction: z.enum(['asc', 'desc']) })),
    /** Filters are interpreted by the views issue; stored opaque but bounded here. */
    filters: z.array(z.object({ fieldId: z.string(), op: z.string().max(32), value: z.unknown() })),
    boardFieldId: z.string().optional(),
    order: z.number(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type View = z.infer<typeof viewSchema>;

/** Read-only figures kept on each record by the write path, so statistic fields cost no query. */
export const recordStatsSchema = z.object({
  lastActivityAt: z.number().optional(),
  lastEmailReceivedAt: z.number().optional(),
  emailThreadIds: z.array(z.string()).optional(),
});
export type RecordStats = z.infer<typeof recordStatsSchema>;

export type RecordValues = Record<string, unknown>;

export type CrmRecord = {
  id: string;
  folderId: string;
  /** Keyed by field id; validated by recordSchema(folder, fields) on every write. */
  values: RecordValues;
  /** Derived on write: the record's display title, folded for search. */
  title: string;
  /** Derived on write, normalised, indexed: how the sidebar finds the people on a thread. */
  emails: string[];
  domains: string[];
  linkedIds: string[];
  stats: RecordStats;
  /** A deal's line items (storage/lines/line.ts), keyed by line id; absent on every other record. */
  lines?: DealLines;
  createdAt: number;
  updatedAt: number;
};

export const ACTIVITY_KINDS = ['email', 'note', 'call', 'meeting', 'task', 'stageChange', 'automation'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const person = z.object({ name: z.string().max(LIMITS.shortText), email: z.string().max(LIMITS.email) });
export type Person = z.infer<typeof person>;

/** Minutes; a call or meeting of a day at most. */
const durationSchema = z.number().int().min(0).max(24 * 60);
/**
 * The Gmail thread a note, call or meeting was logged from: linking that thread to a deal later
 * attaches it to the deal too, as it does the thread's emails.
 */
const threadIdSchema = z.string().min(1).max(200);

const activityBase = {
  id: z.string().min(1).max(160),
  recordIds: z.array(z.string()).min(1).max(LIMITS.linkTargets),
  /** When it happened (the email's date, the call's time); the timeline sorts on it. */
  at: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
};

export const activitySchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...activityBase,
      kind: z.literal('email'),
      threadId: z.string().max(200),
      messageId: z.string().max(200),
      direction: z.enum(['received', 'sent']),
      from: person,
      to: z.array(person).max(500),
      cc: z.array(person).max(500),
      subject: z.string().max(LIMITS.shortText),
      snippet: z.string().max(LIMITS.shortText),
    })
    .strict(),
  z.object({ ...activityBase, kind: z.literal('note'), body: z.string().min(1).max(LIMITS.longText), threadId: threadIdSchema.optional() }).strict(),
  z
    .object({
      ...activityBase,
      kind: z.literal('call'),
      body: z.string().max(LIMITS.longText),
      /** An id of the workspace's call outcome list (settings `callOutcomes`), which admins edit. */
      outcome: z.string().min(1).max(64),
      durationMin: durationSchema.optional(),
      threadId: threadIdSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...activityBase,
      kind: z.literal('meeting'),
      /** May be empty: the history then says just "Meeting". */
      title: z.string().max(LIMITS.shortText),
      body: z.string().max(LIMITS.longText),
      durationMin: durationSchema.optional(),
      /** The people who took part (contact ids); they are among `recordIds` too, so it shows in their history. */
      attendeeIds: z.array(z.string().min(1).max(64)).max(LIMITS.linkTargets).optional(),
      threadId: threadIdSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...activityBase,
      kind: z.literal('task'),
      /** A task made on the Tasks page may be about no record. */
      recordIds: z.array(z.string()).max(LIMITS.linkTargets),
      title: z.string().min(1).max(LIMITS.shortText),
      due: z.number().optional(),
      /** `due` is a time of day; else only its local day counts (stored at 23:59; older tasks have no flag). */
      timed: z.boolean().optional(),
      done: z.boolean(),
      /** Whose task it is (a user field's value); a rule gives the record owner's (storage/automations). */
      owner: z.string().min(1).max(128).optional(),
    })
    .strict(),
  z
    .object({
      ...activityBase,
      kind: z.literal('stageChange'),
      fieldId: z.string(),
      from: z.object({ pipelineId: z.string(), stageId: z.string() }).optional(),
      to: z.object({ pipelineId: z.string(), stageId: z.string() }),
    })
    .strict(),
  /** A workspace automation changed something: which rule, why, and what it did (storage/automations). */
  z
    .object({ ...activityBase, kind: z.literal('automation'), ruleId: z.string().max(64), ruleName: z.string().max(LIMITS.label), trigger: automationTriggerSchema, effect: automationEffectSchema })
    .strict(),
]);
export type Activity = z.infer<typeof activitySchema>;
export type ActivityOf<K extends ActivityKind> = Extract<Activity, { kind: K }>;

export const threadLinkSchema = z
  .object({
    id: z.string(),
    threadId: z.string().min(1).max(200),
    recordId: z.string().min(1),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type ThreadLink = z.infer<typeof threadLinkSchema>;

export const SYNCED_TABLES = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'templates'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** One pending change for the sync engine; written in the same transaction as the change. */
export type OutboxEntry = {
  seq?: number;
  mutationId: string;
  table: SyncedTable;
  docId: string;
  op: 'put' | 'delete';
  /** Field ids (records) or property names (other tables) this change touched. */
  changed: string[];
  at: number;
  /** Clock stamp of this change (sync/hlc.ts); absent on entries written before schema v2. */
  hlc?: string;
  /** Set when the server refused the change: kept for the user to see, skipped by the push. */
  refused?: { reason: string; at: number; discard?: boolean };
  /**
   * The change created its document under an id the same write minted (PutEntry.fresh): until a
   * push carrying it has been attempted, no server can hold that document.
   */
  minted?: true;
  /** When a push carrying this minted entry was first attempted: the server may hold it since. */
  sentAt?: number;
};

export type Setting = { key: string; value: unknown; updatedAt: number };
