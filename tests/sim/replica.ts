import { ThreadlineDB } from '../../storage/db/db';
import { deriveIndexes } from '../../storage/model/derive';
import type { ActivityOf, CrmRecord, SyncedTable, ThreadLink } from '../../storage/model/entities';
import { mutateIn } from '../../storage/write/mutate';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadSchemaIn } from './schema';
import { clockKey } from '../../storage/replica/clocks';
import { SyncEngine } from '../../sync/engine';
import { toUnits } from '../../storage/replica/units';
import type { Rng } from './rng';
import type { SimNetwork } from './network';

/** A local write as the replica committed it: every unit with its stamp, or a delete stamp. */
export type CommittedWrite = { replica: number; table: SyncedTable; id: string; units: Record<string, { clock: string; value: unknown }>; deleted?: string };

const FIRST = ['Ana', 'Bo', 'Cai', 'Dee', 'Eli'];
const LAST = ['Ruiz', 'Gil', 'Moss', 'Kato'];
const CAMPAIGNS = ['spring', 'fair', 'webinar'];
const THREADS = ['t1', 't2', 't3'];

/** One device: its own IndexedDB database, its engine, and the writes it made. */
export class Replica {
  db: ThreadlineDB;
  engine!: SyncEngine;
  ops: { done: boolean }[] = [];

  constructor(readonly index: number, readonly name: string, readonly network: SimNetwork, readonly skew: number) {
    this.db = new ThreadlineDB(name);
  }

  /**
   * Databases are reused across seeds (creating one costs more than a whole seed's edits): the
   * tables the simulation writes are emptied; the presets are never edited, so they stay as created.
   */
  async open(): Promise<void> {
    await this.db.open();
    const touched = ['records', 'activities', 'threadLinks', 'settings', 'outbox', 'syncState', 'meta', 'clocks', 'parked'];
    await this.db.transaction('rw', touched, () => Promise.all(touched.map((t) => this.db.table(t).clear())));
    // Device ids decide clock ties: fixed per replica so that a seed replays identically.
    await this.db.syncState.put({ key: 'deviceId', value: `r${this.index}` });
    this.newEngine();
  }

  /** Small batches and pages while the run goes, so batching and paging are exercised; big ones to heal. */
  newEngine(size: 'small' | 'big' = 'small') {
    const n = size === 'small' ? { batchSize: 4, pageSize: 3 } : { batchSize: 200, pageSize: 200 };
    this.engine = new SyncEngine({ db: this.db, transport: this.network.transport(this.index), ...n, overlapMs: 2, log: () => {} });
  }

  /** The process dies between two steps and starts again over the same database. */
  async crash(): Promise<void> {
    this.network.crash(this.index);
    this.ops = [];
    this.db.close();
    this.db = new ThreadlineDB(this.name);
    await this.db.open();
    this.newEngine();
  }

  track(run: () => Promise<unknown>) {
    const op = { done: false };
    this.ops.push(op);
    void run().then(
      () => (op.done = true),
      () => (op.done = true),
    );
  }

  busy(): boolean {
    return this.ops.some((o) => !o.done);
  }

  close() {
    this.db.close();
  }

