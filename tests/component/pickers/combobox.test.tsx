import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState, type KeyboardEvent } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordPicker } from '../../../components/pickers/RecordPicker';
import { UserPicker } from '../../../components/pickers/UserPicker';
import { FieldValue } from '../../../components/fields/FieldValue';
import { formatContext } from '../../../components/hooks';
import type { Field } from '../../../storage/model/field';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { SHARED_WORKSPACE_KEY } from '../../../storage/replica/workspaceMode';
import { saveUserDirectory } from '../../../storage/workspace/members';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { companies } = PRESET_FOLDER_IDS;

/** The picker as an editor holds it, with a parent that sees which keys the picker left alone. */
function Harness({ onKey }: { onKey: (key: string, handled: boolean) => void }) {
  const [value, setValue] = useState<string[] | undefined>();
  return (
    <div onKeyDown={(e: KeyboardEvent) => onKey(e.key, e.defaultPrevented)}>
      <label htmlFor="company">Company</label>
      <RecordPicker folderId={companies} value={value} onChange={setValue} inputId="company" label="Company" />
      <output data-testid="value">{(value ?? []).join(',')}</output>
    </div>
  );
}

const chips = () => within(screen.queryByRole('list', { name: 'Chosen for Company' }) ?? document.createElement('ul')).queryAllByRole('listitem').map((li) => li.textContent);

describe('the type-ahead picker', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('types, moves with the arrows, picks with Enter, removes chips, and leaves Escape to the editor once closed', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.com' });
    const labs = await createRecord(db, companies, { fo_name: 'Acme Labs', fo_domain: 'acmelabs.io' });
    const globex = await createRecord(db, companies, { fo_name: 'Globex' });
    const keys: [string, boolean][] = [];
    const user = userEvent.setup();
    renderWithDb(<Harness onKey={(k, handled) => keys.push([k, handled])} />);
    const input = screen.getByRole('combobox', { name: 'Company' });

    await user.type(input, 'acm');
    const list = screen.getByRole('listbox', { name: 'Suggestions for Company', hidden: true });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Acmeacme.com', 'Acme Labsacmelabs.io']));
    // The first suggestion is highlighted; the down arrow moves to the second, and Enter picks it.
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[1]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(labs.id));
    expect(keys.at(-1)).toEqual(['Enter', true]);
    expect(input).toHaveValue('');
    expect(chips()).toEqual(['Acme Labs']);

    // Straight on from the pick, without a click on the input first.
    await user.keyboard('glob');
    // The first keystroke after a pick is kept (downshift once reset the text to the picked, null, item).
    expect(input).toHaveValue('glob');
    await waitFor(() => expect(screen.getByRole('option', { name: /Globex/ })).toBeInTheDocument());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(`${labs.id},${globex.id}`));

    // A chosen record is not offered again.
    await user.type(input, 'acm');
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Acmeacme.com']));
    // Escape first closes the list (handled), then clears the text, then belongs to the editor around it.
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(keys.at(-1)).toEqual(['Escape', true]);
    if ((input as HTMLInputElement).value) await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    await user.keyboard('{Escape}');
    expect(keys.at(-1)).toEqual(['Escape', false]);

    // Removing: the chip's button, and Backspace in the empty input for the last one.
    await user.click(screen.getByRole('button', { name: 'Remove Acme Labs' }));
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(globex.id));
    expect(chips()).toEqual(['Globex']);
    input.focus();
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(screen.getByTestId('value')).toBeEmptyDOMElement());
    expect(chips()).toEqual([]);
    expect(acme.id).toBeTruthy();
  });

  it('offers the most recently changed records before anything is typed, and picks with a click', async () => {
    await createRecord(db, companies, { fo_name: 'Older' });
    const newer = await createRecord(db, companies, { fo_name: 'Newer', fo_domain: 'newer.com' });
    renderWithDb(<Harness onKey={() => {}} />);
    fireEvent.focus(screen.getByRole('combobox', { name: 'Company' }));
    const list = screen.getByRole('listbox', { name: 'Suggestions for Company', hidden: true });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Newernewer.com', 'Older']));
    await userEvent.click(within(list).getAllByRole('option')[0]!);
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(newer.id));
  });

  it('names "me" in the local workspace and the members in a shared one', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const { unmount } = renderWithDb(<UserPicker value={undefined} onChange={onChange} inputId="owner" label="Owner" />);
    await user.click(screen.getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: /Me/ }));
    expect(onChange).toHaveBeenLastCalledWith('me');
    unmount();

    await db.syncState.put({ key: SHARED_WORKSPACE_KEY, value: { id: 'ws1', name: 'Team', role: 'member' } });
    await saveUserDirectory(db, 'ws1', [
      { uid: 'u1', email: 'marta@team.io', role: 'owner' },
      { uid: 'u2', email: 'luis@team.io', role: 'member' },
    ]);
    setLocale('es');
    renderWithDb(<UserPicker value="marta@team.io" onChange={onChange} inputId="owner" label="Responsable" />);
    expect(await screen.findByText('marta@team.io')).toBeInTheDocument();
    const input = screen.getByRole('combobox');
    await user.type(input, 'lu');
    const option = await screen.findByRole('option', { name: /luis@team\.io/ });
    expect(option).toHaveTextContent('Miembro');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('luis@team.io');
  });

  it('"me" reads in the page\'s language wherever an owner is shown', () => {
    const owner = { id: 'f', folderId: 'x', key: 'owner', label: 'Owner', type: 'user', mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0 } as Field;
    for (const [locale, word] of [['en', 'Me'], ['es', 'Yo'], ['it', 'Io']] as const) {
      setLocale(locale);
      const { container, unmount } = renderWithDb(<FieldValue field={owner} value="me" ctx={formatContext([])} />);
      expect(container).toHaveTextContent(word);
      unmount();
    }
  });
});
