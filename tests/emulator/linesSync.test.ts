// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { addLine, removeLine, updateLine } from '../../storage/lines/write';
import { createRecord } from '../../storage/write/records';
import { BO, CY, syncSuite } from './suite';

/** A deal's line items through the engine, the Firestore transport and firestore.rules (a member edits them). */
const s = syncSuite('demo-lines');
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('line items through Firestore', () => {
  it('two devices editing two lines of one deal at once both keep their edit, and end with the same amount', async () => {
    const ws = await s.workspace([[BO, 'owner'], [CY, 'member']]);
    const a = await s.device(BO).attach(ws).open({ role: 'owner' });
    const b = await s.device(CY).attach(ws).open({ role: 'member' });
    const deal = await createRecord(b.db, PRESET_FOLDER_IDS.deals, { fd_name: 'Feria', fd_amount: eur(0), fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' } });
    const licence = await addLine(b.db, deal.id, { name: 'Licencia', quantity: 1, unitPrice: eur(1200) });
    const training = await addLine(b.db, deal.id, { name: 'Formazione', quantity: 2, unitPrice: eur(450) });
    const extra = await addLine(b.db, deal.id, { name: 'Soporte', quantity: 1, unitPrice: eur(99) });
    await b.sync();
    await a.sync();
    expect((await a.db.records.get(deal.id))!.values.fd_amount).toEqual(eur(2199));

    // Offline from each other: the owner edits one line, the member another and removes a third.
    await updateLine(a.db, deal.id, licence.id, { quantity: 3 });
    await updateLine(b.db, deal.id, training.id, { discount: { kind: 'percent', value: 50 } });
    await removeLine(b.db, deal.id, extra.id);
    await a.sync();
    await b.sync();
    await a.sync();
    await b.sync();

    for (const c of [a, b]) {
      const got = (await c.db.records.get(deal.id))!;
      expect(Object.values(got.lines ?? {}).map((l) => [l.name, l.quantity, l.discount?.value ?? 0]).sort()).toEqual([['Formazione', 2, 50], ['Licencia', 3, 0]]);
      expect(got.values.fd_amount).toEqual(eur(3600 + 450));
    }
    const server = (await s.serverDoc(ws, 'records', deal.id))?.v as Record<string, unknown>;
    expect(server['values.fd_amount']).toEqual(eur(4050));
    expect(Object.keys(server).filter((k) => k.startsWith('lines.')).sort()).toEqual([`lines.${licence.id}`, `lines.${training.id}`].sort());
  }, 60_000);
});