  /** A random local edit through the single write path; returns what it committed. */
  async edit(rng: Rng, ids: () => string): Promise<CommittedWrite[]> {
    const records = await this.db.records.toArray();
    const kind = rng.weighted({ create: records.length < 3 ? 5 : 2, update: records.length ? 5 : 0, remove: records.length ? 1 : 0, link: records.length ? 2 : 0, unlink: 1, note: records.length ? 2 : 0 });
    const touched: { table: SyncedTable; id: string }[] = [];
    await mutateIn(this.db, async (w) => {
      const schema = await loadSchemaIn(this.db, PRESET_FOLDER_IDS.contacts);
      const save = async (rec: Omit<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'>) => {
        rec = { ...rec, values: Object.fromEntries(Object.entries(rec.values).filter(([, v]) => v !== undefined)) };
        await w.put('records', { ...rec, ...deriveIndexes(schema.folder, schema.fields, rec.values) }, Object.keys(rec.values));
        touched.push({ table: 'records', id: rec.id });
      };
      if (kind === 'create') {
        const now = Date.now();
        await save({ id: ids(), folderId: PRESET_FOLDER_IDS.contacts, values: randomValues(rng, records), stats: {}, createdAt: now, updatedAt: now });
      } else if (kind === 'update') {
        const rec = rng.pick(records);
        await save({ ...rec, values: { ...rec.values, ...randomPatch(rng, records) }, updatedAt: Date.now() });
      } else if (kind === 'remove') {
        const rec = rng.pick(records);
        await w.remove('records', rec.id);
        touched.push({ table: 'records', id: rec.id });
        for (const link of await this.db.threadLinks.where('recordId').equals(rec.id).toArray()) {
          await w.remove('threadLinks', link.id);
          touched.push({ table: 'threadLinks', id: link.id });
        }
      } else if (kind === 'link') {
        const rec = rng.pick(records);
        const link: ThreadLink = { id: `${rng.pick(THREADS)}::${rec.id}`, threadId: '', recordId: rec.id, createdAt: Date.now(), updatedAt: Date.now() };
        link.threadId = link.id.split('::')[0]!;
        await w.put('threadLinks', link, ['threadId', 'recordId']);
        touched.push({ table: 'threadLinks', id: link.id });
      } else if (kind === 'unlink') {
        const links = await this.db.threadLinks.toArray();
        if (!links.length) return;
        const link = rng.pick(links);
        await w.remove('threadLinks', link.id);
        touched.push({ table: 'threadLinks', id: link.id });
      } else {
        const notes = (await this.db.activities.toArray()).filter((a): a is ActivityOf<'note'> => a.kind === 'note');
        const now = Date.now();
        const note: ActivityOf<'note'> =
          notes.length && rng.chance(0.5)
            ? { ...rng.pick(notes), body: `edited ${rng.int(0, 99)}`, updatedAt: now }
            : { id: ids().replace('rec_', 'act_'), kind: 'note', recordIds: [rng.pick(records).id], body: `note ${rng.int(0, 99)}`, at: now, createdAt: now, updatedAt: now };
        await w.put('activities', note, ['body']);
        touched.push({ table: 'activities', id: note.id });
      }
    });
    return Promise.all(touched.map((t) => this.committed(t.table, t.id)));
  }

  private async committed(table: SyncedTable, id: string): Promise<CommittedWrite> {
    const [doc, row] = await Promise.all([this.db.table(table).get(id) as Promise<Record<string, unknown> | undefined>, this.db.clocks.get(clockKey(table, id))]);
    if (!doc) return { replica: this.index, table, id, units: {}, deleted: row!.deleted };
    const units = toUnits(table, doc);
    const out: CommittedWrite = { replica: this.index, table, id, units: {} };
    for (const [unit, clock] of Object.entries(row!.fields)) out.units[unit] = { clock, value: units[unit] };
    return out;
  }
}

function randomValues(rng: Rng, records: CrmRecord[]): Record<string, unknown> {
  const values: Record<string, unknown> = { fc_firstName: rng.pick(FIRST) };
  return { ...values, ...randomPatch(rng, records) };
}

/** One or two field changes; optional fields are sometimes cleared, the mandatory one never. */
function randomPatch(rng: Rng, records: CrmRecord[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (let i = rng.int(1, 2); i > 0; i--) {
    const field = rng.pick(['fc_firstName', 'fc_lastName', 'fc_campaign', 'fc_emails', 'fc_company']);
    const clear = field !== 'fc_firstName' && rng.chance(0.25);
    if (field === 'fc_firstName') patch[field] = rng.pick(FIRST);
    else if (field === 'fc_lastName') patch[field] = clear ? undefined : rng.pick(LAST);
    else if (field === 'fc_campaign') patch[field] = clear ? undefined : rng.pick(CAMPAIGNS);
    else if (field === 'fc_emails') patch[field] = clear ? undefined : [`${rng.pick(FIRST).toLowerCase()}@${rng.pick(['a.com', 'b.io'])}`];
    else patch[field] = clear || !records.length ? undefined : [rng.pick(records).id];
  }
  return patch;
}
