import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LineSummary } from '../../../components/lines/LineSummary';
import { PurchaseHistory } from '../../../components/lines/PurchaseHistory';
import { setLocale } from '../../../i18n';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { LineItem } from '../../../storage/lines/line';
import { addLine } from '../../../storage/lines/write';
import type { CrmRecord } from '../../../storage/model/entities';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const line = (i: number, name: string, quantity: number): LineItem => ({ id: `l${i}`, name, quantity, unitPrice: { amount: 100, currency: 'EUR' }, position: i, addedAt: 0 });
const dealWith = (lines: LineItem[]) => ({ id: 'd1', folderId: PRESET_FOLDER_IDS.deals, title: 'D', values: {}, emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 0, updatedAt: 0, lines: Object.fromEntries(lines.map((l) => [l.id, l])) }) as CrmRecord;

describe('the sidebar card’s product summary', () => {
  beforeEach(() => setLocale('en'));

  it('counts the products, sums them in the deal’s currency and lists the first three', async () => {
    const open = vi.fn();
    render(<LineSummary deal={dealWith([line(1, 'Seat', 10), line(2, 'Setup', 1), line(3, 'Training', 2), line(4, 'Support', 1)])} fields={[]} canWrite onOpen={open} />);
    const group = screen.getByRole('group', { name: 'Products' });
    expect(group).toHaveTextContent('4 products · €1,400.00');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['10 × Seat', '1 × Setup', '2 × Training', '+1 more']);
    await userEvent.click(screen.getByRole('button', { name: 'Edit products' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('sums in the lines’ currency when they agree, as storage does, whatever currency an older amount was typed in', () => {
    const deal = { ...dealWith([line(1, 'Seat', 2), line(2, 'Setup', 1)]), values: { fd_amount: { amount: 50, currency: 'USD' } } };
    render(<LineSummary deal={deal} fields={[]} canWrite onOpen={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Products' })).toHaveTextContent('2 products · €300.00');
  });

  it('offers to add products to a deal without any, and nothing to a viewer', () => {
    const { rerender } = render(<LineSummary deal={dealWith([])} fields={[]} canWrite onOpen={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Add products' })).toBeInTheDocument();
    rerender(<LineSummary deal={dealWith([])} fields={[]} canWrite={false} onOpen={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('speaks Italian', () => {
    setLocale('it');
    render(<LineSummary deal={dealWith([line(1, 'Licenza', 2)])} fields={[]} canWrite onOpen={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Prodotti' }).textContent).toMatch(/^1 prodotto · 200,00\s€/);
    expect(screen.getByRole('button', { name: 'Modifica prodotti' })).toBeInTheDocument();
  });
});

describe('purchase history on a contact', () => {
  beforeEach(async () => {
    setLocale('it');
    await resetDb();
  });

  it('shows in Italian what the contact bought, with totals by product and year', async () => {
    const product = await createRecord(db, PRESET_FOLDER_IDS.products, { fp_name: 'Licenza', fp_unitPrice: { amount: 1200, currency: 'EUR' }, fp_active: true });
    const marco = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Marco' });
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Fornitura', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' }, fd_mainContact: [marco.id] });
    await addLine(db, deal.id, { productId: product.id, quantity: 2 });
    renderWithDb(<PurchaseHistory recordId={marco.id} />);
    expect(await screen.findByText('Nessun acquisto finora: qui compaiono i prodotti delle trattative vinte.')).toBeInTheDocument();
    await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    const byYear = await screen.findByRole('table', { name: 'Totali per anno' });
    expect(byYear.textContent).toMatch(new RegExp(`${new Date().getFullYear()}2400,00\\s€`));
    expect(screen.getByRole('table', { name: 'Totali per prodotto' }).textContent).toMatch(/Licenza22400,00\s€/);
    expect(screen.getByRole('link', { name: 'Fornitura' })).toHaveAttribute('href', `#/record/${deal.id}`);
  });
});
