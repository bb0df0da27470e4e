import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LineActions } from '../../../components/lines/actions';
import { LineItemsEditor } from '../../../components/lines/LineItemsEditor';
import { setLocale } from '../../../i18n';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { LineItem } from '../../../storage/lines/line';
import type { CrmRecord } from '../../../storage/model/entities';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { deals, products } = PRESET_FOLDER_IDS;

const line = (id: string, name: string, quantity: number, amount: number, extra: Partial<LineItem> = {}): LineItem => ({
  id, productId: `p_${id}`, name, quantity, unitPrice: { amount, currency: 'EUR' }, position: Number(id.slice(1)), addedAt: 0, ...extra,
});

/** Puts lines on a deal as the write path stores them (record.lines, keyed by id). */
const putLines = (dealId: string, lines: LineItem[]) =>
  db.transaction('rw', db.records, db.folders, db.fields, () => db.records.update(dealId, { lines: Object.fromEntries(lines.map((l) => [l.id, l])) } as never));

function Live({ dealId, actions, canWrite = true }: { dealId: string; actions: LineActions; canWrite?: boolean }) {
  const deal = useLiveQuery(() => db.records.get(dealId), [dealId]);
  const fields = useLiveQuery(() => db.fields.where('folderId').equals(deals).toArray(), []);
  return deal && fields ? <LineItemsEditor deal={deal as CrmRecord} fields={fields} canWrite={canWrite} actions={actions} /> : null;
}

const fakeActions = (): LineActions & { [K in keyof LineActions]: ReturnType<typeof vi.fn> } => ({
  add: vi.fn(() => Promise.resolve()),
  update: vi.fn(() => Promise.resolve()),
  remove: vi.fn(() => Promise.resolve()),
});

describe('the deal’s line items editor', () => {
  let dealId: string;
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
    dealId = (await createRecord(db, deals, { fd_name: 'Renewal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_amount: { amount: 0, currency: 'EUR' } })).id;
  });

  it('lists the lines with subtotals and the totals, and says the amount is computed', async () => {
    await putLines(dealId, [line('l1', 'Seat', 10, 100, { discount: { kind: 'percent', value: 10 }, taxRate: 21 }), line('l2', 'Setup', 1, 500, { sku: 'SET-1' })]);
    renderWithDb(<Live dealId={dealId} actions={fakeActions()} />);
    const table = await screen.findByRole('table', { name: 'Products on Renewal' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('€900.00'), expect.stringContaining('€500.00')]));
    expect(within(table).getByRole('row', { name: /^Net/ })).toHaveTextContent('€1,400.00');
    expect(within(table).getByRole('row', { name: /^Tax/ })).toHaveTextContent('€189.00');
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent('€1,589.00');
    expect(screen.getByText('Calculated from 2 products')).toBeInTheDocument();
  });

  it('saves a quantity edited in place, and refuses a bad one beside its line keeping what was typed', async () => {
    await putLines(dealId, [line('l1', 'Seat', 10, 100), line('l2', 'Setup', 1, 500)]);
    const actions = fakeActions();
    renderWithDb(<Live dealId={dealId} actions={actions} />);
    const seat = await screen.findByRole('textbox', { name: 'Quantity of Seat' });
    await userEvent.clear(seat);
    await userEvent.type(seat, '12,5{Enter}');
    expect(actions.update).toHaveBeenCalledWith('l1', { quantity: 12.5 });
    const setup = screen.getByRole('textbox', { name: 'Quantity of Setup' });
    await userEvent.clear(setup);
    await userEvent.type(setup, '-2{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The quantity must be a number greater than zero.');
    expect(setup).toHaveValue('-2');
    expect(setup).toHaveAttribute('aria-invalid', 'true');
    expect(actions.update).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Setup' }));
    expect(actions.remove).toHaveBeenCalledWith('l2');
  });

  it('shows a line in another currency refused beside it, in the user’s language, and totals the rest', async () => {
    setLocale('es');
    await putLines(dealId, [line('l1', 'Licencia', 2, 1000), line('l2', 'Soporte', 1, 300, { unitPrice: { amount: 300, currency: 'USD' } })]);
    renderWithDb(<Live dealId={dealId} actions={fakeActions()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Esta línea está en USD y el negocio en EUR');
    const table = screen.getByRole('table', { name: 'Productos de Renewal' });
    expect(within(table).getByRole('row', { name: /^Base imponible/ }).textContent).toMatch(/2000,00\s€|2\.000,00\s€/);
  });

  it('adds an active product from the type-ahead by keyboard, never an inactive one', async () => {
    await createRecord(db, products, { fp_name: 'Annual licence', fp_sku: 'LIC-1', fp_unitPrice: { amount: 1200, currency: 'EUR' }, fp_active: true });
    await createRecord(db, products, { fp_name: 'Annual legacy plan', fp_active: false });
    const actions = fakeActions();
    renderWithDb(<Live dealId={dealId} actions={actions} />);
    expect(await screen.findByText('No products on this deal yet: its amount is the one typed above.')).toBeInTheDocument();
    const box = screen.getByRole('combobox', { name: 'Add product' });
    await userEvent.type(box, 'annual');
    const list = await screen.findByRole('listbox', { name: /Add product/ });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Annual licence')]));
    await userEvent.keyboard('{Enter}');
    expect(actions.add).toHaveBeenCalledWith(expect.objectContaining({ title: 'Annual licence', sku: 'LIC-1', unitPrice: { amount: 1200, currency: 'EUR' } }));
  });

  it('shows a refused add in words and keeps the lines', async () => {
    await createRecord(db, products, { fp_name: 'Dollar thing', fp_unitPrice: { amount: 5, currency: 'USD' }, fp_active: true });
    await putLines(dealId, [line('l1', 'Seat', 1, 100)]);
    const actions = fakeActions();
    const { LineCurrencyError } = await import('../../../storage/lines/amounts');
    actions.add.mockImplementation(() => Promise.reject(new LineCurrencyError('x', 'USD', 'EUR')));
    renderWithDb(<Live dealId={dealId} actions={actions} />);
    await userEvent.type(await screen.findByRole('combobox', { name: 'Add product' }), 'dollar');
    await screen.findByRole('option', { name: /Dollar thing/ });
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('This line is in USD and the deal in EUR');
    expect(screen.getByRole('textbox', { name: 'Quantity of Seat' })).toHaveValue('1');
  });
});
