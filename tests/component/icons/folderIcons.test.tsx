import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { setLocale } from '../../../i18n';
import type { Folder } from '../../../storage/model/entities';
import { FOLDER_ICONS, folderIconName } from '../../../storage/model/folderIcons';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createFolder } from '../../../storage/folders/folders';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const nav = () => screen.getByRole('navigation', { name: /Folders|Carpetas/ });
/** A folder's own link in the navigation (its views are links too). */
const folderLink = (name: string) => [...nav().querySelectorAll('a.tl-folder-link')].find((a) => a.textContent?.trim().startsWith(name));
/** The one lucide icon drawn in `el`, by its class; it must be hidden and `el`'s text must not carry an emoji instead. */
function drawnIcon(el: Element | undefined) {
  const svgs = el?.querySelectorAll('svg') ?? [];
  expect(svgs).toHaveLength(1);
  expect(svgs[0]!.getAttribute('aria-hidden')).toBe('true');
  expect(el!.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  return [...svgs[0]!.classList].find((c) => c.startsWith('lucide-'));
}

/** What an older version stored, written as it would be found on disk (the write path now refuses emoji). */
async function storeIcon(id: string, icon: string) {
  const folder = (await db.folders.get(id))!;
  await db.transaction('rw', db.folders, () => db.folders.put({ ...folder, icon }));
}

// Generous waits: these run beside other suites on a shared two-core machine (found, never slept for).
configure({ asyncUtilTimeout: 10_000 });

describe('folder icons', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    // Before the reset: a fresh workspace's presets are named in the page's language.
    setLocale('en');
    await resetDb();
    window.location.hash = '';
  });

  it('the picker offers the whole set by name; the pick is saved as its name and drawn as SVG', async () => {
    renderWithDb(<CrmApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'New folder' }));
    const dialog = screen.getByRole('form', { name: 'New folder' });
    const radios = within(dialog).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual([...FOLDER_ICONS]);
    expect(within(dialog).getByRole('radio', { name: 'Folder' })).toBeChecked();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Folder name' }), 'Partners');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Handshake' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create folder' }));

    await waitFor(async () => expect((await db.folders.toArray()).find((f) => f.name === 'Partners')?.icon).toBe('handshake'));
    await waitFor(() => expect(drawnIcon(folderLink('Partners'))).toBe('lucide-handshake'));
    expect(drawnIcon(await screen.findByRole('heading', { level: 2, name: 'Partners' }))).toBe('lucide-handshake');
  });

  it('names every icon in the user language', async () => {
    setLocale('es');
    renderWithDb(<CrmApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Nueva carpeta' }));
    const dialog = screen.getByRole('form', { name: 'Nueva carpeta' });
    expect(within(dialog).getByRole('radio', { name: 'Apretón de manos' })).not.toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Carpeta' })).toBeChecked();
    const names = within(dialog).getAllByRole('radio').map((r) => (r.closest('label')?.textContent ?? '').trim());
    expect(new Set(names).size).toBe(FOLDER_ICONS.length);
  });

  it("an older version's emoji is drawn as its replacement, and stays stored until another icon is picked", async () => {
    await storeIcon(PRESET_FOLDER_IDS.contacts, '👤');
    await storeIcon(PRESET_FOLDER_IDS.companies, '🏢');
    const partners = await createFolder(db, { name: 'Partners', icon: '' });
    const tools = await createFolder(db, { name: 'Tools', icon: '' });
    const lab = await createFolder(db, { name: 'Lab', icon: '' });
    await storeIcon(partners.id, '🤝');
    await storeIcon(tools.id, '🛠️'); // with VARIATION SELECTOR-16, as some keyboards type it
    await storeIcon(lab.id, '🧪'); // never offered: the plain folder

    renderWithDb(<CrmApp />);
    await waitFor(() => expect(drawnIcon(folderLink('Lab'))).toBe('lucide-folder'));
    expect(drawnIcon(folderLink('Partners'))).toBe('lucide-handshake');
    expect(drawnIcon(folderLink('Contacts'))).toBe('lucide-user');
    expect(drawnIcon(folderLink('Companies'))).toBe('lucide-building');
    expect(drawnIcon(folderLink('Tools'))).toBe('lucide-wrench');

    // The home route opens the first folder: let it, then go on.
    await screen.findByRole('heading', { level: 2, name: 'Contacts' });
    go(`#/folder/${partners.id}`);
    expect(drawnIcon(await screen.findByRole('heading', { level: 2, name: 'Partners' }))).toBe('lucide-handshake');
    await userEvent.click(screen.getByRole('button', { name: 'Folder settings' }));
    let dialog = screen.getByRole('form', { name: 'Folder settings' });
    expect(within(dialog).getByRole('radio', { name: 'Handshake' })).toBeChecked();
    const name = within(dialog).getByRole('textbox', { name: 'Folder name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Resellers');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // A rename leaves the stored icon as it was: nothing is rewritten that the person did not change.
    await waitFor(async () => expect(await db.folders.get(partners.id)).toMatchObject<Partial<Folder>>({ name: 'Resellers', icon: '🤝' }));

    // The open page follows the rename (its live queries hear of it), and so does its settings form.
    expect(drawnIcon(await screen.findByRole('heading', { level: 2, name: 'Resellers' }))).toBe('lucide-handshake');
    await userEvent.click(screen.getByRole('button', { name: 'Folder settings' }));
    dialog = screen.getByRole('form', { name: 'Folder settings' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Star' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.folders.get(partners.id)).toMatchObject<Partial<Folder>>({ name: 'Resellers', icon: 'star' }));
    await waitFor(() => expect(drawnIcon(screen.getByRole('heading', { level: 2, name: 'Resellers' }))).toBe('lucide-star'));
    await waitFor(() => expect(drawnIcon(folderLink('Resellers'))).toBe('lucide-star'));
  });

  it('maps every emoji the presets and the old picker stored to an icon of the set', () => {
    const old = ['📁', '👤', '🏢', '💼', '🤝', '🏪', '🎯', '📦', '🧾', '🏠', '🎓', '🚚', '⭐', '💡', '🛠'];
    expect(old.map(folderIconName)).toEqual(['folder', 'user', 'building', 'briefcase', 'handshake', 'store', 'target', 'package', 'receipt', 'house', 'graduation-cap', 'truck', 'star', 'lightbulb', 'wrench']);
    expect(['', '<b>', 'x'.repeat(32)].map(folderIconName)).toEqual(['folder', 'folder', 'folder']);
  });
});
