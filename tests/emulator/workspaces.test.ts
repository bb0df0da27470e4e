// @vitest-environment node
import 'fake-indexeddb/auto';
import { doc, getDoc } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { refusedEntries } from '../../sync/outbox';
import { activeWorkspace } from '../../sync/state';
import type { Client } from './clients';
import { ANA, BO, contact, CY, syncSuite } from './suite';

/**
 * Shared workspaces end to end on the OFFICIAL Firestore emulator under firestore.rules: the
 * workspace operations of sync/workspaces.ts (create, invite, accept, remove, leave, switch) on
 * each device's own Firestore instance, signed in with mock tokens, and the sync engine after each.
 */
const s = syncSuite('demo-workspaces');

describe('shared workspaces', () => {
  it('a local workspace moved into a shared one: everything is queued, pushed, and another device gets exactly it', async () => {
    const a = s.device(ANA);
    const b = s.device(BO);
    await a.db.open();
    await b.db.open();
    // Months of local work: contacts imported in bulk, edited, deals moved through stages, deletes.
    const ids = await a.createContacts(Array.from({ length: 600 }, (_, i) => ({ fc_firstName: `Person ${i}`, fc_emails: [`p${i}@acme.example`] })));
    await a.putContacts(ids.slice(0, 120).map((id, i) => [id, { fc_lastName: `Edited ${i}` }]));
    for (let i = 0; i < 20; i++) {
      const deal = await createRecord(a.db, PRESET_FOLDER_IDS.deals, { fd_name: `Deal ${i}`, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [ids[i]!] });
      await updateRecord(a.db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    }
    for (const id of ids.slice(590)) await a.removeContact(id);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.clocks.count()).toBe(0);

    // sync/workspaces.ts create(): the workspace and its owner membership in one batch (the rules),
    // then this device shared and its whole local workspace queued.
    const created = await a.ops.create('Moved');
    expect(created.id.startsWith(`${ANA.uid}:ws_`)).toBe(true);
    const ws = created.id;
    a.attach(ws);
    const queued = await a.db.outbox.count();
    expect(queued).toBeGreaterThan(610);
    expect(await a.engine.pushAll()).toBe(queued);
    expect(a.batches.length).toBeGreaterThan(1);
    expect(a.batches.every((n) => n <= 500)).toBe(true);
    expect(await a.db.outbox.count()).toBe(0);

    // Bo is invited and joins through sync/workspaces.ts: his copy is cleared, then the download.
    await a.ops.invite(ws, BO.email, 'member');
    const [invite] = await b.ops.myInvites();
    expect(invite).toMatchObject({ workspaceId: ws, role: 'member' });
    await b.ops.accept(invite!);
    expect(await activeWorkspace(b.db)).toMatchObject({ id: ws, role: 'member' });
    b.attach(ws);
    await b.engine.pullAll(false);
    const rows = async (c: Client, table: 'records' | 'activities' | 'folders' | 'fields' | 'pipelines' | 'views' | 'threadLinks') =>
      (await c.db.table(table).toArray()).sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id));
    expect(await b.db.records.count()).toBe(590 + 20);
    for (const table of ['records', 'activities', 'folders', 'fields', 'pipelines', 'views', 'threadLinks'] as const) {
      expect(await rows(b, table), table).toEqual(await rows(a, table));
    }
    expect(b.engine.issues).toEqual([]);
    expect(await b.db.outbox.count()).toBe(0);
    console.log(`local workspace moved: ${queued} documents queued, pushed in ${a.batches.length} batches (${a.batches.join(', ')}); the joining device read ${b.reads}`);
  }, 120_000);

  it('join, work, leave: an invited device downloads the workspace, syncs both ways, and after leaving can read nothing', async () => {
    const [ANA, BO] = [s.newPerson('ana'), s.newPerson('bo')];
    const a = s.device(ANA);
    await a.db.open();
    await a.putContact('before_share', { fc_firstName: 'Local first' });
    const { id: ws } = await a.ops.create('Team');
    a.attach(ws);
    await a.engine.pushAll();
    expect(await a.ops.myWorkspaces()).toEqual([{ id: ws, name: 'Team', role: 'owner' }]);

    const b = s.device(BO);
    await b.db.open();
    await b.putContact('bo_local', { fc_firstName: 'Only on Bo' });
    expect(await b.ops.myInvites()).toEqual([]);
    await a.ops.invite(ws, BO.email.toUpperCase(), 'member');
    const [invite] = await b.ops.myInvites();
    await b.ops.accept(invite!);
    b.attach(ws);
    await b.engine.pullAll(false);
    // Joining replaced Bo's local copy by the workspace's.
    expect(await contact(b, 'bo_local')).toBeUndefined();
    expect((await contact(b, 'before_share'))?.values.fc_firstName).toBe('Local first');
    expect(await b.ops.myInvites()).toEqual([]);
    expect((await a.ops.members(ws)).map((m) => [m.email, m.role]).sort()).toEqual([[ANA.email, 'owner'], [BO.email, 'member']]);

    await b.putContact('from_bo', { fc_firstName: 'Written by Bo' });
    await b.sync();
    await a.sync();
    expect((await contact(a, 'from_bo'))?.values.fc_firstName).toBe('Written by Bo');

    await b.ops.leave(ws);
    expect(await activeWorkspace(b.db)).toBeUndefined();
    expect(await b.ops.myWorkspaces()).toEqual([]);
    await expect(b.transport.pull('records', null, 10)).rejects.toMatchObject({ kind: 'refused' });
  }, 60_000);

  it('remove: a removed member\'s pushes are refused, their invite is withdrawn, and rejoining is refused', async () => {
    const [ANA, BO] = [s.newPerson('ana'), s.newPerson('bo')];
    const a = s.device(ANA);
    await a.db.open();
    const { id: ws } = await a.ops.create('Team');
    a.attach(ws);
    await a.engine.pushAll();
    const b = s.device(BO);
    await b.db.open();
    await a.ops.invite(ws, BO.email, 'admin');
    const [invite] = await b.ops.myInvites();
    await b.ops.accept(invite!);
    b.attach(ws);
    await b.engine.pullAll(false);
    // Bo, an admin, re-invites himself as a keep-sake before he is removed.
    await b.ops.invite(ws, BO.email, 'admin');
    await a.ops.remove(ws, BO.uid);
    expect((await a.ops.members(ws)).map((m) => m.uid)).toEqual([ANA.uid]);
    expect(await b.ops.myInvites()).toEqual([]);
    await b.putContact('after_removal', { fc_firstName: 'Too late' });
    await b.engine.pushAll();
    expect((await refusedEntries(b.db)).map((r) => r.docId)).toEqual(['after_removal']);
    await expect(b.ops.accept({ workspaceId: ws, workspaceName: 'Team', role: 'admin' })).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(b.transport.pull('records', null, 10)).rejects.toMatchObject({ kind: 'refused' });
  }, 60_000);

  it("a viewer's device downloads everything, and its local edits are refused by the server and reported, not retried", async () => {
    const ws = await s.workspace([[ANA, 'owner'], [CY, 'viewer']]);
    const a = await s.device(ANA).attach(ws).open();
    const v = await s.device(CY).attach(ws).open({ role: 'viewer' });
    await a.putContact('seen', { fc_firstName: 'Seen by the viewer' });
    await a.sync();
    await v.sync();
    expect((await contact(v, 'seen'))?.values.fc_firstName).toBe('Seen by the viewer');
    await v.putContact('seen', { fc_lastName: 'edited by a viewer' });
    await v.engine.pushAll();
    expect((await refusedEntries(v.db)).map((r) => r.docId)).toEqual(['seen']);
    const server = (await getDoc(doc(s.admin, 'workspaces', ws, 'records', 'seen'))).data()!;
    expect(server.v).not.toHaveProperty('values.fc_lastName');
  }, 60_000);

  it('switch: a person in two workspaces switches, and the device holds exactly the other workspace', async () => {
    const [ANA, BO] = [s.newPerson('ana'), s.newPerson('bo')];
    const b = s.device(BO);
    await b.db.open();
    await b.putContact('in_two', { fc_firstName: 'Two' });
    const two = await b.ops.create('Two');
    b.attach(two.id);
    await b.engine.pushAll();

    const a = s.device(ANA);
    await a.db.open();
    await a.putContact('in_one', { fc_firstName: 'One' });
    const one = await a.ops.create('One');
    a.attach(one.id);
    await a.engine.pushAll();
    await a.ops.invite(one.id, BO.email, 'member');

    // Bo joins One (accepting switches the device to it), then switches back to Two, and again to One.
    const [invite] = await b.ops.myInvites();
    await b.ops.accept(invite!);
    expect((await b.ops.myWorkspaces()).map((w) => [w.id, w.role]).sort()).toEqual([[one.id, 'member'], [two.id, 'owner']].sort());
    const mine = async (id: string) => (await b.ops.myWorkspaces()).find((w) => w.id === id)!;
    for (const [target, here, gone] of [[two.id, 'in_two', 'in_one'], [one.id, 'in_one', 'in_two']] as const) {
      await b.ops.switchTo(await mine(target));
      b.attach(target);
      await b.engine.pullAll(false);
      expect(await contact(b, here), here).toBeDefined();
      expect(await contact(b, gone), gone).toBeUndefined();
      expect(b.engine.issues).toEqual([]);
    }
    await b.putContact('in_one', { fc_lastName: 'From Bo' });
    await b.sync();
    await a.sync();
    expect((await contact(a, 'in_one'))?.values).toEqual({ fc_firstName: 'One', fc_lastName: 'From Bo' });
  }, 60_000);

});
