import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { applyRemote, type RemoteDoc } from '../../../sync/applyRemote';
import { deriveIndexes } from '../../../storage/model/derive';
import { SYNCED_TABLES, type CrmRecord, type SyncedTable } from '../../../storage/model/entities';
import type { Field } from '../../../storage/model/field';
import { FIELD_REGISTRY } from '../../../storage/model/fieldRegistry';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { encodeHlc } from '../../../storage/replica/hlc';
import { ENTITY_SCHEMAS } from '../../../sync/remoteSchema';
import { toUnits } from '../../../storage/replica/units';
import { db, resetDb, shareWorkspace } from '../../support/db';
import { anyValue, hostileText } from './arbitraries';
import { valueFor } from './fieldValues';

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * Documents from the server were written by other people's devices (or forged by a hostile
 * co-member with the workspace's credentials). Whatever arrives, applying it never throws, never
 * queues anything to push back, and never stores what the local write path would refuse: every
 * stored row still passes its table's schema, every record value its field type's schema.
 */
type Dump = Record<string, unknown[]>;
const dumpAll = async (): Promise<Dump> => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

let contactFields: Field[];
const existing: string[] = [];

beforeAll(async () => {
  await resetDb();
  // Remote documents arrive in a shared workspace: local records with clocks and queued entries.
  await shareWorkspace(db);
  contactFields = (await loadFolderSchema(db, PRESET_FOLDER_IDS.contacts)).fields;
  for (let i = 0; i < 3; i++) existing.push((await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: `Local ${i}` })).id);
});

const stamp = fc
  .tuple(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.nat(999_999), fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/))
  .map(([ms, counter, device]) => encodeHlc({ ms, counter, device }));
const badStamp = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('999999999999999:000000:x', '000000000000001:000000:bad/dev', ''));
const pipelineCtx = { pipelineId: DEFAULT_PIPELINE_ID, stageIds: ['new', 'won', 'lost'] };

/** A contact record as a remote document: values near their types, stamped. */
const recordDoc = fc
  .tuple(
    fc.oneof(fc.constantFrom(...['r1', 'r2', 'r3']), fc.constant('__existing__')),
    fc.constantFrom(PRESET_FOLDER_IDS.contacts, PRESET_FOLDER_IDS.deals, 'folder_missing'),
    fc.constant(null).chain(() => fc.shuffledSubarray(contactFields, { maxLength: 4 })).chain((fs) => fc.tuple(...fs.map((f) => valueFor(f, pipelineCtx).map((v) => [f.id, v] as const)))),
    stamp,
  )
  .map(([id, folderId, pairs, s]): RemoteDoc => {
    const values = Object.fromEntries(pairs.filter(([, v]) => v !== undefined));
    const docIdValue = id === '__existing__' ? existing[0]! : id;
    const units = toUnits('records', { id: docIdValue, folderId, values, stats: {}, createdAt: 1, updatedAt: 1 });
    return { table: 'records', id: docIdValue, state: { units, clocks: Object.fromEntries(Object.keys(units).map((u) => [u, s])), born: s } };
  });

/** Any table, any state: wrong envelopes, bad stamps, unknown units, tombstones, hostile text. */
const wildDoc: fc.Arbitrary<RemoteDoc> = fc.record({
  table: fc.constantFrom<SyncedTable>(...SYNCED_TABLES),
  id: fc.oneof(fc.constantFrom('r1', 'folder_contacts', 'fc_firstName', 'pipeline_sales', 'teamDomains'), hostileText(20).filter((s) => s.length > 0)),
  state: fc.oneof(
    anyValue,
    fc.record({ units: fc.dictionary(hostileText(12), anyValue, { maxKeys: 4 }), clocks: fc.dictionary(hostileText(12), fc.oneof(stamp, badStamp), { maxKeys: 4 }), born: fc.oneof(stamp, badStamp) }, { requiredKeys: ['units', 'clocks'] }),
    fc.record({ units: fc.constant({}), clocks: fc.constant({}), born: stamp, deleted: stamp }),
  ),
});

