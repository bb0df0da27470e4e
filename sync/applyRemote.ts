import type { ThreadlineDB } from '../storage/db/db';
import type { z } from 'zod';
import type { Folder, SyncedTable } from '../storage/model/entities';
import type { Field } from '../storage/model/field';
import { recordSchema, toRecordIssues, describeIssueEn } from '../storage/model/recordSchema';
import { clockKey, stateFrom, TxClock, type ClockRow } from '../storage/replica/clocks';
import { isAlive, mergeDocs, sameState, tombstoneOf, type DocState } from '../storage/replica/merge';
import { ENTITY_SCHEMAS, firstIssue, parseDocState, recordEnvelopeSchema } from './remoteSchema';
import { fromUnits } from '../storage/replica/units';
import { removeWithClocks, storeMerged, storeTombstone } from '../storage/write/remote';
import { mutate } from '../storage/write/mutate';
import { dropReferencesToIn, repairLineAmountsIn } from '../storage/write/records';

/** A document as another replica (or the server) holds it; `state` is parsed here, never trusted. */
export type RemoteDoc = { table: SyncedTable; id: string; state: unknown };
export type DocIssue = { table: SyncedTable; id: string; reason: string };
export type ApplyReport = { applied: number; unchanged: number; skipped: DocIssue[]; parked: DocIssue[] };

const SCHEMA_TABLES: ReadonlySet<SyncedTable> = new Set(['folders', 'fields', 'pipelines']);

type Outcome = { kind: 'applied' | 'unchanged' } | { kind: 'skipped' | 'parked'; reason: string };

/** Folder schemas built once per call (zod schemas are costly to build for every document). */
type SchemaCache = Map<string, Promise<FolderCheck>>;
type FolderCheck = { folder?: Folder; fields: Field[]; schema?: z.ZodType };

/**
 * Applies documents from the server through the merge, in one transaction and without outbox
 * entries (they are not local changes). Each document is validated with zod first: a malformed one
 * is skipped with its reason while the rest go on. A record whose folder or fields have not arrived
 * yet is parked and retried whenever folders, fields or pipelines change.
 */
export async function applyRemote(
  db: ThreadlineDB,
  docs: readonly RemoteDoc[],
  log: (line: string) => void = console.warn,
  /** Runs inside the same transaction (the engine moves its cursor there: both or neither). */
  alsoInTransaction?: () => Promise<void>,
): Promise<ApplyReport> {
  // outbox and meta too: the repair of references to deleted records is a local write (below).
  const tables = ['folders', 'fields', 'views', 'pipelines', 'records', 'activities', 'threadLinks', 'settings', 'templates', 'clocks', 'parked', 'syncState', 'outbox', 'meta'];
  return db.transaction('rw', tables, async () => {
    const report: ApplyReport = { applied: 0, unchanged: 0, skipped: [], parked: [] };
    const clock = new TxClock(db);
    const cache: SchemaCache = new Map();
    const touched: RemoteDoc[] = [];
    let schemaChanged = false;
    for (const doc of docs) {
      const outcome = await applyOne(db, clock, cache, doc);
      tally(report, doc, outcome, log);
      if (outcome.kind === 'applied') touched.push(doc);
      if (outcome.kind === 'applied' && SCHEMA_TABLES.has(doc.table)) {
        schemaChanged = true;
        cache.clear();
      }
    }
    if (schemaChanged) await retryParked(db, clock, cache, report, log);
    await clock.save();
    const dead = await deletedReferences(db, touched);
    if (dead.length) await mutate(db, (w) => dropReferencesToIn(w, dead));
    const withLines = withLineUnits(touched);
    if (withLines.length) await mutate(db, (w) => repairLineAmountsIn(w, withLines));
    await alsoInTransaction?.();
    return report;
  });
}

/**
 * Applied records that carry or carried lines: only theirs can be left off their lines' sum by a
 * merge (two devices each stamping the sum they saw). A document's clocks name every unit ever
 * written, so a deal with lines, or whose last line was removed (a stamp without a value), has a
 * `lines.` clock whichever unit changed, and no folder's amount field needs naming. Applied
 * documents were validated: their state is a DocState.
 */
