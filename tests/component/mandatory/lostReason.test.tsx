import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { LostReasonAsk } from '../../../components/mandatory/LostReasonAsk';
import { lostReasonToAsk } from '../../../components/mandatory/lostReason';
import { DealCard } from '../../../components/sidebar/DealCard';
import { RecordForm } from '../../../components/crm/RecordForm';
import { addField } from '../../../storage/fields/fieldsAdmin';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.setConfig({ testTimeout: 60_000 });
const { deals } = PRESET_FOLDER_IDS;
const at = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });

async function deal(name = 'Acme renewal') {
  const record = await createRecord(db, deals, { fd_name: name, fd_stage: at('negotiation') });
  return { record, schema: await loadFolderSchema(db, deals) };
}
const stageChanges = () => db.activities.filter((a) => a.kind === 'stageChange').count();

describe('when a move asks for a lost reason', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('only into a lost stage, from another stage, while the reason is empty', async () => {
    const { record, schema } = await deal();
    const ask = (values: Record<string, unknown>, next: string) => lostReasonToAsk(schema.fields, schema.pipelines, values, 'fd_stage', at(next))?.id;
    expect(ask(record.values, 'lost')).toBe('fd_lostReason');
    expect(ask(record.values, 'won')).toBeUndefined();
    expect(ask({ ...record.values, fd_stage: at('lost') }, 'lost')).toBeUndefined();
    expect(ask({ ...record.values, fd_lostReason: 'price' }, 'lost')).toBeUndefined();
    const mandatory = schema.fields.map((f) => (f.key === 'lostReason' ? { ...f, mandatory: true } : f));
    expect(lostReasonToAsk(mandatory, schema.pipelines, record.values, 'fd_stage', at('lost'))).toBeUndefined();
  });
});

