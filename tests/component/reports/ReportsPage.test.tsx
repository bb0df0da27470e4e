import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { ReportsPage } from '../../../components/reports/ReportsPage';
import { downloadCsv, openView } from '../../../components/reports/navigation';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.mock('../../../components/reports/navigation', () => ({ openView: vi.fn(), downloadCsv: vi.fn() }));

const card = (name: RegExp) => screen.getByRole('region', { name });
/** Deals the demo writes (components/reports/demoData.ts). */
const DEMO_DEALS = 10;

async function loadDemo() {
  renderWithDb(<ReportsPage />);
  await userEvent.click(await screen.findByRole('button', { name: 'Load demo data' }));
  // More than the suite's 20 s (tests/support/setup.ts): this waits for the whole demo workspace to
  // be written and every report computed from it, the longest single wait in the component tests.
  await screen.findByRole('region', { name: /Campaign and source impact/ }, { timeout: 45_000 });
  // The page shows its parts as they load, and the demo is many writes: wait for the last of them
  // (the backdated history, which the deals part reads for closed deals) to be in every part.
  await waitFor(() => {
    for (const title of [/Pipeline by stage/, /Win rate/, /Lifecycle funnel/, /Campaign and source impact/]) {
      expect(within(card(title)).queryByText('Nothing to show for these filters.')).toBeNull();
      expect(within(card(title)).queryByText('Loading…')).toBeNull();
    }
  }, { timeout: 45_000 });
  // Every demo deal is in the deals part: the pipeline's CSV counts all ten.
  await waitFor(async () => {
    await userEvent.click(within(card(/Pipeline by stage/)).getByRole('button', { name: 'Export CSV' }));
    const rows = Papa.parse<string[]>(vi.mocked(downloadCsv).mock.calls.at(-1)![1]).data.slice(1);
    expect(rows.reduce((n, r) => n + Number(r[1] ?? 0), 0)).toBe(DEMO_DEALS);
  }, { timeout: 45_000 });
  vi.mocked(downloadCsv).mockClear();
}

async function asTable(region: HTMLElement) {
  await userEvent.click(within(region).getByRole('button', { name: 'Table' }));
  return within(region).getByRole('table');
}

describe('reports page', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    vi.mocked(openView).mockClear();
    vi.mocked(downloadCsv).mockClear();
  });

  it('an empty workspace offers the demo; the demo fills every report', async () => {
    await loadDemo();
    for (const title of [/Pipeline by stage/, /Forecast/, /Win rate/, /Campaign and source impact/, /Activity by rep/, /Lifecycle funnel/]) {
      expect(within(card(title)).queryByText('Nothing to show for these filters.')).toBeNull();
    }
  }, 90_000);

  it('drills from a campaign figure into the deals behind it, as a saved view', async () => {
    await loadDemo();
    const table = await asTable(card(/Campaign and source impact/));
    const expo = within(table).getByRole('row', { name: /Expo Madrid 2026/ });
    // Lucía, Javier and Elena came from the fair; their deals: CRM rollout, support plan, analytics add-on, training.
    const dealsCell = within(expo).getAllByRole('button')[1]!;
    expect(dealsCell).toHaveTextContent('4');
    await userEvent.click(dealsCell);
    await waitFor(() => expect(openView).toHaveBeenCalledTimes(1));
    const view = await db.views.get(vi.mocked(openView).mock.calls[0]![0]);
    expect(view).toMatchObject({ folderId: PRESET_FOLDER_IDS.deals, layout: 'list', name: 'Report: Expo Madrid 2026 · Deals' });
    const ids = view!.filters[0]!.value as string[];
    const names = (await db.records.bulkGet(ids)).map((r) => r?.title).sort();
    expect(names).toEqual(['Acme — CRM rollout', 'Acme — analytics add-on', 'Acme — support plan', 'Globex — training']);
  }, 90_000);

  it('changing the period changes the figures: nothing was created last month', async () => {
    await loadDemo();
    const region = card(/Campaign and source impact/);
    await asTable(region);
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'lastMonth');
    await waitFor(() => expect(within(card(/Campaign and source impact/)).getByText('Nothing to show for these filters.')).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'thisYear');
    await waitFor(() => expect(within(card(/Campaign and source impact/)).queryByText('Nothing to show for these filters.')).toBeNull());
  }, 90_000);

  it('exports a report table as CSV with one column per currency', async () => {
    await loadDemo();
    await userEvent.click(within(card(/Pipeline by stage/)).getByRole('button', { name: 'Export CSV' }));
    const [name, csv] = vi.mocked(downloadCsv).mock.calls[0]!;
    expect(name).toBe('threadline-pipeline-all-time.csv');
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[0]).toEqual(['Stage', 'Deals', 'Amount (EUR)', 'Amount (USD)', 'Without amount']);
    const won = rows.find((r) => r[0] === 'Won')!;
    // CRM rollout 24,000 + Globex pilot 12,500 + Umbrella stores 42,000, all EUR.
    expect(won).toEqual(['Won', '3', '78500', '', '0']);
    const fresh = rows.find((r) => r[0] === 'New')!;
    // Initech TPS is in USD; Globex training has no amount.
    expect(fresh).toEqual(['New', '2', '', '8000', '1']);
  }, 90_000);

  it('a money figure drills into the deals in that currency only; a dash is not a link', async () => {
    await loadDemo();
    const table = await asTable(card(/Pipeline by stage/));
    const fresh = within(table).getByRole('row', { name: /^New/ });
    // New holds Initech TPS ($8,000) and Globex training (no amount).
    expect(within(fresh).getAllByRole('button').map((b) => b.textContent)).toEqual(['2', '$8,000']);
    await userEvent.click(within(fresh).getByRole('button', { name: '$8,000' }));
    await waitFor(() => expect(openView).toHaveBeenCalledTimes(1));
    const view = await db.views.get(vi.mocked(openView).mock.calls[0]![0]);
    const titles = (await db.records.bulkGet(view!.filters[0]!.value as string[])).map((r) => r?.title);
    expect(titles).toEqual(['Initech — TPS module']);
  }, 90_000);

  it('the owner filter narrows every report to that owner', async () => {
    await loadDemo();
    await userEvent.selectOptions(screen.getByLabelText('Owner'), 'Marco');
    const table = await asTable(card(/Win rate/));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Marco']);
  }, 90_000);
});