function withLineUnits(touched: readonly RemoteDoc[]): string[] {
  return touched.filter((d) => d.table === 'records' && Object.keys((d.state as DocState).clocks).some((u) => u.startsWith('lines.'))).map((d) => d.id);
}

function tally(report: ApplyReport, doc: RemoteDoc, outcome: Outcome, log: (line: string) => void) {
  if (outcome.kind === 'applied') report.applied++;
  else if (outcome.kind === 'unchanged') report.unchanged++;
  else if (outcome.kind === 'skipped' || outcome.kind === 'parked') {
    report[outcome.kind].push({ table: doc.table, id: doc.id, reason: outcome.reason });
    log(`Threadline sync: ${outcome.kind} ${doc.table}/${doc.id}: ${outcome.reason}`);
  }
}

async function retryParked(db: ThreadlineDB, clock: TxClock, cache: SchemaCache, report: ApplyReport, log: (line: string) => void) {
  for (let round = 0; round < 5; round++) {
    const waiting = await db.parked.toArray();
    let progress = false;
    for (const p of waiting) {
      const outcome = await applyOne(db, clock, cache, { table: p.table, id: p.id, state: p.state });
      if (outcome.kind === 'applied' || outcome.kind === 'unchanged') {
        progress = true;
        report.parked = report.parked.filter((x) => !(x.table === p.table && x.id === p.id));
        tally(report, p, outcome, log);
      }
    }
    if (!progress) return;
  }
}

async function applyOne(db: ThreadlineDB, clock: TxClock, cache: SchemaCache, doc: RemoteDoc): Promise<Outcome> {
  const parsed = parseDocState(doc.state);
  if (!parsed.ok) return { kind: 'skipped', reason: parsed.reason };
  const key = clockKey(doc.table, doc.id);
  const [row, clockRow, parked] = await Promise.all([
    db.table(doc.table).get(doc.id) as Promise<Record<string, unknown> | undefined>,
    db.clocks.get(key),
    db.parked.get(key),
  ]);
  const local = stateFrom(doc.table, row, clockRow);
  const remote = parked ? mergeDocs(parked.state, parsed.state) : parsed.state;
  const merged = mergeDocs(local, remote);
  await observeStamps(clock, parsed.state);
  if (!isAlive(merged)) {
    const tomb = tombstoneOf(merged);
    if (parked) await db.parked.delete(key);
    if (!row && sameState(tomb, local)) return { kind: 'unchanged' };
    await storeTombstone(db, doc.table, doc.id, clockRowOf(key, tomb));
    return { kind: 'applied' };
  }
  if (!parked && sameState(merged, local)) return { kind: 'unchanged' };
  const built = await buildDoc(db, cache, doc.table, doc.id, merged);
  if (!built.ok) {
    if (!built.park) return { kind: 'skipped', reason: built.reason };
    await db.parked.put({ key, table: doc.table, id: doc.id, state: remote, reason: built.reason, at: Date.now() });
    return { kind: 'parked', reason: built.reason };
  }
  await storeMerged(db, doc.table, built.doc, clockRowOf(key, merged));
  if (parked) await db.parked.delete(key);
  return { kind: 'applied' };
}

function clockRowOf(key: string, state: DocState): ClockRow {
  const row: ClockRow = { key, fields: state.clocks };
  if (state.born !== undefined) row.born = state.born;
  if (state.deleted !== undefined) row.deleted = state.deleted;
  return row;
}

async function observeStamps(clock: TxClock, state: DocState) {
  let latest = state.born ?? '';
  for (const s of [state.deleted ?? '', ...Object.values(state.clocks)]) if (s > latest) latest = s;
  if (latest) await clock.observe(latest);
}

type Built = { ok: true; doc: Record<string, unknown> } | { ok: false; park: boolean; reason: string };

async function buildDoc(db: ThreadlineDB, cache: SchemaCache, table: SyncedTable, id: string, state: DocState): Promise<Built> {
  const doc = fromUnits(table, id, state.units);
  if (table !== 'records') {
    const r = ENTITY_SCHEMAS[table].safeParse(doc);
    return r.success ? { ok: true, doc } : { ok: false, park: false, reason: firstIssue(r.error, table.replace(/s$/, '')) };
  }
  return buildRecord(db, cache, doc);
}

