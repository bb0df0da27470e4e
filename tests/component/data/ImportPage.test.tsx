import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../../components/import/ImportPage';
import { setLocale } from '../../../i18n';
import { autoMap } from '../../../storage/csv/mapping';
import { runImport } from '../../../storage/csv/runImport';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { db, resetDb } from '../../support/db';
import { captureDownloads } from './downloads';
import { renderWithDb } from '../../support/render';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const CSV = [
  'First name,Last name,E-mail,Birthday,Shoe size',
  `Ana,"${HOSTILE.replace(/"/g, '""')}",ana@acme.es,05/03/1990,42`,
  'Bea,Núñez,not-an-email,,38',
  ',Nobody,nobody@acme.es,,40',
  'Cai,Rossi,cai@acme.es,1990-13-01,41',
  'Dani,Pérez,dani@acme.es,,39',
].join('\r\n');

const file = (text = CSV, name = 'people.csv') => new File([text], name, { type: 'text/csv', lastModified: 1_700_000_000_000 });

describe('ImportPage', { timeout: 30_000 }, () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    downloads = captureDownloads();
  });
  afterEach(() => downloads.restore());

  it('maps columns with a preview, imports good rows and reports bad ones by row, column and reason', async () => {
    const user = userEvent.setup();
    const { container } = renderWithDb(<ImportPage />);
    await user.upload(await screen.findByLabelText('CSV file'), file());

    const mapping = await screen.findByRole('table', { name: 'Columns and fields' });
    expect(within(mapping).getByLabelText('E-mail')).toHaveDisplayValue('Emails');
    expect(within(mapping).getByLabelText('Shoe size')).toHaveDisplayValue('— not imported —');
    // The preview reads the first rows as the import will: the bad email shows its reason now.
    expect(within(mapping).getByText(/"not-an-email" is not an email address/)).toBeInTheDocument();
    // Nothing in the file settles 05/03/1990, so the UI's locale (en-US here: month first) does, and says so.
    expect(within(mapping).getByText('May 3, 1990')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Dates such as 03/04/2024' })).toHaveDisplayValue('Month first (12/31/2024)');
    expect(screen.getByText('The file does not settle it: chosen from your language.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dates such as 03/04/2024' }), 'dmy');
    expect(within(mapping).getByText('Mar 5, 1990')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start import' }));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('heading')).toHaveTextContent('Import of people.csv finished');
    expect(within(report).getByText('Rows imported: 2')).toBeInTheDocument();
    expect(within(report).getByText('Rows refused: 3')).toBeInTheDocument();
    const rows = within(within(report).getByRole('table', { name: 'Refused rows' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent))).toEqual([
      ['3', 'E-mail'],
      ['4', 'First name'],
      ['5', 'Birthday'],
    ]);
    expect(rows[1]).toHaveTextContent('is required');

    expect(await db.records.count()).toBe(2);
    const ana = (await db.records.toArray()).find((r) => r.values.fc_firstName === 'Ana')!;
    expect(ana.values.fc_lastName).toBe(HOSTILE);
    expect(container.querySelectorAll('img, [onerror]')).toHaveLength(0);

    await user.click(within(report).getByRole('button', { name: 'Download refused rows (CSV)' }));
    expect(downloads.files[0]!.name).toMatch(/^people refused rows \d{4}-\d{2}-\d{2}\.csv$/);
    const text = await downloads.files[0]!.blob.text();
    expect(text).toContain('Row,Column,Reason,Value');
    expect(text).toContain('3,E-mail,"""not-an-email"" is not an email address",not-an-email');
  });

  it('will not start while two columns feed one field', async () => {
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    await user.upload(await screen.findByLabelText('CSV file'), file());
    const mapping = await screen.findByRole('table', { name: 'Columns and fields' });
    await user.selectOptions(within(mapping).getByLabelText('Shoe size'), 'Emails');
    expect(await screen.findByRole('alert')).toHaveTextContent('Each field can take only one column. Used twice: Emails.');
    expect(screen.getByRole('button', { name: 'Start import' })).toBeDisabled();
    await user.selectOptions(within(mapping).getByLabelText('Shoe size'), '— not imported —');
    expect(screen.getByRole('button', { name: 'Start import' })).toBeEnabled();
  });

  it('offers to continue an import of the same file that stopped, and finishes it', async () => {
    const big = ['First name,Email', ...Array.from({ length: 450 }, (_, i) => `P${i},p${i}@acme.es`)].join('\r\n');
    const picked = file(big, 'big.csv');
    const headers = ['First name', 'Email'];
    const mappingFor = autoMap(headers, (await loadFolderSchema(db, PRESET_FOLDER_IDS.contacts)).fields);
    const controller = new AbortController();
    await runImport(db, {
      source: big,
      signal: controller.signal,
      onProgress: ({ job }) => job.rowsDone > 0 && controller.abort(),
      start: { folderId: PRESET_FOLDER_IDS.contacts, file: { name: picked.name, size: picked.size, lastModified: picked.lastModified }, headers, mapping: mappingFor, dedup: 'create' },
    });
    expect(await db.records.count()).toBe(200);

    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    expect(await screen.findByRole('region', { name: 'Unfinished imports' })).toHaveTextContent('big.csv into Contacts: stopped after 200 rows');
    await user.upload(screen.getByLabelText('CSV file'), picked);
    await user.click(await screen.findByRole('button', { name: 'Continue from row 202' }));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('heading')).toHaveTextContent('finished');
    expect(await db.records.count()).toBe(450);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Unfinished imports' })).toBeNull());
  }, 30_000);

  it('shows progress, and Cancel stops after the batch in hand, keeping whole batches only', async () => {
    const big = ['First name,Email', ...Array.from({ length: 1_000 }, (_, i) => `P${i},p${i}@acme.es`)].join('\r\n');
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    await user.upload(await screen.findByLabelText('CSV file'), file(big, 'big.csv'));
    await user.click(await screen.findByRole('button', { name: 'Start import' }));
    expect(await screen.findByRole('progressbar', { name: 'Import progress' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('heading')).toHaveTextContent(/Import of big\.csv stopped before row \d+/);
    const count = await db.records.count();
    expect(count % 200).toBe(0);
    expect(count).toBeLessThan(1_000);
  }, 30_000);

  it.each([
    ['es', 'Importar desde CSV', 'Empezar la importación', 'Filas importadas: 2'],
    ['it', 'Importa da CSV', 'Avvia l’importazione', 'Righe importate: 2'],
  ] as const)('speaks %s', async (locale, title, start, imported) => {
    setLocale(locale);
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    await user.upload(screen.getByLabelText(locale === 'es' ? 'Archivo CSV' : 'File CSV'), file());
    await user.click(await screen.findByRole('button', { name: start }));
    expect(await screen.findByText(imported)).toBeInTheDocument();
  });
});
