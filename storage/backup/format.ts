import { z } from 'zod';
import type { CrmRecord, SyncedTable } from '../model/entities';
import { ENTITY_SCHEMAS, recordEnvelopeSchema } from '../model/entitySchemas';
import type { IssueCode, IssueParams } from '../model/issues';
import { recordSchema, toRecordIssues } from '../model/recordSchema';
import type { Folder, Pipeline } from '../model/entities';
import type { Field } from '../model/field';

/** What identifies a Threadline backup file, and the newest layout this build reads. */
export const BACKUP_FORMAT = 'threadline-backup';
export const BACKUP_VERSION = 1;

/**
 * The tables a backup holds: everything the user made, nothing of sync's bookkeeping (outbox, clocks).
 * A file from before templates has none (its table defaults to empty); an older build reading a newer
 * file ignores the table it does not know.
 */
export const BACKUP_TABLES = ['folders', 'fields', 'pipelines', 'views', 'settings', 'records', 'activities', 'threadLinks', 'templates'] as const satisfies readonly SyncedTable[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** What a stored row becomes in the file: records lose their derived indexes, activities their index keys. */
export function portable(table: BackupTable, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'records') {
    // sortKeys (schema v7) is derived too: set by the record index middleware on restore.
    const { title: _t, emails: _e, domains: _d, linkedIds: _l, sortKeys: _s, ...rest } = row as CrmRecord & { sortKeys?: unknown };
    return rest satisfies BackupRecord;
  }
  if (table === 'activities') {
    const { recordAt: _r, ...rest } = row;
    return rest;
  }
  return row;
}

/** A stored record without its derived indexes, which restore recomputes. */
export type BackupRecord = Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>;
export type BackupRows = { [T in BackupTable]: T extends 'records' ? BackupRecord[] : Record<string, unknown>[] };

export type Backup = { exportedAt: number; workspaceName: string; tables: BackupRows };

/** Why a file is not a backup this build can restore; worded by the UI from the code. */
export type BackupProblem =
  | { code: 'notJson' }
  | { code: 'foreign' }
  | { code: 'newerVersion'; version: number }
  | { code: 'damaged'; table: BackupTable; row: number; detail: string }
  | { code: 'badValue'; row: number; field: string; issue: IssueCode; params?: IssueParams }
  | { code: 'orphanRecord'; row: number; folderId: string }
  | { code: 'duplicateId'; table: BackupTable; id: string };

export type BackupParse = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

const envelopeSchema = z.object({
  format: z.string(),
  version: z.number().int().positive(),
  exportedAt: z.number(),
  workspaceName: z.string().max(200).default(''),
  tables: z.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(z.unknown()).default([])])) as Record<BackupTable, z.ZodDefault<z.ZodArray<z.ZodUnknown>>>),
});

const SCHEMAS: Record<BackupTable, z.ZodType> = { ...ENTITY_SCHEMAS, records: recordEnvelopeSchema };

const pathOf = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? [issue.path.map(String).join('.'), issue.code].filter(Boolean).join(': ') : '';
};

/**
 * The whole file checked before anything is written: its envelope, every row against its table's
 * schema, ids unique, and every record's values against its folder's fields as the backup defines
 * them. Mandatory fields are not enforced: a record may predate the rule that made one mandatory.
 */
export function parseBackup(text: string): BackupParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) return { ok: false, problem: { code: 'foreign' } };
  if (envelope.data.version > BACKUP_VERSION) return { ok: false, problem: { code: 'newerVersion', version: envelope.data.version } };
  const tables = {} as Record<BackupTable, Record<string, unknown>[]>;
  for (const table of BACKUP_TABLES) {
    const rows = envelope.data.tables[table];
    const ids = new Set<string>();
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = SCHEMAS[table].safeParse(rows[i]);
      if (!r.success) return { ok: false, problem: { code: 'damaged', table, row: i + 1, detail: pathOf(r.error) } };
      const row = r.data as Record<string, unknown>;
      const id = String(table === 'settings' ? row.key : row.id);
      if (ids.has(id)) return { ok: false, problem: { code: 'duplicateId', table, id: id.slice(0, 80) } };
      ids.add(id);
      out.push(row);
    }
    tables[table] = out;
  }
  const problem = checkRecordValues(tables as unknown as BackupRows);
  if (problem) return { ok: false, problem };
  return { ok: true, backup: { exportedAt: envelope.data.exportedAt, workspaceName: envelope.data.workspaceName, tables: tables as unknown as BackupRows } };
}

function checkRecordValues(tables: BackupRows): BackupProblem | undefined {
  const folders = new Map((tables.folders as Folder[]).map((f) => [f.id, f]));
  const fields = (tables.fields as Field[]).map((f) => ({ ...f, mandatory: false }));
  const ctx = { pipelines: tables.pipelines as Pipeline[] };
  const schemas = new Map<string, z.ZodType>();
  for (let i = 0; i < tables.records.length; i++) {
    const record = tables.records[i]!;
    const folder = folders.get(record.folderId);
    if (!folder) return { code: 'orphanRecord', row: i + 1, folderId: record.folderId.slice(0, 80) };
    let schema = schemas.get(folder.id);
    if (!schema) schemas.set(folder.id, (schema = recordSchema(folder, fields, ctx)));
    const r = schema.safeParse(record.values);
    if (!r.success) {
      const issue = toRecordIssues(r.error, folder, fields)[0];
      return { code: 'badValue', row: i + 1, field: issue?.label ?? '', issue: issue?.code ?? 'invalid', ...(issue?.params ? { params: issue.params } : {}) };
    }
  }
  return undefined;
}