/**
 * A record is checked against its folder's fields with the same recordSchema as local writes,
 * except that mandatory fields are not enforced: a field made mandatory later, or cleared by a
 * teammate at the same time, must not make someone's record vanish from other devices.
 */
async function buildRecord(db: ThreadlineDB, cache: SchemaCache, doc: Record<string, unknown>): Promise<Built> {
  const env = recordEnvelopeSchema.safeParse(doc);
  if (!env.success) return { ok: false, park: false, reason: firstIssue(env.error, 'record') };
  const record = env.data;
  let check = cache.get(record.folderId);
  if (!check) cache.set(record.folderId, (check = folderCheck(db, record.folderId)));
  const { folder, fields, schema } = await check;
  if (!folder || !schema) return { ok: false, park: true, reason: `its folder ${record.folderId} has not arrived` };
  const r = schema.safeParse(record.values);
  if (!r.success) {
    const unknownField = r.error.issues.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    const reason = toRecordIssues(r.error, folder, fields).map(describeIssueEn).join('; ');
    return { ok: false, park: unknownField, reason };
  }
  // Derived columns (title, emails, …) are set as it is stored (storage/db/recordIndex.ts).
  return { ok: true, doc: record };
}

async function folderCheck(db: ThreadlineDB, folderId: string): Promise<FolderCheck> {
  const [folder, fields, pipelines] = await Promise.all([db.folders.get(folderId), db.fields.where('folderId').equals(folderId).toArray(), db.pipelines.toArray()]);
  if (!folder) return { fields };
  const relaxed = fields.map((f) => ({ ...f, mandatory: false }));
  return { folder, fields, schema: recordSchema(folder, relaxed, { pipelines }) };
}

/**
 * Makes this device's copy of one document exactly the server's (no merge): how a refused local
 * change is discarded. Without a server copy the document goes, with its clocks and its entries.
 */
export async function replaceWithRemote(db: ThreadlineDB, table: SyncedTable, id: string, remote: unknown | undefined): Promise<void> {
  await db.transaction('rw', [table, 'folders', 'fields', 'pipelines', 'clocks', 'parked', 'outbox'], async () => {
    const key = clockKey(table, id);
    await db.outbox.where('table').equals(table).filter((e) => e.docId === id).delete();
    const parsed = remote === undefined ? undefined : parseDocState(remote);
    const built = parsed?.ok && isAlive(parsed.state) ? await buildDoc(db, new Map(), table, id, parsed.state) : undefined;
    if (parsed?.ok && built?.ok) {
      await storeMerged(db, table, built.doc, clockRowOf(key, parsed.state));
      return;
    }
    if (parsed?.ok) await storeTombstone(db, table, id, clockRowOf(key, tombstoneOf(parsed.state)));
    else await removeWithClocks(db, table, id);
  });
}

/**
 * Records deleted here that the applied documents still reach: a record that arrived deleted
 * (others may point at it), or one that an arriving link, history entry or thread link names.
 * Only a tombstone proves a record is gone; a record that has not arrived yet is not.
 */
async function deletedReferences(db: ThreadlineDB, applied: readonly RemoteDoc[]): Promise<string[]> {
  const candidates = new Set<string>();
  // One bulk read per table that can hold references, not a read per applied document.
  for (const table of ['records', 'activities', 'threadLinks'] as const) {
    const ids = applied.filter((d) => d.table === table).map((d) => d.id);
    if (ids.length === 0) continue;
    if (table === 'records') ids.forEach((id) => candidates.add(id));
    for (const stored of (await db.table(table).bulkGet(ids)) as (Record<string, unknown> | undefined)[]) {
      if (!stored) continue;
      const refs = table === 'activities' ? stored.recordIds : table === 'threadLinks' ? [stored.recordId] : stored.linkedIds;
      if (Array.isArray(refs)) for (const id of refs) if (typeof id === 'string') candidates.add(id);
    }
  }
  const ids = [...candidates];
  const [records, clocks] = await Promise.all([db.records.bulkGet(ids), db.clocks.bulkGet(ids.map((id) => clockKey('records', id)))]);
  return ids.filter((_, i) => !records[i] && clocks[i]?.deleted !== undefined);
}
