import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { newId } from '../model/ids';
import { ISSUE_CODES, issueParamsSchema } from '../model/issues';
import { STORAGE_ERROR_CODES, StorageError, type StorageErrorParams } from '../model/errors';
import { mutate, type Writer } from '../write/mutate';
import { cellReadingSchema } from './reading';
import { linkOptionsSchema } from './links';

export const DEDUP_MODES = ['skip', 'update', 'create'] as const;
export type DedupMode = (typeof DEDUP_MODES)[number];

const count = z.number().int().min(0);
const rowIssueBase = { row: z.number().int(), column: z.string(), value: z.string() };
const rowIssueSchema = z.union([
  z.object({ ...rowIssueBase, code: z.enum(ISSUE_CODES), params: issueParamsSchema.optional() }),
  // Reports kept from before issues had codes hold an English sentence: shown as it was.
  z.object({ ...rowIssueBase, reason: z.string() }).transform(({ reason, ...rest }) => ({ ...rest, code: 'invalid' as const, params: { detail: reason } })),
]);

/**
 * The progress record of one import, kept in the local-only `meta` table (never synced: it
 * describes this browser's work, not the workspace). `rowsDone` is the cursor: every data row
 * before it has been committed, in the same transaction that advanced it.
 */
export const importJobSchema = z.object({
  id: z.string().min(1),
  folderId: z.string().min(1),
  file: z.object({ name: z.string(), size: z.number(), lastModified: z.number().optional() }),
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  dedup: z.enum(DEDUP_MODES),
  /** How cells are read (encoding, date order, decimal mark, unknown dropdown values); absent on imports started before the choice existed. */
  reading: cellReadingSchema.optional(),
  /** Per link field: the separator of several names, and whether missing ones are created. */
  links: linkOptionsSchema.optional(),
  status: z.enum(['running', 'stopped', 'done']),
  /** Why the import stopped: English text for logs; `errorCode` and `errorParams` for the UI's wording. */
  error: z.string().optional(),
  errorCode: z.enum(STORAGE_ERROR_CODES).optional(),
  errorParams: issueParamsSchema.optional(),
  rowsDone: count,
  /** `linkedCreated`: records made in link target folders for names nothing matched. */
  counts: z.object({ created: count, updated: count, unchanged: count, skipped: count, blank: count, bad: count, linkedCreated: count.default(0) }),
  issues: z.array(rowIssueSchema),
  /** More issues than MAX_ISSUES were found; the rest are counted in `counts.bad` only. */
  issuesTruncated: z.boolean(),
  startedAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportFile = ImportJob['file'];

export const MAX_ISSUES = 5_000;
/** Finished imports kept for their reports; older ones are pruned when a new import starts. */
const KEEP_FINISHED = 20;
const PREFIX = 'imports:';
export const importKey = (id: string) => `${PREFIX}${id}`;

/** An import that cannot go on as asked (forgotten, finished, continued in another tab). */
export class ImportStateError extends StorageError {
  constructor(code: 'importForgotten' | 'importStatus' | 'importElsewhere' | 'importColumnsDiffer', params: StorageErrorParams = {}) {
    super(code, params, IMPORT_STATE_EN[code](params));
    this.name = 'ImportStateError';
  }
}
const IMPORT_STATE_EN = {
  importForgotten: () => 'This import is no longer remembered.',
  importStatus: (p: StorageErrorParams) => `This import is ${p.status}.`,
  importElsewhere: (p: StorageErrorParams) => `This import continued elsewhere (row ${p.row}).`,
  importColumnsDiffer: () => 'This file’s columns differ from the ones this import was started with.',
};

const parseJob = (value: unknown): ImportJob | undefined => {
  const r = importJobSchema.safeParse(value);
  return r.success ? r.data : undefined;
};

export async function readImportJob(db: ThreadlineDB, id: string): Promise<ImportJob | undefined> {
  return parseJob((await db.meta.get(importKey(id)))?.value);
}

/** Every import this browser remembers, newest first; a damaged record is ignored, not fatal. */
export async function listImportJobs(db: ThreadlineDB): Promise<ImportJob[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return rows
    .map((r) => parseJob(r.value))
    .filter((j): j is ImportJob => j !== undefined)
    .sort((a, b) => b.startedAt - a.startedAt);
}

/** Writes the progress record, in the caller's transaction (local-only: no outbox, no clocks). */
export async function putImportJob(w: Writer, job: ImportJob): Promise<void> {
  await w.db.meta.put({ key: importKey(job.id), value: importJobSchema.parse(job) });
}

export type NewImport = Pick<ImportJob, 'folderId' | 'file' | 'headers' | 'mapping' | 'dedup' | 'links' | 'reading'>;

export function startImportJob(db: ThreadlineDB, init: NewImport): Promise<ImportJob> {
  const now = Date.now();
  const job: ImportJob = {
    ...init,
    id: newId('imp'),
    status: 'running',
    rowsDone: 0,
    counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, blank: 0, bad: 0, linkedCreated: 0 },
    issues: [],
    issuesTruncated: false,
    startedAt: now,
    updatedAt: now,
  };
  // Through mutate like every write, though meta is local-only and needs no outbox entry.
  return mutate(db, async (w) => {
    const finished = (await listImportJobs(w.db)).filter((j) => j.status === 'done');
    for (const old of finished.slice(KEEP_FINISHED - 1)) await w.db.meta.delete(importKey(old.id));
    await putImportJob(w, job);
    return job;
  });
}

/** Changes an import's status; `from` guards against a second tab running the same import. */
export function setImportStatus(db: ThreadlineDB, id: string, status: ImportJob['status'], opts: { from?: ImportJob['status'][]; error?: unknown } = {}): Promise<ImportJob> {
  return mutate(db, async (w) => {
    const job = await readImportJob(w.db, id);
    if (!job) throw new ImportStateError('importForgotten');
    if (opts.from && !opts.from.includes(job.status)) throw new ImportStateError('importStatus', { status: job.status });
    const now = Date.now();
    const next: ImportJob = { ...job, status, updatedAt: now, ...(status === 'done' ? { finishedAt: now } : {}) };
    delete next.error;
    delete next.errorCode;
    delete next.errorParams;
    if (opts.error !== undefined) {
      next.error = opts.error instanceof Error ? opts.error.message : String(opts.error);
      if (opts.error instanceof StorageError) Object.assign(next, { errorCode: opts.error.code, errorParams: opts.error.params });
    }
    await putImportJob(w, next);
    return next;
  });
}

/** Forgets an unfinished import. Rows it committed stay: each is a complete, valid record. */
export function discardImportJob(db: ThreadlineDB, id: string): Promise<void> {
  return mutate(db, async (w) => {
    await w.db.meta.delete(importKey(id));
  });
}

/** An unfinished import of the same file into the same folder, which a new pick can resume. */
export async function findResumableJob(db: ThreadlineDB, folderId: string, file: ImportFile): Promise<ImportJob | undefined> {
  return (await listImportJobs(db)).find(
    (j) => j.status !== 'done' && j.folderId === folderId && j.file.name === file.name && j.file.size === file.size && j.file.lastModified === file.lastModified,
  );
}
