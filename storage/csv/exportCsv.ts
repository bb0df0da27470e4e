import Papa from 'papaparse';
import { fieldValue } from '../fields/computed';
import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import { FIELD_REGISTRY, type FieldTypeSpec } from '../model/fieldRegistry';
import { loadFolderSchema, type FolderSchema } from '../folders/schema';
import { guardCell } from './cells';
import type { RowIssue } from './convert';
import { linkIdColumns, linkTitlesCell, loadLinkTitles, type LinkTitles } from './exportLinks';
import { headerFor, ID_HEADER } from './mapping';

/** Excel reads a CSV as UTF-8 (accents intact) only when it starts with a byte-order mark. */
const BOM = '\ufeff';
/** Header cells are guarded like values: a field label is text anyone with the field editor can write. */
const toCsvText = (header: string[], rows: string[][]) => BOM + Papa.unparse({ fields: header.map(guardCell), data: rows }, { newline: '\r\n' });

/** One cell through the field type's `toCsv`; computed fields export the value they show. */
function cell(record: CrmRecord, schema: FolderSchema, fieldId: string, titles: LinkTitles): string {
  const field = schema.fields.find((f) => f.id === fieldId)!;
  if (field.type === 'link') return linkTitlesCell(record, field, titles);
  const value = fieldValue(record, field, schema.fields);
  if (value === undefined || value === null) return '';
  return guardCell((FIELD_REGISTRY[field.type] as FieldTypeSpec<unknown>).toCsv(value, field));
}

/**
 * The records as CSV: one column per field (headed by its label) in the order given, link fields
 * as the linked records' titles (`titles`), then the Threadline ID column, which makes a re-import
 * find the same records, and one id column per link field, which makes it link the same records.
 * Fields not of this folder are left out.
 */
export function recordsToCsv(schema: FolderSchema, records: readonly CrmRecord[], fieldIds: readonly string[], titles: LinkTitles = new Map()): string {
  const ids = fieldIds.filter((id, i) => fieldIds.indexOf(id) === i && schema.fields.some((f) => f.id === id));
  const links = linkIdColumns(schema, ids, titles);
  const header = [...ids.map((id) => headerFor(schema.fields.find((f) => f.id === id)!, schema.fields)), ID_HEADER, ...links.headers];
  const rows = records.filter((r) => r.folderId === schema.folder.id).map((r) => [...ids.map((id) => cell(r, schema, id, titles)), r.id, ...links.cells(r)]);
  return toCsvText(header, rows);
}

export async function exportRecordsCsv(db: ThreadlineDB, folderId: string, records: readonly CrmRecord[], fieldIds: readonly string[]): Promise<string> {
  const schema = await loadFolderSchema(db, folderId);
  return recordsToCsv(schema, records, fieldIds, await loadLinkTitles(db, schema, records, fieldIds));
}

/** The export as a download: its file name (the folder's name and today's date) and its text. */
export async function exportRecordsFile(db: ThreadlineDB, folderId: string, records: readonly CrmRecord[], fieldIds: readonly string[]): Promise<{ name: string; csv: string }> {
  const schema = await loadFolderSchema(db, folderId);
  return { name: csvFileName(schema.folder.name), csv: recordsToCsv(schema, records, fieldIds, await loadLinkTitles(db, schema, records, fieldIds)) };
}

/** The refused rows of an import, one line per problem, to fix in a spreadsheet; `reason` words each in the UI's language. */
export function issuesToCsv(issues: readonly RowIssue[], labels: { row: string; column: string; reason: string; value: string }, reason: (issue: RowIssue) => string): string {
  return toCsvText(
    [labels.row, labels.column, labels.reason, labels.value],
    issues.map((i) => [String(i.row), guardCell(i.column), guardCell(reason(i)), guardCell(i.value)]),
  );
}

/** A file name for a download: the folder's name and today's date, safe on every system. */
export function csvFileName(base: string, date = new Date()): string {
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'threadline';
  return `${safe} ${date.toISOString().slice(0, 10)}.csv`;
}
