import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { placeInOrder } from '../../../components/crm/stableOrder';
import { targetCell } from '../../../components/crm/cellFocus';
import { CrmApp } from '../../../components/shell/CrmApp';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';
import { withTableScrollHeight } from '../../support/layout';

const { contacts } = PRESET_FOLDER_IDS;

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

withTableScrollHeight();

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => !r.classList.contains('tl-spacer') && r.closest('tbody'));
const firstNames = (table: HTMLElement) => bodyRows(table).map((r) => r.querySelectorAll('td')[1]!.textContent);
/** The cell of `column` (0 = first name) in the row whose first name is `name`. */
const cellOf = (table: HTMLElement, name: string, column: number) =>
  bodyRows(table).find((r) => r.querySelectorAll('td')[1]!.textContent === name)!.querySelectorAll('td')[column + 1]!;

describe('placeInOrder', () => {
  const rows = (...ids: string[]) => ids.map((id) => ({ id }));
  it('keeps the frozen order, drops rows that left, and puts new rows where the live order has them', () => {
    expect(placeInOrder(['a', 'b', 'c'], rows('b', 'a', 'c')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(placeInOrder(['a', 'b', 'c'], rows('c', 'a')).map((r) => r.id)).toEqual(['a', 'c']);
    // A new record first in a newest-first view shows first; others follow the row before them there.
    expect(placeInOrder(['a', 'b', 'c'], rows('n', 'b', 'a', 'm', 'c', 'z')).map((r) => r.id)).toEqual(['n', 'a', 'm', 'b', 'c', 'z']);
  });
});

describe('targetCell', () => {
  const ids = ['r1', 'r2'];
  const fields = ['f1', 'f2', 'f3'];
  const canEdit = (f: string) => f !== 'f2';
  it('moves down in the column, right and left over cells without an editor, wrapping rows', () => {
    expect(targetCell(ids, fields, canEdit, { recordId: 'r1', fieldId: 'f3' }, 'down')).toEqual({ recordId: 'r2', fieldId: 'f3' });
    expect(targetCell(ids, fields, canEdit, { recordId: 'r2', fieldId: 'f3' }, 'down')).toEqual({ recordId: 'r2', fieldId: 'f3' });
    expect(targetCell(ids, fields, canEdit, { recordId: 'r1', fieldId: 'f1' }, 'right')).toEqual({ recordId: 'r1', fieldId: 'f3' });
    expect(targetCell(ids, fields, canEdit, { recordId: 'r1', fieldId: 'f3' }, 'right')).toEqual({ recordId: 'r2', fieldId: 'f1' });
    expect(targetCell(ids, fields, canEdit, { recordId: 'r2', fieldId: 'f1' }, 'left')).toEqual({ recordId: 'r1', fieldId: 'f3' });
    expect(targetCell(ids, fields, canEdit, { recordId: 'r1', fieldId: 'f1' }, 'none')).toBeUndefined();
  });
});

describe('a table while it is edited', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    window.location.hash = '';
  });

  it('keeps every row in its place while the second row is edited; Tab, Enter and Escape move like a spreadsheet', async () => {
    // Created oldest first: the view (newest change first) shows Cleo, Bea, Ana.
    await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Alba' });
    const bea = await createRecord(db, contacts, { fc_firstName: 'Bea', fc_lastName: 'Bravo' });
    await createRecord(db, contacts, { fc_firstName: 'Cleo', fc_lastName: 'Costa' });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(firstNames(table)).toEqual(['Cleo', 'Bea', 'Ana']));

    // Second row, first name: Enter opens the editor, Tab saves and moves right to the last name.
    const first = cellOf(table, 'Bea', 0);
    first.focus();
    fireEvent.keyDown(first, { key: 'Enter' });
    const input = within(screen.getByRole('group', { name: /Edit First name/ })).getByLabelText('First name');
    expect(input).toHaveFocus();
    fireEvent.change(input, { target: { value: 'Beatriz' } });
    fireEvent.keyDown(input, { key: 'Tab' });
    await waitFor(() => expect(cellOf(table, 'Beatriz', 1)).toHaveFocus());
    expect(firstNames(table)).toEqual(['Cleo', 'Beatriz', 'Ana']);

    // The same row again (it is now the newest change, yet stays second); Enter saves and moves down.
    fireEvent.keyDown(cellOf(table, 'Beatriz', 1), { key: 'Enter' });
    const last = within(screen.getByRole('group', { name: /Edit Last name/ })).getByLabelText('Last name');
    fireEvent.change(last, { target: { value: 'Blanco' } });
    fireEvent.keyDown(last, { key: 'Enter' });
    await waitFor(() => expect(cellOf(table, 'Ana', 1)).toHaveFocus());
    await waitFor(() => expect(cellOf(table, 'Beatriz', 1)).toHaveTextContent('Blanco'));
    expect(firstNames(table)).toEqual(['Cleo', 'Beatriz', 'Ana']);

    // Shift+Tab from the last name goes back to the first name of the same row.
    fireEvent.keyDown(cellOf(table, 'Beatriz', 1), { key: 'Enter' });
    fireEvent.keyDown(within(screen.getByRole('group', { name: /Edit Last name/ })).getByLabelText('Last name'), { key: 'Tab', shiftKey: true });
    await waitFor(() => expect(cellOf(table, 'Beatriz', 0)).toHaveFocus());

    // Escape cancels: nothing written, focus back on the cell.
    fireEvent.keyDown(cellOf(table, 'Beatriz', 0), { key: 'Enter' });
    const again = within(screen.getByRole('group', { name: /Edit First name/ })).getByLabelText('First name');
    fireEvent.change(again, { target: { value: 'Nope' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Edit First name/ })).toBeNull();
    expect(cellOf(table, 'Beatriz', 0)).toHaveFocus();

    const saved = (await db.records.get(bea.id))!.values;
    expect([saved.fc_firstName, saved.fc_lastName]).toEqual(['Beatriz', 'Blanco']);
    expect(firstNames(table)).toEqual(['Cleo', 'Beatriz', 'Ana']);

    // An explicit sort refreshes the order.
    fireEvent.click(within(table).getByRole('button', { name: /^First name/ }));
    await waitFor(() => expect(firstNames(table)).toEqual(['Ana', 'Beatriz', 'Cleo']));
  });

  it('a link cell edits through the type-ahead picker: Enter picks a suggestion, the next Enter saves and moves down', async () => {
    const { companies } = PRESET_FOLDER_IDS;
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.com' });
    await createRecord(db, companies, { fo_name: 'Globex' });
    await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const bea = await createRecord(db, contacts, { fc_firstName: 'Bea' });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(firstNames(table)).toEqual(['Bea', 'Ana']));
    // Columns: first name, last name, emails, company.
    fireEvent.doubleClick(cellOf(table, 'Bea', 3));
    const picker = within(screen.getByRole('group', { name: /Edit Company/ })).getByRole('combobox');
    expect(picker).toHaveFocus();
    fireEvent.change(picker, { target: { value: 'acm' } });
    const option = await screen.findByRole('option', { name: /Acme/ });
    expect(option).toHaveTextContent('acme.com');
    fireEvent.keyDown(picker, { key: 'Enter' });
    // Picked, not saved yet: the editor is still open with the chip.
    expect(await screen.findByRole('button', { name: 'Remove Acme' })).toBeInTheDocument();
    expect((await db.records.get(bea.id))!.values.fc_company).toBeUndefined();
    fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(async () => expect((await db.records.get(bea.id))!.values.fc_company).toEqual([acme.id]));
    await waitFor(() => expect(cellOf(table, 'Ana', 3)).toHaveFocus());
    await waitFor(() => expect(cellOf(table, 'Bea', 3)).toHaveTextContent('Acme'));
    expect(firstNames(table)).toEqual(['Bea', 'Ana']);

    // Back on Bea's company: the suggestions offered before typing are not picked by Enter, which saves as it is.
    fireEvent.keyDown(cellOf(table, 'Bea', 3), { key: 'Enter' });
    const again = within(screen.getByRole('group', { name: /Edit Company/ })).getByRole('combobox');
    fireEvent.focus(again);
    expect(await screen.findByRole('option', { name: 'Globex' })).toBeInTheDocument();
    expect(again).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(again, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('group', { name: /Edit Company/ })).toBeNull());
    expect((await db.records.get(bea.id))!.values.fc_company).toEqual([acme.id]);
  });

  it('a refused edit keeps the editor open with what was typed, and Escape then returns to the cell', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(firstNames(table)).toEqual(['Ana']));
    fireEvent.doubleClick(cellOf(table, 'Ana', 2));
    const input = within(screen.getByRole('group', { name: /Edit Emails/ })).getByLabelText('Emails');
    fireEvent.change(input, { target: { value: 'not-an-address' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('alert')).toHaveTextContent('not-an-address');
    expect(screen.getByRole('group', { name: /Edit Emails/ })).toBeInTheDocument();
    expect(input).toHaveValue('not-an-address');
    expect(input).toHaveFocus();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(cellOf(table, 'Ana', 2)).toHaveFocus();
    expect((await db.records.get(ana.id))!.values.fc_emails).toEqual(['ana@acme.es']);
  });

  it('arrow keys move between cells without opening editors', async () => {
    await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Alba' });
    await createRecord(db, contacts, { fc_firstName: 'Bea', fc_lastName: 'Bravo' });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(firstNames(table)).toEqual(['Bea', 'Ana']));
    cellOf(table, 'Bea', 0).focus();
    fireEvent.keyDown(cellOf(table, 'Bea', 0), { key: 'ArrowRight' });
    await waitFor(() => expect(cellOf(table, 'Bea', 1)).toHaveFocus());
    fireEvent.keyDown(cellOf(table, 'Bea', 1), { key: 'ArrowDown' });
    await waitFor(() => expect(cellOf(table, 'Ana', 1)).toHaveFocus());
    fireEvent.keyDown(cellOf(table, 'Ana', 1), { key: 'ArrowLeft' });
    await waitFor(() => expect(cellOf(table, 'Ana', 0)).toHaveFocus());
    fireEvent.keyDown(cellOf(table, 'Ana', 0), { key: 'ArrowUp' });
    await waitFor(() => expect(cellOf(table, 'Bea', 0)).toHaveFocus());
    expect(screen.queryByRole('group', { name: /Edit/ })).toBeNull();
  });
});
