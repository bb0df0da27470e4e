import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe("the CRM page's shortcuts", { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    go(`#/folder/${PRESET_FOLDER_IDS.contacts}`);
  });

  it('/ focuses the search box, c opens the new-contact form, ? lists them and Escape closes the list', async () => {
    const user = userEvent.setup();
    renderWithDb(<CrmApp />);
    await screen.findByRole('heading', { name: /Contacts/ });
    await user.keyboard('/');
    expect(screen.getByRole('combobox', { name: 'Search everything' })).toHaveFocus();
    await user.keyboard('{Escape}');
    (document.activeElement as HTMLElement).blur();

    await user.keyboard('c');
    expect(await screen.findByRole('button', { name: 'Create contact' })).toBeInTheDocument();

    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('/Search records');
    expect(help).toHaveTextContent('cNew record in this folder');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
  });

  it('none fires while typing: a c typed into a field stays in the field', async () => {
    const user = userEvent.setup();
    renderWithDb(<CrmApp />);
    await screen.findByRole('heading', { name: /Contacts/ });
    await user.click(screen.getByRole('combobox', { name: 'Search everything' }));
    await user.keyboard('c?');
    expect(screen.getByRole('combobox', { name: 'Search everything' })).toHaveValue('c?');
    expect(screen.queryByRole('button', { name: 'Create contact' })).toBeNull();
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(await db.records.count()).toBe(0);
  });

  it('speaks Spanish', async () => {
    setLocale('es');
    const user = userEvent.setup();
    renderWithDb(<CrmApp />);
    await screen.findByRole('heading', { name: /Contact/ });
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Atajos de teclado' })).toHaveTextContent('Nuevo registro en esta carpeta');
  });
});