describe('the lost-reason ask', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('focuses the reason; Save needs one, Skip moves without, Escape cancels', async () => {
    const { schema } = await deal();
    const field = schema.fields.find((f) => f.key === 'lostReason')!;
    const onSave = vi.fn(() => Promise.resolve());
    const onCancel = vi.fn();
    renderWithDb(<LostReasonAsk name="Acme" stage="Lost" field={field} pipelines={schema.pipelines} onSave={onSave} onCancel={onCancel} />);
    const form = screen.getByRole('form', { name: 'Lost reason for Acme' });
    const select = within(form).getByLabelText('Lost reason');
    expect(select).toHaveFocus();
    // The options are the field's editable list.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Price', 'Chose a competitor', 'No budget', 'Bad timing', 'No response', 'Other']);
    expect(within(form).getByRole('button', { name: 'Move to Lost' })).toBeDisabled();
    await userEvent.click(within(form).getByRole('button', { name: 'Skip' }));
    expect(onSave).toHaveBeenLastCalledWith({});
    await userEvent.selectOptions(select, 'Chose a competitor');
    await userEvent.click(within(form).getByRole('button', { name: 'Move to Lost' }));
    expect(onSave).toHaveBeenLastCalledWith({ fd_lostReason: 'competitor' });
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('in the sidebar card: Escape keeps the stage, a reason moves it with the reason in one write, Skip moves it without', async () => {
    const { record, schema } = await deal();
    const render = (d = record) => <DealCard deal={d} fields={schema.fields} pipelines={schema.pipelines} threadId="th-1" linked canWrite />;
    const { rerender } = renderWithDb(render());
    const card = screen.getByRole('article', { name: 'Deal Acme renewal' });
    await userEvent.selectOptions(within(card).getByLabelText('Stage'), 'Lost');
    await within(card).findByRole('form', { name: 'Lost reason for Acme renewal' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(card).queryByRole('form', { name: /Lost reason/ })).toBeNull());
    expect(within(card).getByLabelText('Stage')).toHaveValue('negotiation');
    expect((await db.records.get(record.id))?.values.fd_stage).toEqual(at('negotiation'));
    const before = await stageChanges();

    await userEvent.selectOptions(within(card).getByLabelText('Stage'), 'Lost');
    const form = await within(card).findByRole('form', { name: 'Lost reason for Acme renewal' });
    await userEvent.selectOptions(within(form).getByLabelText('Lost reason'), 'Price');
    await userEvent.click(within(form).getByRole('button', { name: 'Move to Lost' }));
    await waitFor(async () => expect((await db.records.get(record.id))?.values).toMatchObject({ fd_stage: at('lost'), fd_lostReason: 'price' }));
    expect(await stageChanges()).toBe(before + 1);
    rerender(render((await db.records.get(record.id))!));
    expect(within(card).getByLabelText('Stage')).toHaveValue('lost');

    const other = (await deal('Beta')).record;
    rerender(<DealCard deal={other} fields={schema.fields} pipelines={schema.pipelines} threadId="th-1" linked canWrite />);
    const beta = screen.getByRole('article', { name: 'Deal Beta' });
    await userEvent.selectOptions(within(beta).getByLabelText('Stage'), 'Lost');
    await userEvent.click(await within(beta).findByRole('button', { name: 'Skip' }));
    await waitFor(async () => expect((await db.records.get(other.id))?.values.fd_stage).toEqual(at('lost')));
    expect((await db.records.get(other.id))?.values.fd_lostReason).toBeUndefined();
  });

  it('then asks for an empty mandatory field too, and saves the reason with it', async () => {
    const { record } = await deal();
    const po = await addField(db, deals, { label: 'PO number', type: 'text', mandatory: true });
    const schema = await loadFolderSchema(db, deals);
    renderWithDb(<DealCard deal={record} fields={schema.fields} pipelines={schema.pipelines} threadId="th-1" linked canWrite />);
    const card = screen.getByRole('article', { name: 'Deal Acme renewal' });
    await userEvent.selectOptions(within(card).getByLabelText('Stage'), 'Lost');
    const ask = await within(card).findByRole('form', { name: 'Lost reason for Acme renewal' });
    await userEvent.selectOptions(within(ask).getByLabelText('Lost reason'), 'No budget');
    await userEvent.click(within(ask).getByRole('button', { name: 'Move to Lost' }));
    await userEvent.type(await within(card).findByLabelText('PO number'), 'PO-9{Enter}');
    await waitFor(async () => expect((await db.records.get(record.id))?.values).toMatchObject({ fd_stage: at('lost'), fd_lostReason: 'budget', [po.id]: 'PO-9' }));
  });

  it('on the record page: saving a move to Lost asks first, then saves the reason with the form', async () => {
    const { record, schema } = await deal();
    const onSaved = vi.fn();
    renderWithDb(<RecordForm schema={schema} record={record} onSaved={onSaved} />);
    const form = screen.getByRole('form', { name: /Acme renewal/ });
    await userEvent.selectOptions(within(form).getByLabelText(/^Stage/), 'Lost');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const ask = await screen.findByRole('form', { name: 'Lost reason for Acme renewal' });
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.records.get(record.id))?.values.fd_stage).toEqual(at('negotiation'));
    await userEvent.selectOptions(within(ask).getByLabelText('Lost reason'), 'Bad timing');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect((await db.records.get(record.id))?.values).toMatchObject({ fd_stage: at('lost'), fd_lostReason: 'timing' });
  });

  it('speaks Spanish and Italian', async () => {
    const { schema } = await deal();
    const field = schema.fields.find((f) => f.key === 'lostReason')!;
    for (const [locale, name, skip] of [['es', 'Motivo de pérdida de Acme', 'Omitir'], ['it', 'Motivo della perdita di Acme', 'Salta']] as const) {
      setLocale(locale);
      const { unmount } = renderWithDb(<LostReasonAsk name="Acme" stage="X" field={field} pipelines={schema.pipelines} onSave={() => Promise.resolve()} onCancel={() => undefined} />);
      expect(within(screen.getByRole('form', { name })).getByRole('button', { name: skip })).toBeInTheDocument();
      unmount();
    }
  });
});
