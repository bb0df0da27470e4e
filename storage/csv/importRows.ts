import { deriveIndexes } from '../model/derive';
import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, RecordValues } from '../model/entities';
import { mutate } from '../write/mutate';
import { ownValues, writeValidatedRecordsIn, type ValidatedRecordWrite } from '../write/records';
import { newId } from '../model/ids';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import { convertRow, type ConvertedRow, type RowIssue } from './convert';
import { ImportStateError, MAX_ISSUES, putImportJob, readImportJob, type ImportJob } from './importJob';
import { KnownRecords } from './knownRecords';
import { LinkResolver, type RowLinks } from './linkResolver';
import type { CsvRow } from './parse';
import { checkNew, validatorFor, type Validator } from './validate';

type Batch = {
  schema: FolderSchema;
  job: ImportJob;
  known: KnownRecords;
  validate: Validator;
  links: LinkResolver;
  /** What the batch will write, by record id, in row order: a record written by two rows is written once. */
  writes: Map<string, ValidatedRecordWrite>;
};
type Row = ConvertedRow & { links: RowLinks };

/**
 * Imports one batch of rows in ONE transaction (mutate), together with the import's progress
 * record. Why this design: a browser killed mid-import keeps whole batches only, and the cursor
 * (`rowsDone`) says exactly which; resuming skips those rows, so even "create" mode never
 * duplicates a row, and nothing is ever half-written. A staged-then-committed import would have
 * needed one huge final transaction (a locked database for minutes on 100,000 rows); batches keep
 * the page and the sidebar usable meanwhile.
 *
 * Each row is decided in memory (validated with the folder's rules, matched against the records
 * the batch may touch, which KnownRecords read up front); then the whole batch is written by
 * `writeValidatedRecordsIn`, which adds exactly what createRecord/updateRecord add (auto-numbers,
 * stage history, automations, clocks and outbox; the derived columns come from the database's
 * middleware) in a few bulk requests. A
 * refused row is only reported; a failing write aborts the batch and its cursor, retried on resume.
 */
export async function importRows(db: ThreadlineDB, jobId: string, rows: readonly CsvRow[], links?: LinkResolver): Promise<ImportJob> {
  // runImport passes one resolver for the whole import; a batch on its own reads the targets itself.
  const resolver = links ?? (await resolverFor(db, jobId));
  try {
    const job = await importBatch(db, jobId, rows, resolver);
    resolver.settle(true);
    return job;
  } catch (e) {
    resolver.settle(false);
    throw e;
  }
}

async function resolverFor(db: ThreadlineDB, jobId: string): Promise<LinkResolver> {
  const job = await readImportJob(db, jobId);
  if (!job) throw new ImportStateError('importForgotten');
  return LinkResolver.load(db, await loadFolderSchema(db, job.folderId), job.mapping, job.links);
}

function importBatch(db: ThreadlineDB, jobId: string, rows: readonly CsvRow[], links: LinkResolver): Promise<ImportJob> {
  return mutate(db, async (w) => {
    const job = await readImportJob(w.db, jobId);
    if (!job) throw new ImportStateError('importForgotten');
    if (job.status !== 'running') throw new ImportStateError('importStatus', { status: job.status });
    const pending = rows.filter((r) => r.index >= job.rowsDone);
    if (pending.length === 0) return job;
    // Rows must continue from the cursor: a gap means another tab is running this import too.
    if (pending[0]!.index !== job.rowsDone) throw new ImportStateError('importElsewhere', { row: job.rowsDone + 2 });
    const schema = await loadFolderSchema(w.db, job.folderId);
    const converted = pending.map((r) => ({ cells: r.cells, row: convertRow(r.cells, r.index, job.headers, links.plain, schema, job.reading) }));
    const ids = converted.flatMap(({ row }) => (row.id ? [row.id] : []));
    const emails = converted.flatMap(({ row }) => deriveIndexes(schema.folder, schema.fields, row.values).emails);
    const known = await KnownRecords.load(w.db, ids, emails);
    const batch: Batch = { schema, job: structuredClone(job), known, validate: validatorFor(schema), links, writes: new Map() };
    // In row order: a row may match a record an earlier row of the batch created or changed.
    // Links are resolved row by row too, so a link into this folder finds what earlier rows created.
    for (const { cells, row } of converted) importOne(batch, withLinks(batch, row, cells));
    // Records created for link names first: the rows' links point at them.
    for (const group of links.batchWrites()) await writeValidatedRecordsIn(w, group.schema, group.writes);
    await writeValidatedRecordsIn(w, schema, [...batch.writes.values()]);
    batch.job.rowsDone = pending.at(-1)!.index + 1;
    batch.job.updatedAt = Date.now();
    await putImportJob(w, batch.job);
    return batch.job;
  });
}

function refuse(batch: Batch, issues: RowIssue[]): undefined {
  const { job } = batch;
  job.counts.bad += 1;
  const room = MAX_ISSUES - job.issues.length;
  if (issues.length > room) job.issuesTruncated = true;
  job.issues.push(...issues.slice(0, Math.max(0, room)));
  return undefined;
}

