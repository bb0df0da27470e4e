import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportsPage } from '../../../components/reports/ReportsPage';
import { seedDemoWorkspace } from '../../../components/reports/demoData';
import { openView } from '../../../components/reports/navigation';
import { ID_FILTER_FIELD } from '../../../storage/reports/drilldown';
import { setLocale } from '../../../i18n';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.mock('../../../components/reports/navigation', () => ({ openView: vi.fn(), downloadCsv: vi.fn() }));

const line = (id: string, productId: string, name: string, quantity: number, amount: number, position: number) => ({
  id,
  productId,
  name,
  quantity,
  unitPrice: { amount, currency: 'EUR' },
  position,
  addedAt: 0,
});

describe('the product reports', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('show a won deal’s lines by product and drill into the deal', { timeout: 60_000 }, async () => {
    const { dealIds } = await seedDemoWorkspace(db);
    // The demo's first deal is won (Acme's rollout, 24,000 EUR): its lines make up that amount.
    const won = dealIds[0]!;
    const lines = { l1: line('l1', 'p_seat', 'Seat licence', 20, 1000, 0), l2: line('l2', 'p_setup', 'Set-up', 1, 4000, 1) };
    // Straight into the table (the derived indexes need folders and fields in the transaction).
    await db.transaction('rw', db.records, db.folders, db.fields, () => db.records.update(won, { lines }));
    renderWithDb(<ReportsPage />);
    const region = await screen.findByRole('region', { name: 'Revenue by product' }, { timeout: 30_000 });
    await userEvent.click(within(region).getByRole('button', { name: 'Table' }));
    const rows = within(within(region).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      ['Seat licence', '1', '20'],
      ['Set-up', '1', '1'],
    ]);
    await userEvent.click(within(rows[0]!).getByRole('button', { name: '1' }));
    await vi.waitFor(() => expect(openView).toHaveBeenCalled());
    const viewId = vi.mocked(openView).mock.calls[0]![0];
    const view = await db.views.get(viewId);
    expect(view?.name).toBe('Report: Revenue by product · Seat licence');
    expect(view?.filters).toEqual([{ fieldId: ID_FILTER_FIELD, op: 'in', value: [won] }]);

    const customers = screen.getByRole('region', { name: 'Top customers by revenue' });
    await userEvent.click(within(customers).getByRole('button', { name: 'Table' }));
    const first = within(within(customers).getByRole('table')).getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('cell').slice(0, 2).map((c) => c.textContent)).toEqual(['Umbrella Retail', '1']);
  });
});