/** Mutates one unit of a well-formed record document into anything. */
const damagedRecord = fc.tuple(recordDoc, fc.string({ maxLength: 12 }), anyValue).map(([doc, unit, value]): RemoteDoc => {
  const state = doc.state as { units: Record<string, unknown>; clocks: Record<string, string>; born: string };
  const keys = Object.keys(state.units);
  const target = keys.length ? keys[unit.length % keys.length]! : `values.${unit}`;
  return { ...doc, state: { ...state, units: { ...state.units, [target]: value }, clocks: { ...state.clocks, [target]: state.born } } };
});

/**
 * Rows the batch wrote pass their table's schema; records it wrote hold only values of fields their
 * folder has (or had until this very batch deleted them: a field's tombstone may land before the
 * records' own clears), each valid for its type, with derived indexes that agree with the values.
 * Older records are not judged here: a remote field delete can orphan their values (reported).
 */
function expectWrittenValid(before: Dump, after: Dump) {
  const changed = (table: string) => {
    const old = new Map((before[table] as { id?: string; key?: string }[]).map((r) => [r.id ?? r.key, JSON.stringify(r)]));
    return (after[table] as { id?: string; key?: string }[]).filter((r) => old.get(r.id ?? r.key) !== JSON.stringify(r));
  };
  for (const table of SYNCED_TABLES) {
    if (table === 'records') continue;
    for (const row of changed(table)) expect(ENTITY_SCHEMAS[table].safeParse(row).success, `${table} ${JSON.stringify(row).slice(0, 200)}`).toBe(true);
  }
  const folders = new Map([...(before.folders as { id: string }[]), ...(after.folders as { id: string }[])].map((f) => [f.id, f]));
  const fieldsNow = after.fields as Field[];
  const fieldsEver = [...(before.fields as Field[]), ...fieldsNow];
  for (const record of changed('records') as CrmRecord[]) {
    const folder = folders.get(record.folderId);
    expect(folder, `record ${record.id} of a folder that never existed`).toBeDefined();
    for (const [k, v] of Object.entries(record.values)) {
      expect(fieldsEver.some((f) => f.id === k && f.folderId === record.folderId), `record ${record.id} holds "${k}", never a field of its folder`).toBe(true);
      const field = fieldsNow.find((f) => f.id === k);
      if (field) expect(FIELD_REGISTRY[field.type].value(field, { pipelines: after.pipelines as never }).safeParse(v).success, `${k}=${JSON.stringify(v)}`).toBe(true);
    }
    const own = fieldsEver.filter((f, i) => f.folderId === record.folderId && fieldsEver.findIndex((g) => g.id === f.id) === i);
    const derived = deriveIndexes(folder as never, own, record.values);
    expect({ emails: record.emails, linkedIds: record.linkedIds }).toEqual({ emails: derived.emails, linkedIds: derived.linkedIds });
  }
}

describe('applyRemote (fuzz)', () => {
  it('never throws, never queues a push, never stores what the write path would refuse', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(recordDoc, damagedRecord, wildDoc), { minLength: 1, maxLength: 4 }), async (docs) => {
        const before = await dumpAll();
        const report = await applyRemote(db, docs, () => undefined);
        applied += report.applied;
        refused += report.skipped.length + report.parked.length;
        for (const issue of [...report.skipped, ...report.parked]) {
          expect(issue.reason.length).toBeGreaterThan(0);
          expect(issue.reason.length).toBeLessThan(1_000);
        }
        const after = await dumpAll();
        expect(after.outbox).toEqual(before.outbox);
        expectWrittenValid(before, after);
        // A batch that applied nothing changed no table but the clock state and the parking lot.
        if (report.applied === 0) {
          for (const table of SYNCED_TABLES) expect(after[table], table).toEqual(before[table]);
        }
      }),
      { numRuns: 150 },
    );
    expect(applied).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  }, 120_000);
});
