import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { linkThread } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { rowLabelsFor, watchRowLabels } from '../../storage/threads/rowLabels';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

const { deals: DEALS, contacts: CONTACTS } = PRESET_FOLDER_IDS;

beforeEach(resetDb);

async function pipeline() {
  const [first] = await db.pipelines.toArray();
  return first!;
}
async function deal(name: string, stageIndex: number) {
  const p = await pipeline();
  return createRecord(db, DEALS, { fd_name: name, fd_stage: { pipelineId: p.id, stageId: p.stages[stageIndex]!.id } });
}

describe('rowLabelsFor', () => {
  it("gives each thread its deals' stage name and colour, first linked first, in one indexed read", async () => {
    const p = await pipeline();
    const acme = await deal('Acme renewal', 0);
    const globex = await deal('Globex pilot', 1);
    // Distinct link times: links made in the same millisecond have no first.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await linkThread(db, 't1', acme.id);
    vi.setSystemTime(Date.now() + 1_000);
    await linkThread(db, 't1', globex.id);
    await linkThread(db, 't2', globex.id);
    vi.useRealTimers();
    const where = vi.spyOn(db.threadLinks, 'where');
    const bulkGet = vi.spyOn(db.records, 'bulkGet');

    const labels = await rowLabelsFor(db, ['t1', 't2', 't3', 't1']);
    expect(labels).toEqual({
      t1: [
        { dealName: 'Acme renewal', stageName: p.stages[0]!.name, color: p.stages[0]!.color },
        { dealName: 'Globex pilot', stageName: p.stages[1]!.name, color: p.stages[1]!.color },
      ],
      t2: [{ dealName: 'Globex pilot', stageName: p.stages[1]!.name, color: p.stages[1]!.color }],
    });
    expect(where).toHaveBeenCalledTimes(1);
    expect(bulkGet).toHaveBeenCalledTimes(1);
  });

  it('reads stage names as the pipeline stores them, and leaves out records that are not deals', async () => {
    const p = await pipeline();
    await db.pipelines.update(p.id, { stages: p.stages.map((s, i) => (i === 0 ? { ...s, name: 'Propuesta', color: '#123456' } : s)) });
    const acme = await deal('Acme', 0);
    const ada = await createRecord(db, CONTACTS, { fc_firstName: 'Ada', fc_emails: ['ada@example.com'] });
    await linkThread(db, 't1', ada.id);
    await linkThread(db, 't1', acme.id);
    expect(await rowLabelsFor(db, ['t1'])).toEqual({ t1: [{ dealName: 'Acme', stageName: 'Propuesta', color: '#123456' }] });
    expect(await rowLabelsFor(db, ['nothing'])).toEqual({});
  });
});

describe('watchRowLabels', () => {
  it('tells Gmail tabs and extension pages once after a burst of writes to links or deals', async () => {
    const api = {
      tabs: { query: vi.fn(async () => [{ id: 4 }, { id: 9 }]), sendMessage: vi.fn(async () => undefined) },
      runtime: { sendMessage: vi.fn(async () => undefined) },
    };
    const stop = watchRowLabels(db, api);
    const acme = await deal('Acme', 0);
    await linkThread(db, 't1', acme.id);
    await vi.waitFor(() => expect(api.tabs.sendMessage).toHaveBeenCalledTimes(2));
    expect(api.tabs.query).toHaveBeenCalledWith({ url: 'https://mail.google.com/*' });
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'threadline/row-labels-changed' });
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(1);
    stop();
    Dexie.on('storagemutated').fire({ [`idb://${db.name}/records/`]: {} as never });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });
});
