import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportsPage } from '../../../components/reports/ReportsPage';
import { seedDemoWorkspace } from '../../../components/reports/demoData';
import { setLocale } from '../../../i18n';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.mock('../../../components/reports/navigation', () => ({ openView: vi.fn(), downloadCsv: vi.fn() }));

describe('the win-rate section’s lost deals by reason', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('lists the demo workspace’s lost deals by the reason they were given', { timeout: 60_000 }, async () => {
    await seedDemoWorkspace(db);
    renderWithDb(<ReportsPage />);
    const region = await screen.findByRole('region', { name: 'Lost deals by reason' }, { timeout: 30_000 });
    await userEvent.click(within(region).getByRole('button', { name: 'Table' }));
    const rows = within(within(region).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      ['Price', '1', '50%'],
      ['Chose a competitor', '1', '50%'],
    ]);
  });
});
