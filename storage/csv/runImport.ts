import type { ThreadlineDB } from '../db/db';
import { loadFolderSchema } from '../folders/schema';
import { importRows } from './importRows';
import { LinkResolver } from './linkResolver';
import { ImportStateError, readImportJob, setImportStatus, startImportJob, type ImportJob, type NewImport } from './importJob';
import { streamCsvRows, type CsvSource } from './parse';

/** Rows per transaction: small enough that other pages' writes never wait long behind an import. */
export const IMPORT_BATCH_ROWS = 200;

export type ImportProgress = { job: ImportJob; /** 0..1 of the file read. */ fraction: number };

export type RunImportOptions = {
  source: CsvSource;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
} & ({ start: NewImport } | { resumeId: string });

const sameHeaders = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((h, i) => h === b[i]);

async function begin(db: ThreadlineDB, opts: RunImportOptions): Promise<ImportJob> {
  if ('start' in opts) return startImportJob(db, opts.start);
  const job = await readImportJob(db, opts.resumeId);
  if (!job) throw new ImportStateError('importForgotten');
  return setImportStatus(db, job.id, 'running', { from: ['stopped', 'running'] });
}

/**
 * Runs (or resumes) an import to the end of the file, or until `signal` aborts. Returns the final
 * progress record: `done`, or `stopped` when cancelled or failed (resumable either way, since every
 * committed batch advanced the cursor in its own transaction).
 */
export async function runImport(db: ThreadlineDB, opts: RunImportOptions): Promise<ImportJob> {
  let job = await begin(db, opts);
  let read = 0;
  opts.onProgress?.({ job, fraction: 0 });
  try {
    // Link targets are read once for the whole file; names created by one batch link in the next.
    const links = await LinkResolver.load(db, await loadFolderSchema(db, job.folderId), job.mapping, job.links);
    const { aborted } = await streamCsvRows(opts.source, {
      batchSize: opts.batchSize ?? IMPORT_BATCH_ROWS,
      encoding: job.reading?.encoding,
      signal: opts.signal,
      onHeaders: (headers) => {
        if (!sameHeaders(headers, job.headers)) throw new ImportStateError('importColumnsDiffer');
      },
      onBatch: async ({ rows, fraction }) => {
        // When resuming, rows before the cursor are read again but not written again.
        if (rows.at(-1)!.index >= job.rowsDone) job = await importRows(db, job.id, rows, links);
        read = fraction;
        opts.onProgress?.({ job, fraction });
      },
    });
    job = await setImportStatus(db, job.id, aborted ? 'stopped' : 'done');
    opts.onProgress?.({ job, fraction: aborted ? read : 1 });
    return job;
  } catch (e) {
    // Best effort: if the database itself is failing (quota), the record stays "running" and the
    // import page offers to resume it just the same.
    await setImportStatus(db, job.id, 'stopped', { error: e, from: ['running'] }).catch(() => undefined);
    throw e;
  }
}
