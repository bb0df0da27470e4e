import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { LocaleProvider } from '../../../components/shell/LocaleProvider';
import { setLocale, t } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { updateFolder } from '../../../storage/folders/folders';
import { getDeviceLocale, setDeviceLocale } from '../../../storage/settings/locale';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** What a second page (the sidebar beside Gmail) shows: a string of the catalogue and a stored name. */
function Probe() {
  return <p data-testid="probe">{t('sidebar.waiting')}</p>;
}

const nav = () => screen.getByRole('navigation');
/** The folder links of the navigation, by their text (icon and count included). */
const folderLinks = () => [...nav().querySelectorAll('a.tl-folder-link')].map((a) => a.textContent ?? '');

describe('the language setting', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
    window.location.hash = '';
  });
  afterEach(() => setLocale('en'));

  it('switches the whole CRM page, and renames only the presets the user confirmed and never renamed', async () => {
    await updateFolder(db, PRESET_FOLDER_IDS.companies, { name: 'Accounts' });
    renderWithDb(<LocaleProvider><CrmApp /></LocaleProvider>);
    go('#/page/workspace');
    const select = await screen.findByRole('combobox', { name: 'Language of Threadline on this computer' });
    expect(within(nav()).getByRole('link', { name: /Tasks/ })).toBeInTheDocument();

    fireEvent.change(select, { target: { value: 'es' } });
    // The question comes in the chosen language, before anything changes.
    const dialog = await screen.findByRole('dialog', { name: '¿Renombrar los nombres iniciales?' });
    expect(dialog).toHaveTextContent('Carpeta: Deals → Negocios');
    expect(dialog).toHaveTextContent('Carpeta: Contacts → Contactos');
    expect(dialog).not.toHaveTextContent('Carpeta: Accounts');
    expect(dialog).not.toHaveTextContent('Companies');
    expect(await getDeviceLocale(db)).toBeUndefined();
    expect((await db.folders.get(PRESET_FOLDER_IDS.deals))!.name).toBe('Deals');

    fireEvent.click(within(dialog).getByRole('button', { name: /^Cambiar y renombrar \d+ nombres$/ }));
    await screen.findByRole('combobox', { name: 'Idioma de Threadline en este ordenador' });
    expect(within(nav()).getByRole('link', { name: /Tareas/ })).toBeInTheDocument();
    await waitFor(() => expect(folderLinks().join('|')).toMatch(/Contactos.*\|.*Accounts.*\|.*Negocios/));
    expect(document.documentElement.lang).toBe('es');
    expect(await getDeviceLocale(db)).toBe('es');
    expect((await db.pipelines.get('pipeline_sales'))!.stages.map((s) => s.name)).toContain('Ganado');
  });

  it('switches without renaming when asked to, and cancel changes nothing', async () => {
    renderWithDb(<LocaleProvider><CrmApp /></LocaleProvider>);
    go('#/page/workspace');
    const select = await screen.findByRole('combobox', { name: 'Language of Threadline on this computer' });

    fireEvent.change(select, { target: { value: 'it' } });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await getDeviceLocale(db)).toBeUndefined();

    fireEvent.change(select, { target: { value: 'it' } });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cambia senza rinominare' }));
    await screen.findByRole('combobox', { name: 'Lingua di Threadline su questo computer' });
    await waitFor(() => expect(folderLinks().join('|')).toMatch(/Contacts.*\|.*Companies.*\|.*Deals/));
    expect((await db.folders.get(PRESET_FOLDER_IDS.contacts))!.name).toBe('Contacts');
  });

  it('another open page follows a choice made elsewhere, live', async () => {
    renderWithDb(<LocaleProvider><Probe /></LocaleProvider>);
    expect(await screen.findByTestId('probe')).toHaveTextContent('Open a thread to see');
    await act(() => setDeviceLocale(db, 'it'));
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent(/conversazione/i));
    await act(() => setDeviceLocale(db, 'es'));
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent(/Abre un hilo/));
  });
});