function withLinks(batch: Batch, row: ConvertedRow, cells: readonly string[]): Row {
  const links = batch.links.resolve(cells, row.row, batch.job.headers);
  return { ...row, values: { ...row.values, ...links.values }, issues: [...row.issues, ...links.issues], links };
}

/** Decides a row's fate and adds its write to the batch's plan, with the linked records it creates. */
function importOne(batch: Batch, row: Row): void {
  if (decide(batch, row)) batch.job.counts.linkedCreated += batch.links.accept(row.links);
}

/** True when the row is written (created or updated). */
function decide(batch: Batch, row: ConvertedRow): boolean {
  const { job } = batch;
  if (row.blank) {
    job.counts.blank += 1;
    return false;
  }
  if (row.issues.length) return !!refuse(batch, row.issues);
  const match = findMatch(batch, row);
  if (match && 'issue' in match) return !!refuse(batch, [match.issue]);
  if (match && job.dedup === 'skip') {
    job.counts.skipped += 1;
    return false;
  }
  if (match && job.dedup === 'update') return update(batch, row, match.record);
  return create(batch, row, match?.record.id);
}

type Match = { record: CrmRecord } | { issue: RowIssue };

/** The existing record a row stands for: by its Threadline id, else by any of its emails. */
function findMatch({ schema, known }: Batch, row: ConvertedRow): Match | undefined {
  const byId = row.id ? known.get(row.id) : undefined;
  if (byId && byId.folderId !== schema.folder.id) {
    return { issue: { row: row.row, column: 'id', code: 'otherFolder', params: { folder: schema.folder.name }, value: row.id! } };
  }
  if (byId) return { record: byId };
  const { emails } = deriveIndexes(schema.folder, schema.fields, row.values);
  const byEmail = emails.length ? known.firstWithEmail(schema.folder.id, emails) : undefined;
  return byEmail ? { record: byEmail } : undefined;
}

/** Validates as the write path will; a refusal becomes the row's issues, naming its columns. */
function check(batch: Batch, row: ConvertedRow, values: RecordValues, fresh = false): RecordValues | undefined {
  const { job } = batch;
  const result = fresh ? checkNew(batch.schema, batch.validate, values) : batch.validate(values);
  if ('values' in result) return result.values;
  refuse(
    batch,
    result.issues.map((issue) => {
      const col = issue.fieldId ? job.mapping.indexOf(issue.fieldId) : -1;
      const column = col >= 0 ? (job.headers[col] ?? issue.label) : issue.label;
      const value = issue.fieldId && row.values[issue.fieldId] !== undefined ? JSON.stringify(row.values[issue.fieldId]).slice(0, 200) : '';
      return { row: row.row, column, code: issue.code, ...(issue.params ? { params: issue.params } : {}), value };
    }),
  );
  return undefined;
}

function update(batch: Batch, row: ConvertedRow, record: CrmRecord): boolean {
  const clean = check(batch, row, { ...ownValues(batch.schema, record.values), ...row.values });
  if (!clean) return false;
  // Only what the file says differently is written: re-importing the same file changes nothing.
  const changed = Object.keys(row.values).filter((k) => JSON.stringify(clean[k]) !== JSON.stringify(record.values[k]));
  if (changed.length === 0) {
    batch.job.counts.unchanged += 1;
    return false;
  }
  batch.job.counts.updated += 1;
  const planned = batch.writes.get(record.id);
  if (planned) {
    planned.values = clean;
    planned.changed = [...new Set([...planned.changed, ...changed])];
  } else {
    batch.writes.set(record.id, { id: record.id, before: record, values: clean, changed });
  }
  batch.known.add(provisional(batch.schema, { ...record, values: clean }));
  return true;
}

function create(batch: Batch, row: ConvertedRow, matchedId: string | undefined): boolean {
  const { schema, known } = batch;
  const values = check(batch, row, row.values, true);
  if (!values) return false;
  // Keep the file's id when it is free (links in other rows and files point at it); a matched id
  // is taken, so "create" mode makes a new record beside it.
  const keepFileId = !!row.id && row.id !== matchedId && !known.get(row.id) && !batch.writes.has(row.id);
  const id = keepFileId ? row.id! : newId('rec');
  batch.job.counts.created += 1;
  batch.writes.set(id, { id, before: undefined, values, changed: [], fresh: !keepFileId });
  const now = Date.now();
  const record = provisional(schema, { id, folderId: schema.folder.id, values, stats: {}, createdAt: now, updatedAt: now });
  known.add(record);
  batch.links.learn(schema.folder.id, record);
  return true;
}

/** The record as the batch will write it, so later rows of the batch match it. */
function provisional(schema: FolderSchema, base: Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>): CrmRecord {
  return { ...base, ...deriveIndexes(schema.folder, schema.fields, base.values) };
}
