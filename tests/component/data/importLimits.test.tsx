import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../../components/import/ImportPage';
import { setLocale } from '../../../i18n';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

describe('ImportPage limits', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('refuses a 1,000,000-column file at the pick, in the user’s language, and offers no mapping', async () => {
    setLocale('es');
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    const file = new File([`${','.repeat(999_999)}\r\n1,2\r\n`], 'ancho.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('Archivo CSV'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent('La primera fila (los nombres de las columnas) tiene más de 60.000 caracteres.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(await db.meta.count()).toBe(0);
  });

  it('names the row of a cell too long to import', async () => {
    setLocale('it');
    const user = userEvent.setup();
    renderWithDb(<ImportPage />);
    const file = new File([`Nome,Note\nAna,ok\nBea,${'x'.repeat(100_001)}\n`], 'lungo.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('File CSV'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent('La riga 3 ha una cella di oltre 100.000 caratteri.');
  });
});
