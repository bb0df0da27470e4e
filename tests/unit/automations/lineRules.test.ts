import { beforeEach, describe, expect, it } from 'vitest';
import { saveAutomationRules } from '../../../storage/automations/store';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { addLine } from '../../../storage/lines/write';
import type { ActivityOf } from '../../../storage/model/entities';
import { setLocale } from '../../../i18n';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** "Deal won: hand over what was sold", only for deals whose products come to more than 2,000. */
const handOver: CustomRule = {
  id: 'rule_handover',
  name: 'Hand over',
  enabled: true,
  kind: 'custom',
  trigger: { on: 'stageEntered', folderId: deals, ...stage('won') },
  conditions: { match: 'all', list: [{ target: 'record', fieldId: 'fd_amount', op: 'gt', value: 2_000 }] },
  actions: [
    { do: 'createTask', title: 'Entregar {{record.lines}} a {{record.title}}', dueInDays: 1, owner: 'none' },
    { do: 'addNote', body: 'Vendido: {{record.lines}}' },
  ],
};

describe('rules that see a deal’s products', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('es');
  });

  it('a won deal’s task and note name its lines, and its conditions read the amount the lines make', async () => {
    await saveAutomationRules(db, [handOver]);
    const product = await createRecord(db, PRESET_FOLDER_IDS.products, { fp_name: 'Licencia anual', fp_sku: 'LIC-1', fp_unitPrice: eur(1200), fp_active: true });
    const big = await createRecord(db, deals, { fd_name: 'Feria Valencia', fd_stage: stage('proposal'), fd_amount: eur(0) });
    await addLine(db, big.id, { productId: product.id, quantity: 2 });
    await addLine(db, big.id, { name: 'Formación', quantity: 1.5, unitPrice: eur(300) });
    const small = await createRecord(db, deals, { fd_name: 'Bar Pepe', fd_stage: stage('proposal'), fd_amount: eur(0) });
    await addLine(db, small.id, { productId: product.id, quantity: 1 });

    await updateRecord(db, big.id, { fd_stage: stage('won') });
    await updateRecord(db, small.id, { fd_stage: stage('won') });

    const of = async (id: string) => db.activities.where('recordIds').equals(id).toArray();
    const bigTasks = (await of(big.id)).filter((a): a is ActivityOf<'task'> => a.kind === 'task');
    expect(bigTasks.map((t) => t.title)).toEqual(['Entregar 2 × Licencia anual (LIC-1), 1,5 × Formación a Feria Valencia']);
    expect((await of(big.id)).filter((a): a is ActivityOf<'note'> => a.kind === 'note').map((n) => n.body)).toEqual(['Vendido: 2 × Licencia anual (LIC-1), 1,5 × Formación']);
    // 1,200 is not over 2,000: the small deal's products make its amount, and the rule leaves it alone.
    expect((await of(small.id)).filter((a) => a.kind === 'task')).toEqual([]);
  });
});
