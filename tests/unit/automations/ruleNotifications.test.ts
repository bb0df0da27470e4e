import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAutomationRules } from '../../../storage/automations/store';
import { pendingNotices, startRuleNotifications, type NotifyApi } from '../../../storage/automations/notifyService';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { rememberSignedIn } from '../../../storage/workspace/members';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../../support/db';

const { deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });

async function wonDealNotifies() {
  await saveAutomationRules(db, [
    {
      id: 'rule_won', name: 'Won', enabled: true, kind: 'custom',
      trigger: { on: 'stageEntered', folderId: deals, ...stage('won') },
      conditions: { match: 'all', list: [] },
      actions: [{ do: 'notify', text: '{{record.title}} is won' }],
    },
  ]);
  const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('proposal'), fd_owner: 'lucia@acme.es' });
  await updateRecord(db, deal.id, { fd_stage: stage('won') });
  return deal;
}

function fakeApi() {
  const created: { id: string; title: string; message: string }[] = [];
  const api: NotifyApi = {
    notifications: {
      create: async (id, o) => (created.push({ id, title: o.title, message: o.message }), id),
      clear: async () => true,
      onClicked: { addListener: () => {}, removeListener: () => {} },
    },
    tabs: { create: async () => undefined },
    runtime: { getURL: (p) => `chrome-extension://x${p}` },
  };
  return { api, created };
}

describe("a rule's notification", () => {
  beforeEach(resetDb);

  it('in the local workspace is shown here, once, with the rule and the record', async () => {
    await wonDealNotifies();
    const { api, created } = fakeApi();
    const stop = startRuleNotifications(db, api);
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ title: 'Threadline: Won', message: 'Pilot: Pilot is won' });
    await updateRecord(db, (await db.records.toArray())[0]!.id, { fd_priority: 'high' });
    await new Promise((r) => setTimeout(r, 50));
    expect(created).toHaveLength(1);
    stop();
  });

  it("in a shared workspace goes to the record owner's device only", async () => {
    await shareWorkspace();
    await wonDealNotifies();
    await rememberSignedIn(db, 'marco@acme.it');
    expect(await pendingNotices(db)).toEqual([]);
    await rememberSignedIn(db, 'Lucia@Acme.es');
    expect((await pendingNotices(db)).map((n) => n.effect.text)).toEqual(['Pilot is won']);
  });
});
