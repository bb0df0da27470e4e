import { listImportJobs, putImportJob, type ImportJob } from '../csv/importJob';
import type { Writer } from '../write/mutate';
import type { ErasedPerson } from './erase';
import { scrubText } from './scrub';

/** Every string inside a value (a document's units, a report's params). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const namesThem = (s: string, person: ErasedPerson) => s === person.id || person.gone.isGone(s) || scrubText(s, person.gone) !== s;

/** Does anything inside `value` name the person: their record id, an address, their full name? */
export const valueMentions = (value: unknown, person: ErasedPerson) => strings(value).some((s) => namesThem(s, person));

/** `value` with their record id dropped from lists and their addresses and names scrubbed from text. */
function scrubValue(value: unknown, person: ErasedPerson): unknown {
  if (typeof value === 'string') return scrubText(value, person.gone, person.split);
  if (Array.isArray(value)) return value.filter((v) => v !== person.id).map((v) => scrubValue(v, person));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, person)]));
  return value;
}

/**
 * Import reports keep refused cells (a bad phone number, a mistyped address) with their row: every
 * refused cell of a row where any one names the person is scrubbed, since the row was theirs.
 * Reports are this browser's own (the local-only meta table), so nothing syncs.
 */
export async function scrubImportReportsIn(w: Writer, person: ErasedPerson): Promise<number> {
  let scrubbed = 0;
  for (const job of await listImportJobs(w.db)) {
    const rows = new Set(job.issues.filter((i) => valueMentions([i.value, i.params], person)).map((i) => i.row));
    const errorNames = job.error !== undefined && valueMentions([job.error, job.errorParams], person);
    if (rows.size === 0 && !errorNames) continue;
    const next: ImportJob = {
      ...job,
      issues: job.issues.map((i) => (rows.has(i.row) ? { ...i, value: scrubText(i.value, person.gone, person.split), ...(i.params ? { params: scrubValue(i.params, person) as typeof i.params } : {}) } : i)),
      ...(errorNames ? { error: scrubText(job.error!, person.gone, person.split), ...(job.errorParams ? { errorParams: scrubValue(job.errorParams, person) as typeof job.errorParams } : {}) } : {}),
    };
    await putImportJob(w, next);
    scrubbed++;
  }
  return scrubbed;
}

/** The tables mutate's transaction spans, and `parked`, which it leaves out (sync fills it). */
export const ERASE_TABLES = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'templates', 'outbox', 'meta', 'clocks', 'syncState', 'parked'] as const;

/**
 * Remote documents held back until what they depend on arrives (storage/replica/rows.ts ParkedDoc).
 * This device cannot rewrite what it cannot build, so a held-back history entry or thread link
 * that names the person is deleted through the write path, and the delete syncs; the person's own
 * record is dropped (its delete is the erase's); anything else keeps its place with the person
 * scrubbed out of it here. Runs inside a transaction that includes `parked` (ERASE_TABLES).
 */
export async function scrubParkedIn(w: Writer, person: ErasedPerson): Promise<number> {
  const { db } = w;
  let scrubbed = 0;
  for (const parked of await db.parked.toArray()) {
    if (!(parked.id === person.id && parked.table === 'records') && !valueMentions(parked.state.units, person)) continue;
    scrubbed++;
    if (parked.table === 'activities' || parked.table === 'threadLinks') await w.remove(parked.table, parked.id);
    if (parked.table === 'activities' || parked.table === 'threadLinks' || parked.id === person.id) await db.parked.delete(parked.key);
    else await db.parked.put({ ...parked, state: { ...parked.state, units: scrubValue(parked.state.units, person) as Record<string, unknown> } });
  }
  return scrubbed;
}
