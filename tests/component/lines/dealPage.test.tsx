import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordPage } from '../../../components/crm/RecordPage';
import { setLocale } from '../../../i18n';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { companies, deals, products } = PRESET_FOLDER_IDS;

async function addProduct(name: string) {
  const box = await screen.findByRole('combobox', { name: 'Add product' });
  await userEvent.type(box, name);
  await screen.findByRole('option', { name: new RegExp(name) });
  await userEvent.keyboard('{Enter}');
  await screen.findByRole('row', { name: new RegExp(`^${name}`) });
}

describe('products on the deal’s page and purchase history on its company’s', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('adds two products, shows the computed amount read-only, then the won deal on the company page', async () => {
    await createRecord(db, products, { fp_name: 'Licence', fp_sku: 'LIC', fp_unitPrice: { amount: 1200, currency: 'EUR' }, fp_taxRate: 21, fp_active: true });
    await createRecord(db, products, { fp_name: 'Onboarding', fp_unitPrice: { amount: 800, currency: 'EUR' }, fp_active: true });
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const deal = await createRecord(db, deals, { fd_name: 'Acme renewal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' }, fd_company: [acme.id] });
    const page = renderWithDb(<RecordPage recordId={deal.id} />);
    expect(await screen.findByLabelText('Amount')).toBeInTheDocument();

    await addProduct('Licence');
    await addProduct('Onboarding');
    const quantity = screen.getByRole('textbox', { name: 'Quantity of Licence' });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '3{Enter}');
    const amount = await screen.findByRole('group', { name: 'Amount' });
    await waitFor(() => expect(amount).toHaveTextContent('€4,400.00'));
    expect(amount).toHaveTextContent('Calculated from 2 products');
    expect(screen.queryByLabelText('Amount', { selector: 'input' })).toBeNull();
    await waitFor(async () => expect((await db.records.get(deal.id))?.values.fd_amount).toEqual({ amount: 4400, currency: 'EUR' }));
    const table = screen.getByRole('table', { name: 'Products on Acme renewal' });
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent('€5,156.00');

    // Editing a line while a field of the form is being typed in keeps the typing.
    const name = screen.getByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Acme renewal 2027');
    const onboarding = screen.getByRole('textbox', { name: 'Quantity of Onboarding' });
    await userEvent.clear(onboarding);
    await userEvent.type(onboarding, '2{Enter}');
    await waitFor(() => expect(amount).toHaveTextContent('€5,200.00'));
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Acme renewal 2027');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Quantity of Onboarding' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Quantity of Onboarding' }), '1{Enter}');
    await waitFor(() => expect(amount).toHaveTextContent('€4,400.00'));

    await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    page.unmount();
    renderWithDb(<RecordPage recordId={acme.id} />);
    const history = await screen.findByRole('region', { name: 'Purchase history' });
    const byProduct = await within(history).findByRole('table', { name: 'Totals by product' });
    expect(within(byProduct).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Licence3€3,600.00', 'Onboarding1€800.00']);
    expect(within(history).getByRole('table', { name: 'Totals by year' })).toHaveTextContent(`${new Date().getFullYear()}€4,400.00`);
    // A whole flow through the real write path and search index: more than the default 5 s on a busy machine.
  }, 30_000);
});
