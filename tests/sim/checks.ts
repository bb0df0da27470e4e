import { loadFolderSchema, type FolderSchema } from '../../storage/folders/schema';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { dealAmount } from '../../storage/lines/amounts';
import { orderedLines } from '../../storage/lines/line';
import { deriveIndexes } from '../../storage/model/derive';
import { SYNCED_TABLES, type SyncedTable } from '../../storage/model/entities';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import { clockKey } from '../../storage/replica/clocks';
import { isAlive, stableJson } from '../../storage/replica/merge';
import { docId, toUnits } from '../../storage/replica/units';
import type { CommittedWrite, Replica } from './replica';
import type { InMemoryServer } from './server';

/** Tables every replica writes; compared row for row with the server. */
const DATA_TABLES: readonly SyncedTable[] = ['records', 'activities', 'threadLinks'];

/**
 * Why a committed write is no longer visible on the server, or undefined when it is reflected
 * there or superseded: by a later stamp on the same unit, by a later creation or delete of the
 * document, or by the document being deleted at all (a delete wins over concurrent edits, whatever
 * their stamps: storage/replica/merge.ts).
 */
export function missingOnServer(server: InMemoryServer, w: CommittedWrite): string | undefined {
  const s = server.get(w.table, w.id);
  if (!s) return 'never reached the server';
  if (w.deleted) return s.deleted !== undefined && s.deleted >= w.hlc ? undefined : `its delete @${w.hlc} is not on the server (deleted @${s.deleted})`;
  if (!isAlive(s)) return undefined;
  const floor = [s.born ?? '', s.deleted ?? ''].sort().pop()!;
  if (floor > w.hlc) return undefined;
  for (const [unit, value] of Object.entries(w.units)) {
    const sc = s.clocks[unit];
    if (sc !== undefined && sc > w.hlc) continue;
    if (sc === w.hlc && stableJson(s.units[unit]) === stableJson(value)) continue;
    return `${unit} = ${stableJson(value)} @${w.hlc} is not on the server (it has ${stableJson(s.units[unit])} @${sc})`;
  }
  return undefined;
}

const where = (w: CommittedWrite) => `${w.table}/${w.id} written by replica ${w.replica}`;

/** After healing, every committed write is on the server or was superseded there. */
export function lostWrites(server: InMemoryServer, writes: readonly CommittedWrite[]): string[] {
  return writes.flatMap((w) => {
    const why = missingOnServer(server, w);
    return why ? [`lost write: ${where(w)}: ${why}`] : [];
  });
}

/**
 * Before healing: every change a replica committed that the server does not have yet is still in
 * that replica's outbox, exactly once (one entry per write stamp), and no entry is there twice.
 * This is also "no acknowledged write lost": an acknowledged change left the outbox, so it must be
 * on the server.
 */
