import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { setLocale } from '../../../i18n';
import type { CrmRecord } from '../../../storage/model/entities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { withTableScrollHeight } from '../../support/layout';

const { contacts, companies } = PRESET_FOLDER_IDS;

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/**
 * Seeds contacts straight into the table: the write path's cost is not what these tests measure.
 * The transaction includes folders and fields, which the derived-index middleware reads.
 */
async function seedContacts(n: number) {
  const now = Date.now();
  const rows: CrmRecord[] = Array.from({ length: n }, (_, i) => ({
    id: `rec_${String(i).padStart(6, '0')}`, folderId: contacts, values: { fc_firstName: `Person ${i}` }, title: `Person ${i}`,
    emails: [], domains: [], linkedIds: [], stats: {}, createdAt: now, updatedAt: now - i,
  }));
  await db.transaction('rw', db.records, db.folders, db.fields, () => db.records.bulkAdd(rows));
}

withTableScrollHeight();

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => !r.classList.contains('tl-spacer') && r.closest('tbody'));

// Generous waits: these run beside other suites on a shared two-core machine.
describe('CRM app', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    window.location.hash = '';
  });

  it('renders only a window of rows for a large folder, with the full count', { timeout: 30_000 }, async () => {
    await seedContacts(5_000);
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    // The first page shows before the folder is counted: the full count follows.
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '5001'));
    const rows = bodyRows(table);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByText('5,000 records')).toBeInTheDocument();
  });

  it('edits a cell inline through its editor; a refused edit names the field and changes nothing', async () => {
    const r = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz' });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const cell = await screen.findByRole('cell', { name: 'Ruiz' });
    fireEvent.doubleClick(cell);
    const editor = screen.getByRole('group', { name: 'Edit Last name of Ana Ruiz' });
    fireEvent.change(within(editor).getByLabelText('Last name'), { target: { value: 'Ruiz Gómez' } });
    fireEvent.keyDown(within(editor).getByLabelText('Last name'), { key: 'Enter' });
    await waitFor(async () => expect((await db.records.get(r.id))!.values.fc_lastName).toBe('Ruiz Gómez'));

    fireEvent.keyDown(await screen.findByRole('cell', { name: 'Ana' }), { key: 'F2' });
    const first = screen.getByRole('group', { name: /Edit First name/ });
    fireEvent.change(within(first).getByLabelText('First name'), { target: { value: '' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('First name is required');
    expect((await db.records.get(r.id))!.values.fc_firstName).toBe('Ana');
  });

  it('sorts by a column header, and selects rows for a bulk edit and a confirmed bulk delete', async () => {
    for (const name of ['Bea', 'Ana', 'Carla']) await createRecord(db, contacts, { fc_firstName: name });
    renderWithDb(<CrmApp />);
    go('#/folder/folder_contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    fireEvent.click(within(table).getByRole('button', { name: /^First name/ }));
    await waitFor(() => expect(bodyRows(table).map((r) => r.textContent)).toEqual(['Ana', 'Bea', 'Carla']));

    fireEvent.click(screen.getByLabelText('Select Ana'));
    fireEvent.click(screen.getByLabelText('Select Carla'));
    const bulk = screen.getByRole('region', { name: '2 selected' });
    fireEvent.change(within(bulk).getByLabelText('Set'), { target: { value: 'fc_leadStatus' } });
    fireEvent.change(within(bulk).getByLabelText('New value of Lead status'), { target: { value: 'open' } });
    fireEvent.click(within(bulk).getByRole('button', { name: 'Apply to 2' }));
    await waitFor(async () => {
      const statuses = (await db.records.toArray()).map((r) => [r.title, r.values.fc_leadStatus]).sort();
      expect(statuses).toEqual([['Ana', 'open'], ['Bea', undefined], ['Carla', 'open']]);
    });

    fireEvent.click(screen.getByLabelText('Select Bea'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete 1' }));
    expect(await db.records.count()).toBe(3);
    fireEvent.click(within(screen.getByRole('group', { name: /Delete 1 records/ })).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await db.records.toArray()).map((r) => r.title).sort()).toEqual(['Ana', 'Carla']));
  });

  it('search finds accented names from plain letters; arrows and Enter open the record', async () => {
    const lucia = await createRecord(db, contacts, { fc_firstName: 'Lucía', fc_lastName: 'García' });
    await createRecord(db, companies, { fo_name: 'García Hermanos' });
    renderWithDb(<CrmApp />);
    const box = screen.getByRole('combobox', { name: 'Search everything' });
    fireEvent.change(box, { target: { value: 'garcia' } });
    await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'true'));
    const list = screen.getByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    const names = within(list).getAllByRole('option').map((o) => o.textContent);
    expect(names.some((n) => n?.includes('Lucía García'))).toBe(true);
    const index = names.findIndex((n) => n?.includes('Lucía'));
    for (let i = 0; i <= index; i++) fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[index]!.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe(`#/record/${lucia.id}`));
    expect(await screen.findByRole('article', { name: 'Lucía García' })).toBeInTheDocument();
  });

  it('creates, renames and deletes a custom folder (deleting asks first)', async () => {
    renderWithDb(<CrmApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'New folder' }));
    fireEvent.change(screen.getByLabelText('Folder name'), { target: { value: 'Partners' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create folder' }));
    const nav = screen.getByRole('navigation');
    expect(await within(nav).findByRole('link', { name: /^Partners/ })).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/folder\/folder_/));
    fireEvent.click(await screen.findByRole('button', { name: 'Folder settings' }));
    fireEvent.change(screen.getByLabelText('Folder name'), { target: { value: 'Resellers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(nav).findByRole('link', { name: /^Resellers/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Folder settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete folder' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(within(nav).queryByRole('link', { name: /^Resellers/ })).toBeNull());
    expect(await db.folders.count()).toBe(4);
  });
});
