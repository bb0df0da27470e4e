import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TemplatesPage } from '../../../components/templates/TemplatesPage';
import { loadLocale, setLocale } from '../../../i18n';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { countTemplateUse, saveTemplate } from '../../../storage/templates/templates';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../../support/db';
import { renderWithDb } from '../../support/render';

describe('the Templates page', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('says what templates are for, then writes one with a field inserted at the caret and previews it for the first contact', async () => {
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia@acme-iberia.es'] });
    const user = userEvent.setup();
    renderWithDb(<TemplatesPage />);
    expect(await screen.findByText(/No templates yet/)).toBeInTheDocument();
    expect(screen.getByText(/insert from Gmail’s compose window/)).toHaveTextContent('{{contact.firstName}}');

    await user.click(screen.getByRole('button', { name: 'New template' }));
    await user.type(screen.getByLabelText('Name'), 'Seguimiento');
    await user.selectOptions(screen.getByLabelText('Language'), 'es');
    const body = screen.getByLabelText('Body') as HTMLTextAreaElement;
    await user.type(body, 'Hola , ¿qué tal {{{{company.name}}?');
    body.setSelectionRange(5, 5);
    await user.click(screen.getByRole('combobox', { name: 'Insert field' }));
    await user.click(await screen.findByRole('option', { name: /^First name/ }));
    expect(body).toHaveValue('Hola {{contact.firstName}}, ¿qué tal {{company.name}}?');
    expect(body).toHaveFocus();
    expect(body.selectionStart).toBe('Hola {{contact.firstName}}'.length);

    const preview = await screen.findByTestId('template-preview');
    expect(preview).toHaveTextContent('Hola Lucía, ¿qué tal [Empresa]?');
    expect(preview.querySelector('[data-tl-missing="company.name"]')).not.toBeNull();
    expect(screen.getByText(/Shown for Lucía García <lucia@acme-iberia.es>, the workspace’s first contact/)).toBeInTheDocument();
    expect(screen.getByText('Missing for this contact: Company')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Saved “Seguimiento”.')).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Templates' })).getByRole('row', { name: /Seguimiento/ });
    expect(row).toHaveTextContent('Spanish');
    expect(row).toHaveTextContent('0');
  });

  it('inserts a field from the keyboard where the subject’s caret was', async () => {
    const user = userEvent.setup();
    renderWithDb(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: 'New template' }));
    const subject = screen.getByLabelText('Subject') as HTMLInputElement;
    await user.type(subject, 'For ');
    const menu = screen.getByRole('combobox', { name: 'Insert field' });
    menu.focus();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('listbox')).toBeVisible();
    // Company is the fifth field.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(subject).toHaveValue('For {{company.name}}');
    expect(subject).toHaveFocus();
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows a refusal next to its field, in the user’s language', async () => {
    // Catalogues load on demand: the page's before it renders, as LocaleProvider does (the first test's preview loaded its own).
    await loadLocale('es');
    setLocale('es');
    const user = userEvent.setup();
    renderWithDb(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: 'Nueva plantilla' }));
    await user.type(screen.getByLabelText('Nombre'), '   ');
    await user.click(screen.getByRole('button', { name: 'Guardar plantilla' }));
    const name = screen.getByLabelText('Nombre');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/^Nombre /);
    expect(await db.templates.count()).toBe(0);
  });

  it('lists uses, edits and deletes after asking', async () => {
    const tpl = await saveTemplate(db, { name: 'Intro', subject: 'Hello {{contact.firstName}}', body: 'Hi', language: 'en' });
    await countTemplateUse(db, tpl.id);
    await countTemplateUse(db, tpl.id);
    const user = userEvent.setup();
    renderWithDb(<TemplatesPage />);
    const row = await screen.findByRole('row', { name: /Intro/ });
    expect(row).toHaveTextContent('IntroEnglishHello {{contact.firstName}}2');

    await user.click(within(row).getByRole('button', { name: 'Edit Intro' }));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Intro call');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByText('Saved “Intro call”.');
    expect((await db.templates.get(tpl.id))?.name).toBe('Intro call');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await db.templates.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Delete template' }));
    expect(await screen.findByText(/No templates yet/)).toBeInTheDocument();
    expect(await db.templates.count()).toBe(0);
  });

  it('is read-only for a viewer', async () => {
    await saveTemplate(db, { name: 'Intro', subject: '', body: 'Hi', language: 'en' });
    await shareWorkspace(db, 'viewer');
    renderWithDb(<TemplatesPage />);
    expect(await screen.findByRole('row', { name: /Intro/ })).toBeInTheDocument();
    await screen.findByRole('note');
    expect(screen.queryByRole('button', { name: 'New template' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Intro' })).toBeNull();
  });
});