export async function outboxCoversUnpushed(server: InMemoryServer, r: Replica, writes: readonly CommittedWrite[]): Promise<string[]> {
  const problems: string[] = [];
  const entries = await r.db.outbox.toArray();
  const count = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.table}/${e.docId}@${e.hlc}`;
    count.set(key, (count.get(key) ?? 0) + 1);
    if (e.refused) problems.push(`replica ${r.index}: outbox entry ${key} was refused: ${e.refused.reason}`);
  }
  for (const [key, n] of count) if (n > 1) problems.push(`replica ${r.index}: outbox holds ${key} ${n} times`);
  for (const w of writes) {
    if (w.replica !== r.index) continue;
    const why = missingOnServer(server, w);
    const n = count.get(`${w.table}/${w.id}@${w.hlc}`) ?? 0;
    if (why && n !== 1) problems.push(`replica ${r.index}: unpushed change ${w.table}/${w.id}@${w.hlc} has ${n} outbox entries (${why})`);
  }
  return problems;
}

/** Healed: no outbox entries, nothing skipped or parked, and every synced table equal to the server's. */
export async function converged(server: InMemoryServer, r: Replica): Promise<string[]> {
  const problems: string[] = [];
  const left = await r.db.outbox.count();
  if (left) problems.push(`replica ${r.index} still has ${left} outbox entries after healing`);
  const parked = await r.db.parked.count();
  if (parked) problems.push(`replica ${r.index} still has ${parked} parked documents after healing`);
  if (r.engine.issues.length) problems.push(`replica ${r.index} skipped or parked: ${r.engine.issues.map((i) => `${i.table}/${i.id}: ${i.reason}`).join('; ')}`);
  for (const table of SYNCED_TABLES) problems.push(...(await compareTable(server, r, table)));
  return problems;
}

/**
 * Row for row against the server's visible documents, units and stamps. Tables every replica
 * writes must match exactly; in the others the presets every database starts with (never
 * edited, so never stamped) are only local, and only what was ever stamped must match.
 */
async function compareTable(server: InMemoryServer, r: Replica, table: SyncedTable): Promise<string[]> {
  const problems: string[] = [];
  const expected = server.alive(table);
  const rows = (await r.db.table(table).toArray()) as Record<string, unknown>[];
  const clocks = new Map((await r.db.clocks.where('key').startsWith(`${table}/`).toArray()).map((c) => [c.key, c]));
  const full = DATA_TABLES.includes(table);
  const ids = new Set<string>();
  for (const row of rows) {
    const id = docId(table, row);
    ids.add(id);
    const want = expected.get(id);
    const stamps = clocks.get(clockKey(table, id));
    if (!want) {
      if (full || stamps) problems.push(`replica ${r.index} has ${table}/${id}, the server does not`);
      continue;
    }
    const units = toUnits(table, row);
    if (stableJson(units) !== stableJson(want.units)) problems.push(`replica ${r.index} ${table}/${id} differs: ${stableJson(units)} vs server ${stableJson(want.units)}`);
    if (stableJson(stamps?.fields) !== stableJson(want.clocks) || stamps?.born !== want.born) problems.push(`replica ${r.index} ${table}/${id} clocks differ`);
  }
  for (const id of expected.keys()) if (!ids.has(id)) problems.push(`replica ${r.index} lacks ${table}/${id}`);
  return problems;
}

async function schemas(r: Replica): Promise<Map<string, FolderSchema>> {
  const folders = await r.db.folders.toArray();
  const out = new Map<string, FolderSchema>();
  for (const f of folders) out.set(f.id, await loadFolderSchema(r.db, f.id));
  return out;
}

/** Stored title/emails/domains/linkedIds equal to deriveIndexes over the stored values. */
export async function derivedIndexes(r: Replica): Promise<string[]> {
  const problems: string[] = [];
  const bySchema = await schemas(r);
  for (const rec of await r.db.records.toArray()) {
    const schema = bySchema.get(rec.folderId);
    if (!schema) {
      problems.push(`replica ${r.index} record ${rec.id} is in a folder it does not have (${rec.folderId})`);
      continue;
    }
    // emails, domains and linkedIds are multi-entry indexes: sets, whatever the order they are stored in.
    const asSets = (d: Pick<typeof rec, 'title' | 'emails' | 'domains' | 'linkedIds'>) => ({ title: d.title, emails: [...d.emails].sort(), domains: [...d.domains].sort(), linkedIds: [...d.linkedIds].sort() });
    const derived = asSets(deriveIndexes(schema.folder, schema.fields, rec.values));
    const stored = asSets(rec);
    if (stableJson(derived) !== stableJson(stored)) problems.push(`replica ${r.index} record ${rec.id} has stale derived indexes: ${stableJson(stored)} vs ${stableJson(derived)}`);
  }
  return problems;
}

/** Every deal with line items stores their sum as its amount (storage/lines/dealAmount.ts), on every replica. */
export async function lineAmounts(r: Replica): Promise<string[]> {
  const problems: string[] = [];
  for (const rec of await r.db.records.where('folderId').equals(PRESET_FOLDER_IDS.deals).toArray()) {
    const lines = orderedLines(rec.lines);
    if (lines.length === 0) continue;
    const amount = rec.values.fd_amount as { amount: number; currency: string } | undefined;
    // Lines in mixed currencies (added at once on two devices) have no sum: the amount is left as it was.
    if (new Set(lines.map((l) => l.unitPrice.currency)).size > 1) continue;
    const want = dealAmount(lines);
    if (stableJson(amount) !== stableJson(want)) problems.push(`replica ${r.index} deal ${rec.id} amount ${stableJson(amount)} is not its ${lines.length} lines' sum ${stableJson(want)}`);
  }
  return problems;
}

/** A reference to a record that does not exist: `target` is the missing record's id. */
export type Dangling = { target: string; text: string };

/** No link value, history entry or thread link points at a record that does not exist. */
export async function danglingReferences(r: Replica): Promise<Dangling[]> {
  const found: Dangling[] = [];
  const bySchema = await schemas(r);
  const records = await r.db.records.toArray();
  const exists = new Set(records.map((x) => x.id));
  const check = (target: string, text: string) => !exists.has(target) && found.push({ target, text: `replica ${r.index}: ${text}` });
  for (const rec of records) {
    for (const field of bySchema.get(rec.folderId)?.fields ?? []) {
      if (FIELD_REGISTRY[field.type].indexAs !== 'linkedIds') continue;
      for (const id of (rec.values[field.id] as string[] | undefined) ?? []) check(id, `dangling link ${rec.id}.${field.id} → ${id}`);
    }
  }
  for (const a of await r.db.activities.toArray()) {
    if (a.recordIds.length === 0) found.push({ target: '', text: `replica ${r.index}: activity ${a.id} (${a.kind}) belongs to no record` });
    for (const id of a.recordIds) check(id, `dangling activity ${a.id} (${a.kind}) → ${id}`);
  }
  for (const l of await r.db.threadLinks.toArray()) check(l.recordId, `dangling thread link ${l.id}`);
  return found;
}

export async function danglingLinks(r: Replica): Promise<string[]> {
  return (await danglingReferences(r)).map((d) => d.text);
}
