import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';
import { withTableScrollHeight } from '../../support/layout';

const { contacts, companies } = PRESET_FOLDER_IDS;

withTableScrollHeight();

describe('pickers beyond the record form', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('a link filter picks its record by type-ahead', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.com' });
    const globex = await createRecord(db, companies, { fo_name: 'Globex' });
    await createRecord(db, contacts, { fc_firstName: 'Ana', fc_company: [acme.id] });
    await createRecord(db, contacts, { fc_firstName: 'Bea', fc_company: [globex.id] });
    const user = userEvent.setup();
    renderWithDb(<CrmApp />);
    act(() => {
      window.location.hash = '#/folder/folder_contacts';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(within(table).getByRole('cell', { name: 'Bea' })).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    fireEvent.change(screen.getByLabelText('Field of filter 1'), { target: { value: 'fc_company' } });
    const picker = await screen.findByRole('combobox', { name: 'Value of filter 1' });
    await user.type(picker, 'acm');
    await user.click(await screen.findByRole('option', { name: /Acme/ }));
    await waitFor(() => expect(within(table).queryByRole('cell', { name: 'Bea' })).toBeNull());
    expect(within(table).getByRole('cell', { name: 'Ana' })).toBeInTheDocument();
    // One record: a new pick replaces the chip.
    await user.type(picker, 'glo');
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(within(table).queryByRole('cell', { name: 'Ana' })).toBeNull());
    expect(screen.getAllByRole('button', { name: /^Remove (Acme|Globex)$/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['Remove Globex']);
  });

  it('in a table cell, a suggestion picked with the mouse keeps the editor open until Save', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const user = userEvent.setup();
    renderWithDb(<CrmApp />);
    act(() => {
      window.location.hash = '#/folder/folder_contacts';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const table = await screen.findByRole('table', { name: 'Contacts' });
    const row = (await within(table).findByRole('cell', { name: 'Ana' })).closest('tr')!;
    await user.dblClick(row.querySelectorAll('td')[4]!);
    const editor = screen.getByRole('group', { name: /Edit Company of Ana/ });
    await user.keyboard('ac');
    await user.click(await screen.findByRole('option', { name: /Acme/ }));
    expect(within(editor).getByRole('button', { name: 'Remove Acme' })).toBeInTheDocument();
    expect((await db.records.get(ana.id))!.values.fc_company).toBeUndefined();
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.records.get(ana.id))!.values.fc_company).toEqual([acme.id]));
    expect(screen.queryByRole('group', { name: /Edit Company/ })).toBeNull();
  });
});
