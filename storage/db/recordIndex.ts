import type { DBCore, DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { deriveIndexes } from '../model/derive';
import type { Folder } from '../model/entities';
import type { Field } from '../model/field';
import { recordSortKeys } from '../views/sortKeys';

/**
 * The derived columns of a record (`title`, `emails`, `domains`, `linkedIds`: what the sidebar's
 * lookups and the link cleanup read through indexes; `sortKeys`: what tables page through,
 * storage/views/sortKeys.ts) are set here, for every put/add to
 * `records` whoever writes: the write owner, sync's remote apply, migrations, tests. No writer can
 * store a record whose indexes disagree with its values.
 *
 * They need the record's folder (title fields) and its fields (which ones hold emails or links),
 * so the writing transaction must include `folders` and `fields`; both are read once per folder
 * per transaction, and read again after the transaction itself wrote folders or fields (a field
 * admin change rewrites records in the same transaction).
 */
type FolderShape = { folder: Folder | undefined; fields: Field[] };
const shapes = new WeakMap<DBCoreTransaction, Map<string, Promise<FolderShape>>>();

const EQUAL = 1 as DBCoreRangeType.Equal;

function inScope(trans: DBCoreTransaction, table: string): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !names || names.contains(table);
}

function loadShape(core: DBCore, trans: DBCoreTransaction, folderId: string): Promise<FolderShape> {
  let cache = shapes.get(trans);
  if (!cache) shapes.set(trans, (cache = new Map()));
  let shape = cache.get(folderId);
  if (!shape) {
    const fields = core.table('fields');
    const byFolder = fields.schema.getIndexByKeyPath('folderId');
    if (!byFolder) throw new Error('fields has no folderId index');
    shape = Promise.all([
      core.table('folders').get({ trans, key: folderId }) as Promise<Folder | undefined>,
      fields.query({ trans, values: true, query: { index: byFolder, range: { type: EQUAL, lower: folderId, upper: folderId } } }),
    ]).then(([folder, found]) => ({ folder, fields: found.result as Field[] }));
    cache.set(folderId, shape);
  }
  return shape;
}

async function withDerived(core: DBCore, req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> {
  if (req.type !== 'put' && req.type !== 'add') return req;
  if (!inScope(req.trans, 'folders') || !inScope(req.trans, 'fields')) {
    throw new Error('Records are written in a transaction that includes folders and fields (storage/write): their indexes derive from them');
  }
  const values = await Promise.all(
    req.values.map(async (v: unknown) => {
      if (!v || typeof v !== 'object') return v;
      const record = v as { folderId?: unknown; values?: unknown };
      const { folder, fields } = typeof record.folderId === 'string' ? await loadShape(core, req.trans, record.folderId) : { folder: undefined, fields: [] };
      const recordValues = record.values && typeof record.values === 'object' ? (record.values as Record<string, unknown>) : {};
      const sortKeys = typeof record.folderId === 'string' ? recordSortKeys(record.folderId, fields, recordValues) : [];
      return { ...record, ...deriveIndexes(folder ?? { titleFieldIds: [] }, fields, recordValues), sortKeys };
    }),
  );
  return { ...req, values };
}

export const recordIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'recordIndex',
  create: (down) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      // Deletes go straight down, synchronously: an await here loses Dexie's zone (PSD.trans), and
      // the hooks middleware below then fails on a delete outside an explicit transaction.
      if (name === 'records') return { ...table, mutate: (req) => (req.type === 'put' || req.type === 'add' ? withDerived(down, req).then((r) => table.mutate(r)) : table.mutate(req)) };
      if (name === 'folders' || name === 'fields') {
        // A changed folder or field changes what its records derive: forget this transaction's copy.
        return { ...table, mutate: (req) => (shapes.delete(req.trans), table.mutate(req)) };
      }
      return table;
    },
  }),
};
