import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { MissingFieldsForm } from '../../../components/mandatory/MissingFieldsForm';
import { DealCard } from '../../../components/sidebar/DealCard';
import { addField } from '../../../storage/fields/fieldsAdmin';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { missingFieldIds } from '../../../storage/model/missingFields';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.setConfig({ testTimeout: 60_000 });
const { deals } = PRESET_FOLDER_IDS;

/** A deal made before "PO number" became mandatory: any stage change now leaves that field empty. */
async function dealMissingPo() {
  const deal = await createRecord(db, deals, { fd_name: 'Acme renewal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
  const po = await addField(db, deals, { label: 'PO number', type: 'text', mandatory: true });
  return { deal, po, schema: await loadFolderSchema(db, deals) };
}

const stageChanges = () => db.activities.filter((a) => a.kind === 'stageChange').count();

describe('storage names the missing mandatory fields', () => {
  beforeEach(() => resetDb());

  it('as field ids, only when nothing but empty mandatory fields refused the write', async () => {
    const { deal, po } = await dealMissingPo();
    const refusal = await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' } }).catch((e: unknown) => e);
    expect(missingFieldIds(refusal)).toEqual([po.id]);
    const other = await updateRecord(db, deal.id, { fd_amount: { amount: Number.NaN, currency: 'EUR' } }).catch((e: unknown) => e);
    expect(missingFieldIds(other)).toBeUndefined();
    expect(missingFieldIds(new Error('x'))).toBeUndefined();
  });
});

describe('the missing-fields form', () => {
  // The language first: a new workspace names its presets (stages) in it.
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('saves only once every field is filled, with Enter, and Escape cancels', async () => {
    const { po, schema } = await dealMissingPo();
    const onSave = vi.fn(() => Promise.resolve());
    const onCancel = vi.fn();
    renderWithDb(<MissingFieldsForm name="Acme renewal" fields={[po]} pipelines={schema.pipelines} onSave={onSave} onCancel={onCancel} />);
    const form = screen.getByRole('form', { name: 'Missing fields of Acme renewal' });
    const input = within(form).getByLabelText('PO number');
    expect(input).toHaveFocus();
    expect(within(form).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.keyboard('{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.type(input, 'PO-77{Enter}');
    expect(onSave).toHaveBeenCalledWith({ [po.id]: 'PO-77' });
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('keeps what was typed and says why when the save is refused, in the user\'s language', async () => {
    const { po, schema } = await dealMissingPo();
    setLocale('es');
    const refuse = () => updateRecord(db, 'rec_gone', {}).then(() => undefined);
    renderWithDb(<MissingFieldsForm name="Acme" fields={[po]} pipelines={schema.pipelines} onSave={refuse} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('PO number'), 'PO-1{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('No se guardó');
    expect(screen.getByLabelText('PO number')).toHaveValue('PO-1');
  });
});

describe('a sidebar stage change with a mandatory field empty', () => {
  // The language first: a new workspace names its presets (stages) in it.
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('asks for exactly that field in the card; cancel writes nothing, filling it saves both in one write', async () => {
    const { deal, po, schema } = await dealMissingPo();
    const render = (d = deal) => <DealCard deal={d} fields={schema.fields} pipelines={schema.pipelines} threadId="th-1" linked canWrite />;
    const { rerender } = renderWithDb(render());
    const card = screen.getByRole('article', { name: 'Deal Acme renewal' });
    await userEvent.selectOptions(within(card).getByLabelText('Stage'), 'Proposal');
    const form = await within(card).findByRole('form', { name: 'Missing fields of Acme renewal' });
    expect(within(form).getAllByRole('textbox')).toHaveLength(1);
    expect(within(form).getByLabelText('PO number')).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(card).queryByRole('form', { name: /Missing fields/ })).toBeNull());
    expect(within(card).getByLabelText('Stage')).toHaveValue('new');
    expect((await db.records.get(deal.id))?.values.fd_stage).toEqual({ pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' });
    const before = await stageChanges();

    await userEvent.selectOptions(within(card).getByLabelText('Stage'), 'Proposal');
    await userEvent.type(await within(card).findByLabelText('PO number'), 'PO-2041{Enter}');
    await waitFor(async () => expect((await db.records.get(deal.id))?.values[po.id]).toBe('PO-2041'));
    const saved = (await db.records.get(deal.id))!;
    expect(saved.values.fd_stage).toEqual({ pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' });
    expect(await stageChanges()).toBe(before + 1);
    rerender(render(saved));
    await waitFor(() => expect(within(card).queryByRole('form', { name: /Missing fields/ })).toBeNull());
    expect(within(card).getByLabelText('Stage')).toHaveValue('proposal');
  });
});
