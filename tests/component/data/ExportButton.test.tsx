import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportButton } from '../../../components/import/ExportButton';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { captureDownloads } from './downloads';
import { renderWithDb } from '../../support/render';

const { contacts } = PRESET_FOLDER_IDS;

describe('ExportButton', { timeout: 30_000 }, () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    downloads = captureDownloads();
  });
  afterEach(() => downloads.restore());

  it('downloads the given records and columns, labelled, with the id column last', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'García', fc_emails: ['ana@acme.es'], fc_lifecycleStage: 'customer' });
    const bea = await createRecord(db, contacts, { fc_firstName: '=cmd|x', fc_emails: ['bea@acme.es'] });
    renderWithDb(<ExportButton folderId={contacts} records={[ana, bea]} fieldIds={['fc_firstName', 'fc_lastName', 'fc_emails', 'fc_lifecycleStage']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export to CSV' }));
    await screen.findByRole('button', { name: 'Export to CSV' });
    // The file is saved once the CSV is built (reads from IndexedDB): wait for it, not a turn of the loop.
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    expect(downloads.files[0]!.name).toMatch(/^Contacts \d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await downloads.files[0]!.blob.arrayBuffer());
    // UTF-8 byte-order mark, so Excel keeps the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(Papa.parse(text, { skipEmptyLines: true }).data).toEqual([
      ['First name', 'Last name', 'Emails', 'Lifecycle stage', 'Threadline ID'],
      ['Ana', 'García', 'ana@acme.es', 'Customer', ana.id],
      ["'=cmd|x", '', 'bea@acme.es', '', bea.id],
    ]);
  });

  it('is disabled with nothing to export, and speaks Spanish and Italian', async () => {
    setLocale('es');
    const { rerender } = renderWithDb(<ExportButton folderId={contacts} records={[]} fieldIds={['fc_firstName']} />);
    expect(screen.getByRole('button', { name: 'Exportar a CSV' })).toBeDisabled();
    setLocale('it');
    rerender(<ExportButton folderId={`${contacts}`} records={[]} fieldIds={[]} key="it" />);
    expect(screen.getByRole('button', { name: 'Esporta in CSV' })).toBeDisabled();
  });
});
