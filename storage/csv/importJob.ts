import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { newId } from '../model/ids';
import { mutate, type Writer } from '../write/mutate';

export const DEDUP_MODES = ['skip', 'update', 'create'] as const;
export type DedupMode = (typeof DEDUP_MODES)[number];

const count = z.number().int().min(0);
const rowIssueSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string(), value: z.string() });

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
  status: z.enum(['running', 'stopped', 'done']),
  error: z.string().optional(),
  rowsDone: count,
  counts: z.object({ created: count, updated: count, unchanged: count, skipped: count, blank: count, bad: count }),
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

export class ImportStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportStateError';
  }
}

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

export type NewImport = Pick<ImportJob, 'folderId' | 'file' | 'headers' | 'mapping' | 'dedup'>;

export function startImportJob(db: ThreadlineDB, init: NewImport): Promise<ImportJob> {
  const now = Date.now();
  const job: ImportJob = {
    ...init,
    id: newId('imp'),
    status: 'running',
    rowsDone: 0,
    counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, blank: 0, bad: 0 },
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
export function setImportStatus(db: ThreadlineDB, id: string, status: ImportJob['status'], opts: { from?: ImportJob['status'][]; error?: string } = {}): Promise<ImportJob> {
  return mutate(db, async (w) => {
    const job = await readImportJob(w.db, id);
    if (!job) throw new ImportStateError('This import is no longer remembered.');
    if (opts.from && !opts.from.includes(job.status)) throw new ImportStateError(`This import is ${job.status}.`);
    const now = Date.now();
    const next: ImportJob = { ...job, status, updatedAt: now, ...(status === 'done' ? { finishedAt: now } : {}) };
    if (opts.error) next.error = opts.error;
    else delete next.error;
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
