import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DuplicatesPage } from '../../../components/duplicates/DuplicatesPage';
import { setLocale } from '../../../i18n';
import { addNote, addTask } from '../../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { timeline } from '../../../storage/queries/queries';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { contacts } = PRESET_FOLDER_IDS;

describe('DuplicatesPage', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('lists likely duplicates with the reason, compares them side by side and merges with the chosen values', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Pérez', fc_emails: ['ana@acme.es'] });
    const anita = await createRecord(db, contacts, { fc_firstName: 'Anita', fc_emails: ['ANA@acme.es', 'anita@gmail.com'], fc_position: 'CTO' });
    await createRecord(db, contacts, { fc_firstName: 'Someone else', fc_emails: ['else@acme.es'] });
    await addNote(db, [ana.id], 'First call');
    await addNote(db, [anita.id], 'Met at the fair');
    await addTask(db, [anita.id], 'Send the quote');
    const user = userEvent.setup();
    renderWithDb(<DuplicatesPage />);

    const groups = await screen.findByRole('list', { name: 'Likely duplicates' });
    expect(within(groups).getAllByRole('listitem')).toHaveLength(1);
    expect(groups).toHaveTextContent('Same email: ana@acme.es');
    await user.click(within(groups).getByRole('button', { name: 'Review and merge (2)' }));

    const review = await screen.findByRole('region', { name: 'Review duplicates' });
    expect(within(review).getByText('Activities: 1')).toBeInTheDocument();
    expect(within(review).getByText('Activities: 2')).toBeInTheDocument();
    // The survivor keeps its own first name by default; take Anita's instead, and her position.
    expect(within(review).getByRole('radio', { name: 'Use Ana Pérez’s First name' })).toBeChecked();
    await user.click(within(review).getByRole('radio', { name: 'Use Anita’s First name' }));
    expect(within(review).getByRole('radio', { name: 'Use Anita’s Position' })).toBeChecked();
    await user.click(within(review).getByRole('button', { name: 'Merge 2 records' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Merged into');
    expect(within(status).getByRole('link')).toHaveAttribute('href', `#/record/${ana.id}`);
    expect(await screen.findByText('No likely duplicates in this folder.')).toBeInTheDocument();

    const kept = (await db.records.get(ana.id))!;
    expect(kept.values).toMatchObject({ fc_firstName: 'Anita', fc_lastName: 'Pérez', fc_position: 'CTO', fc_emails: ['ana@acme.es', 'anita@gmail.com'] });
    expect(await db.records.get(anita.id)).toBeUndefined();
    expect((await timeline(db, [ana.id])).map((a) => (a.kind === 'note' ? a.body : a.kind === 'task' ? a.title : a.kind)).sort()).toEqual(['First call', 'Met at the fair', 'Send the quote']);
  });

  it('shows the refusal when the chosen values break a rule, and keeps both records', async () => {
    const many = (who: string) => Array.from({ length: 30 }, (_, i) => `${who}${i}@acme.es`);
    await createRecord(db, contacts, { fc_firstName: 'A', fc_emails: [...many('a'), 'same@acme.es'] });
    await createRecord(db, contacts, { fc_firstName: 'B', fc_emails: [...many('b'), 'same@acme.es'] });
    const user = userEvent.setup();
    renderWithDb(<DuplicatesPage />);
    await user.click(await screen.findByRole('button', { name: 'Review and merge (2)' }));
    await user.click(await screen.findByRole('button', { name: 'Merge 2 records' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Emails holds more than 50 items');
    await waitFor(async () => expect(await db.records.count()).toBe(2));
  });

  it.each([
    ['es', 'Duplicados', 'No hay posibles duplicados en esta carpeta.'],
    ['it', 'Duplicati', 'Nessun probabile duplicato in questa cartella.'],
  ] as const)('speaks %s', async (locale, title, none) => {
    setLocale(locale);
    renderWithDb(<DuplicatesPage />);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(await screen.findByText(none)).toBeInTheDocument();
  });
});
