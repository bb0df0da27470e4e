import { listImportJobs, readImportJob } from '../../../storage/csv/importJob';
import { runImport, type RunImportOptions } from '../../../storage/csv/runImport';
import type { RecordValues } from '../../../storage/model/entities';
import { openThreadlineDb } from '../../../storage/open';
import { SHARED_WORKSPACE_KEY } from '../../../storage/replica/workspaceMode';
import { mutate, type Writer } from '../../../storage/write/mutate';
import { createRecord } from '../../../storage/write/records';
import { addField as addFieldTo, type FieldInput } from '../../../storage/fields/fieldsAdmin';
import { recordRollup, type RollupQuery } from '../../../storage/queries/history';
import { suggestRecords } from '../../../storage/search/suggest';
import { createTask, type TaskInput } from '../../../storage/activities/tasks';
import { seedWorkspace } from './seed';

/**
 * What end-to-end tests drive inside an extension page (bundled by pageModules.ts): the real
 * storage functions on one database of the extension origin, the same one the pages open.
 */
export const db = openThreadlineDb();
export const write = <R>(work: (w: Writer) => Promise<R>) => mutate(db, work);
export const addRecord = (folderId: string, values: RecordValues) => createRecord(db, folderId, values);
export const importCsv = (opts: RunImportOptions) => runImport(db, opts);
export const importJob = (id: string) => readImportJob(db, id);
export const importJobs = () => listImportJobs(db);
/** One page of a record's whole history (a company's people and deals included). */
export const rollup = (recordId: string, query?: RollupQuery) => recordRollup(db, recordId, query);
/** `contacts` contacts linked to `companies` companies, in bulk (backup round trips at scale). */
export const seed = (contacts: number, companies: number, extra?: (i: number) => Record<string, unknown>) => seedWorkspace(db, contacts, companies, extra);
/** Joins a (pretend) shared workspace: writes then stamp clocks and queue outbox entries. */
export const share = () => db.syncState.put({ key: SHARED_WORKSPACE_KEY, value: { id: 'ws_e2e', name: 'E2E', role: 'owner' } });
export { SyncEngine } from '../../../sync/engine';
export { TransportError } from '../../../sync/transport';
export const addField = (folderId: string, input: FieldInput) => addFieldTo(db, folderId, input);
/** A link picker's suggestions for what was typed (storage/search/suggest.ts). */
export const suggest = (folderId: string, query: string) => suggestRecords(db, folderId, query);
/** A task through the Tasks page's own write (storage/activities/tasks.ts). */
export const addTask = (input: TaskInput) => createTask(db, input);
