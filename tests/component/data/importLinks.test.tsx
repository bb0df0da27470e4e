import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../../components/import/ImportPage';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { contacts, companies } = PRESET_FOLDER_IDS;
const CSV = ['First name,Company', 'Ana,acme', 'Bea,Initech; Acme', 'Cai,Globex', 'Dani,initech'].join('\r\n');
const file = (text = CSV) => new File([text], 'people.csv', { type: 'text/csv', lastModified: 1_700_000_000_000 });

describe('import preview of a link column', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    await createRecord(db, companies, { fo_name: 'Acme' });
    await createRecord(db, companies, { fo_name: 'Globex', fo_domain: 'globex.com' });
    await createRecord(db, companies, { fo_name: 'Globex', fo_domain: 'globex.io' });
  });

  it('shows per sample row what links and what is created, follows the separator and "create missing", and imports as shown', async () => {
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    await user.upload(await screen.findByLabelText('CSV file'), file());
    const mapping = await screen.findByRole('table', { name: 'Columns and fields' });
    const companyRow = within(mapping).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name: 'Company' }))!;
    expect(within(companyRow).getByLabelText('Company')).toHaveDisplayValue('Company');
    const samples = async () => {
      // Wait until the index is read and the cells are resolved (they show plain text before).
      await within(companyRow).findAllByText(/^(existing|new in Companies)$|matches/);
      return [...companyRow.querySelectorAll('.tl-data-samples div')].map((d) => d.textContent);
    };
    // Row 2 links the existing Acme; row 3 creates Initech and links Acme; row 4 names two Globex.
    expect(await samples()).toEqual(['Acmeexisting', 'Initechnew in CompaniesAcmeexisting', expect.stringMatching(/^"Globex" matches 2 records: Globex \(globex\.(com|io)\) and Globex \(globex\.(com|io)\)/)]);

    await user.selectOptions(within(companyRow).getByLabelText('Several names in a cell are separated by'), ',');
    expect((await samples())[1]).toBe('Initech; Acmenew in Companies');
    await user.selectOptions(within(companyRow).getByLabelText('Several names in a cell are separated by'), ';');

    const create = within(companyRow).getByRole('checkbox', { name: 'Create missing names in Companies' });
    expect(create).toBeChecked();
    await user.click(create);
    expect((await samples())[1]).toBe('"Initech" matches no record of Companies (keep “create missing” on to add it)');
    await user.click(create);

    await user.click(screen.getByRole('button', { name: 'Start import' }));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByText('Rows imported: 3')).toBeInTheDocument();
    expect(within(report).getByText('Records added for names in link columns: 1')).toBeInTheDocument();
    const initech = (await db.records.where('folderId').equals(companies).toArray()).filter((c) => c.title === 'Initech');
    expect(initech).toHaveLength(1);
    const dani = (await db.records.where('folderId').equals(contacts).toArray()).find((r) => r.values.fc_firstName === 'Dani');
    expect(dani!.values.fc_company).toEqual([initech[0]!.id]);
  });

  it('says when a new company will not be added because its row is refused, and when the id column decides', async () => {
    const acme = (await db.records.where('folderId').equals(companies).toArray()).find((c) => c.title === 'Acme')!;
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    const csv = ['First name,Email,Company,Company (Threadline ID)', `Ana,not-an-email,Hooli,`, `Bea,bea@acme.es,Old name,${acme.id}`].join('\r\n');
    await user.upload(await screen.findByLabelText('CSV file'), file(csv));
    const mapping = await screen.findByRole('table', { name: 'Columns and fields' });
    const row = (name: string) => within(mapping).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name }))!;
    await within(row('Company')).findByText('not added: the row is refused');
    const texts = (name: string) => [...row(name).querySelectorAll('.tl-data-samples div')].map((d) => d.textContent);
    expect(texts('Company')).toEqual(['Hoolinot added: the row is refused', 'Old name (the Threadline ID column decides)']);
    expect(texts('Company (Threadline ID)')).toEqual(['', 'Acmeexisting']);
  });
});
