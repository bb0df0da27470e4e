import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldAdminPage } from '../../../components/crm/FieldAdminPage';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;

describe('field editor page', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('adds a mandatory dropdown with coloured options', async () => {
    renderWithDb(<FieldAdminPage folderId={contacts} />);
    const form = await screen.findByRole('form', { name: 'Add a field' });
    fireEvent.change(within(form).getByLabelText('Label'), { target: { value: 'Tier' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'dropdown' } });
    fireEvent.click(within(form).getByLabelText('Mandatory'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add option' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add option' }));
    fireEvent.change(within(form).getByLabelText('Option 1'), { target: { value: 'Gold' } });
    fireEvent.change(within(form).getByLabelText('Colour of Gold'), { target: { value: '#ffd700' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add field' }));
    await waitFor(async () => {
      const tier = (await db.fields.where('folderId').equals(contacts).toArray()).find((f) => f.label === 'Tier');
      expect(tier).toMatchObject({ type: 'dropdown', mandatory: true });
      expect(tier!.options!.map((o) => [o.label, o.color])).toEqual([['Gold', '#ffd700'], ['Option 2', expect.stringMatching(/^#/)]]);
    });
  });

  it('shows a formula parse error while typing and refuses to save it', async () => {
    renderWithDb(<FieldAdminPage folderId={deals} />);
    const form = await screen.findByRole('form', { name: 'Add a field' });
    fireEvent.change(within(form).getByLabelText('Label'), { target: { value: 'Net' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'formula' } });
    fireEvent.change(within(form).getByLabelText(/^Formula/), { target: { value: 'amount * (1 - ' } });
    expect(within(form).getByRole('status')).toHaveTextContent('Formula error: ends too early');
    fireEvent.click(within(form).getByRole('button', { name: 'Add field' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The formula of Net ends too early.');
    fireEvent.change(within(form).getByLabelText(/^Formula/), { target: { value: 'amount * (1 - probability)' } });
    expect(within(form).getByRole('status')).toHaveTextContent('The formula is valid.');
  });

  it('changes a type and reports each value that did not convert, and where it was kept', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Ana', fc_campaign: '42' });
    await createRecord(db, contacts, { fc_firstName: 'Bo', fc_campaign: 'spring sale' });
    renderWithDb(<FieldAdminPage folderId={contacts} />);
    const row = await screen.findByRole('listitem', { name: 'Campaign' });
    fireEvent.change(within(row).getByLabelText('Type of Campaign'), { target: { value: 'number' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Change type' }));
    const report = await screen.findByRole('status', { name: 'Type changed: Campaign' });
    expect(report).toHaveTextContent('Values converted: 1.');
    await waitFor(() => expect(report).toHaveTextContent('1 values could not be converted. Nothing was lost: each is kept as text in “Campaign (old value)”.'));
    const failed = within(report).getByRole('table');
    expect(within(failed).getByRole('cell', { name: 'Bo' })).toBeInTheDocument();
    expect(within(failed).getByRole('cell', { name: 'spring sale' })).toBeInTheDocument();
    expect(within(failed).getByRole('cell', { name: '"spring sale" is not a number' })).toBeInTheDocument();
  });
});
